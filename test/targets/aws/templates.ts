/** A CloudFormation template with an ECS task definition and service (plus an inert queue), as teams write them. */
export function ecsTemplate(family: string): string {
  return `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageTag:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '\${AWS::StackName}-jobs'
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${family}
      Cpu: '256'
      Memory: '512'
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      ExecutionRoleArn: !Sub 'arn:aws:iam::\${AWS::AccountId}:role/ecsTaskExecutionRole'
      ContainerDefinitions:
        - Name: app
          Image: !Sub 'registry.example.com/app:\${ImageTag}'
          Essential: true
          PortMappings:
            - ContainerPort: 8080
          HealthCheck:
            Command: [CMD-SHELL, 'wget -qO- localhost:8080/health || exit 1']
            Interval: 5
            Timeout: 2
            Retries: 2
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/${family}
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: app
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: default
      ServiceName: ${family}
      TaskDefinition: !Ref TaskDef
      DesiredCount: 1
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0123456789abcdef0]
`;
}
