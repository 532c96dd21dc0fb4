import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancelUpdateStackCommand,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  paginateDescribeStackEvents,
  UpdateStackCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { harness, until, type Harness } from './helpers.js';

/** CloudFormation through the real client: change sets, ECS-backed resources, cancel and the rollback states. */

const BROKEN = 'registry.example.com/app:broken';

function appTemplate(service: string, breaker = false): string {
  return `
AWSTemplateFormatVersion: '2010-09-09'
Description: ${service} on ECS
Parameters:
  ImageTag:
    Type: String
  DesiredCount:
    Type: Number
    Default: 1
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/ecs/\${AWS::StackName}'
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${service}
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
              awslogs-group: !Ref Logs
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: app
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: default
      ServiceName: ${service}
      TaskDefinition: !Ref TaskDef
      DesiredCount: !Ref DesiredCount
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0123456789abcdef0]
      DeploymentConfiguration:
        MinimumHealthyPercent: 100
        MaximumPercent: 200
        DeploymentCircuitBreaker:
          Enable: ${breaker}
          Rollback: ${breaker}
Outputs:
  ServiceArn:
    Value: !Ref Service
  ServiceName:
    Value: !GetAtt Service.Name
`;
}

describe('CloudFormation (SDK against the emulator)', () => {
  let h: Harness;
  before(async () => {
    h = await harness({
      images: [{ image: BROKEN, health: 'fail', healthOutput: '/bin/sh: wget: not found' }],
    });
  });
  after(() => h.close());

  const stack = async (name: string): Promise<Stack> =>
    (await h.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0]!;
  const settled = (name: string, status: string) =>
    until(
      () => stack(name),
      (s) => s.StackStatus === status || !s.StackStatus!.endsWith('_IN_PROGRESS'),
      {
        what: `${name} to reach ${status}`,
      },
    ).then((s) => {
      assert.equal(s.StackStatus, status, s.StackStatusReason);
      return s;
    });
  const events = async (name: string): Promise<StackEvent[]> => {
    const all: StackEvent[] = [];
    for await (const page of paginateDescribeStackEvents({ client: h.cfn }, { StackName: name }))
      all.push(...page.StackEvents!);
    return all;
  };
  const changeSetDone = (name: string, stackName: string) =>
    until(
      () => h.cfn.send(new DescribeChangeSetCommand({ ChangeSetName: name, StackName: stackName })),
      (c) => c.Status !== 'CREATE_PENDING' && c.Status !== 'CREATE_IN_PROGRESS',
      { what: `change set ${name}` },
    );

  it('creates a stack through a CREATE change set and waits for the ECS service to stabilize', async () => {
    const created = await h.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'shop',
        ChangeSetName: 'initial',
        ChangeSetType: 'CREATE',
        TemplateBody: appTemplate('shop'),
        Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'v1' }],
      }),
    );
    assert.match(
      created.Id!,
      /^arn:aws:cloudformation:us-east-1:123456789012:changeSet\/initial\/[0-9a-f-]{36}$/,
    );
    assert.equal((await stack('shop')).StackStatus, 'REVIEW_IN_PROGRESS');
    const cs = await changeSetDone('initial', 'shop');
    assert.equal(cs.Status, 'CREATE_COMPLETE');
    assert.equal(cs.ExecutionStatus, 'AVAILABLE');
    assert.deepEqual(
      cs.Changes!.map((c) => [
        c.ResourceChange!.Action,
        c.ResourceChange!.LogicalResourceId,
        c.ResourceChange!.ResourceType,
      ]),
      [
        ['Add', 'Logs', 'AWS::Logs::LogGroup'],
        ['Add', 'TaskDef', 'AWS::ECS::TaskDefinition'],
        ['Add', 'Service', 'AWS::ECS::Service'],
      ],
    );
    await h.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.Id }));
    const s = await settled('shop', 'CREATE_COMPLETE');
    const outputs = Object.fromEntries(s.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    assert.equal(outputs.ServiceArn, 'arn:aws:ecs:us-east-1:123456789012:service/default/shop');
    assert.equal(outputs.ServiceName, 'shop');
    const svc = (await h.ecs.send(new DescribeServicesCommand({ services: ['shop'] }))).services![0]!;
    assert.equal(svc.deployments![0]!.rolloutState, 'COMPLETED', 'CloudFormation waited for the rollout');
    const ev = await events('shop');
    const service = ev.filter((e) => e.LogicalResourceId === 'Service').reverse();
    assert.deepEqual(
      service.map((e) => [e.ResourceStatus, e.ResourceStatusReason]),
      [
        ['CREATE_IN_PROGRESS', undefined],
        ['CREATE_IN_PROGRESS', 'Resource creation Initiated'],
        ['CREATE_COMPLETE', undefined],
      ],
    );
    assert.equal(service[1]!.PhysicalResourceId, outputs.ServiceArn);
    assert.deepEqual(
      ev.filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack').map((e) => e.ResourceStatus),
      ['CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'REVIEW_IN_PROGRESS'],
    );
    const times = ev.map((e) => e.Timestamp!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
  });

  it('updates through a change set: the task definition is replaced, the service modified, the old revision cleaned up', async () => {
    const oldTd = (
      await h.cfn.send(new DescribeStackResourcesCommand({ StackName: 'shop', LogicalResourceId: 'TaskDef' }))
    ).StackResources![0]!.PhysicalResourceId!;
    await h.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'shop',
        ChangeSetName: 'v2',
        UsePreviousTemplate: true,
        Parameters: [
          { ParameterKey: 'ImageTag', ParameterValue: 'v2' },
          { ParameterKey: 'DesiredCount', UsePreviousValue: true },
        ],
      }),
    );
    const cs = await changeSetDone('v2', 'shop');
    const byId = Object.fromEntries(
      cs.Changes!.map((c) => [c.ResourceChange!.LogicalResourceId, c.ResourceChange!]),
    );
    assert.deepEqual(Object.keys(byId).sort(), ['Service', 'TaskDef']);
    assert.equal(byId.TaskDef!.Action, 'Modify');
    assert.equal(byId.TaskDef!.Replacement, 'True');
    assert.equal(byId.Service!.Replacement, 'False');
    assert.equal(byId.Service!.Details![0]!.Evaluation, 'Dynamic');
    await h.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: 'v2', StackName: 'shop' }));
    await settled('shop', 'UPDATE_COMPLETE');
    const statuses = (await events('shop'))
      .filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack')
      .map((e) => e.ResourceStatus);
    assert.deepEqual(statuses.slice(0, 3), [
      'UPDATE_COMPLETE',
      'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
    ]);
    const svc = (await h.ecs.send(new DescribeServicesCommand({ services: ['shop'] }))).services![0]!;
    assert.equal(svc.taskDefinition, 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:2');
    const old = (await h.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: oldTd })))
      .taskDefinition!;
    assert.equal(old.status, 'INACTIVE', 'the replaced revision was deregistered during cleanup');

    await h.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'shop',
        ChangeSetName: 'same',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTag', UsePreviousValue: true }],
      }),
    );
    const empty = await changeSetDone('same', 'shop');
    assert.equal(empty.Status, 'FAILED');
    assert.equal(
      empty.StatusReason,
      "The submitted information didn't contain changes. Submit different information to create a change set.",
    );
  });

  it('a stack waiting on a failing ECS service stays UPDATE_IN_PROGRESS until CancelUpdateStack, then rolls back', async () => {
    await h.cfn.send(
      new UpdateStackCommand({
        StackName: 'shop',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'broken' }],
      }),
    );
    await until(
      () => h.ecs.send(new DescribeServicesCommand({ services: ['shop'] })),
      (r) => (r.services![0]!.deployments![0]!.failedTasks ?? 0) >= 3,
      { what: 'three failed tasks' },
    );
    h.em.advance(3600); // an hour later, CloudFormation is still waiting
    const stuck = await stack('shop');
    assert.equal(stuck.StackStatus, 'UPDATE_IN_PROGRESS');
    const resources = (await h.cfn.send(new ListStackResourcesCommand({ StackName: 'shop' })))
      .StackResourceSummaries!;
    assert.equal(
      resources.find((r) => r.LogicalResourceId === 'Service')!.ResourceStatus,
      'UPDATE_IN_PROGRESS',
    );

    await h.cfn.send(new CancelUpdateStackCommand({ StackName: 'shop' }));
    const cancelled = await stack('shop');
    assert.equal(cancelled.StackStatus, 'UPDATE_ROLLBACK_IN_PROGRESS');
    assert.equal(cancelled.StackStatusReason, 'Stack update cancelled');
    await settled('shop', 'UPDATE_ROLLBACK_COMPLETE');
    const ev = await events('shop');
    assert.ok(
      ev.some(
        (e) =>
          e.LogicalResourceId === 'Service' &&
          e.ResourceStatus === 'UPDATE_FAILED' &&
          e.ResourceStatusReason === 'Resource update cancelled',
      ),
    );
    const svc = (await h.ecs.send(new DescribeServicesCommand({ services: ['shop'] }))).services![0]!;
    assert.equal(
      svc.taskDefinition,
      'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:2',
      'back on the previous revision',
    );
    await assert.rejects(h.cfn.send(new CancelUpdateStackCommand({ StackName: 'shop' })), {
      name: 'ValidationError',
      message: 'CancelUpdateStack cannot be called from current stack status',
    });
    // UPDATE_ROLLBACK_COMPLETE is a stable state that takes updates.
    const next = await h.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'shop',
        ChangeSetName: 'after-rollback',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'v3' }],
      }),
    );
    assert.ok(next.Id);
  });

  it('fails the update when the ECS circuit breaker fails the deployment', async () => {
    await h.cfn.send(
      new CreateStackCommand({
        StackName: 'cb',
        TemplateBody: appTemplate('cb', true),
        Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'v1' }],
      }),
    );
    await settled('cb', 'CREATE_COMPLETE');
    await h.cfn.send(
      new UpdateStackCommand({
        StackName: 'cb',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'broken' }],
      }),
    );
    await settled('cb', 'UPDATE_ROLLBACK_COMPLETE');
    const failed = (await events('cb')).find(
      (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'UPDATE_FAILED',
    )!;
    assert.match(
      failed.ResourceStatusReason!,
      /^Resource handler returned message: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'\." \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: GeneralServiceException\)$/,
    );
    const rollback = (await events('cb')).find((e) => e.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')!;
    assert.equal(rollback.ResourceStatusReason, 'The following resource(s) failed to update: [Service]. ');
  });

  it('a stack in ROLLBACK_COMPLETE refuses updates with the real message and must be deleted', async () => {
    h.em.applyScenario({
      cfn: {
        failResources: [
          { logicalId: 'Queue', on: 'create', message: 'Resource handler returned message: "Access Denied"' },
        ],
      },
    });
    const template = JSON.stringify({
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        Topic: { Type: 'AWS::SNS::Topic', DependsOn: 'Queue' },
      },
    });
    const { StackId } = await h.cfn.send(
      new CreateStackCommand({ StackName: 'doomed', TemplateBody: template }),
    );
    const s = await settled('doomed', 'ROLLBACK_COMPLETE');
    assert.equal(s.StackStatusReason, undefined);
    const ev = await events('doomed');
    assert.equal(
      ev.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!.ResourceStatusReason,
      'The following resource(s) failed to create: [Queue]. Rollback requested by user.',
    );
    const message = `Stack:${StackId} is in ROLLBACK_COMPLETE state and can not be updated.`;
    await assert.rejects(
      h.cfn.send(new UpdateStackCommand({ StackName: 'doomed', TemplateBody: template })),
      { name: 'ValidationError', message },
    );
    await assert.rejects(
      h.cfn.send(
        new CreateChangeSetCommand({ StackName: 'doomed', ChangeSetName: 'retry', TemplateBody: template }),
      ),
      { name: 'ValidationError', message },
    );
    h.em.applyScenario({ cfn: { failResources: [] } });
    await h.cfn.send(new DeleteStackCommand({ StackName: 'doomed' }));
    await until(
      () => h.cfn.send(new DescribeStacksCommand({ StackName: StackId })),
      (r) => r.Stacks![0]!.StackStatus === 'DELETE_COMPLETE',
    );
    await assert.rejects(h.cfn.send(new DescribeStacksCommand({ StackName: 'doomed' })), {
      name: 'ValidationError',
      message: 'Stack with id doomed does not exist',
    });
  });

  it('a rollback that fails leaves UPDATE_ROLLBACK_FAILED until ContinueUpdateRollback skips the resource', async () => {
    const template = JSON.stringify({
      Parameters: { Label: { Type: 'String' } },
      Resources: {
        Bucket: {
          Type: 'AWS::S3::Bucket',
          Properties: { Tags: [{ Key: 'label', Value: { Ref: 'Label' } }] },
        },
      },
    });
    await h.cfn.send(
      new CreateStackCommand({
        StackName: 'sticky',
        TemplateBody: template,
        Parameters: [{ ParameterKey: 'Label', ParameterValue: 'a' }],
      }),
    );
    await settled('sticky', 'CREATE_COMPLETE');
    await assert.rejects(h.cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'sticky' })), {
      message: 'ContinueUpdateRollback cannot be called from current stack status',
    });
    h.em.applyScenario({
      cfn: { failResources: [{ logicalId: 'Bucket', on: 'update', message: 'Bucket policy is locked' }] },
    });
    await h.cfn.send(
      new UpdateStackCommand({
        StackName: 'sticky',
        TemplateBody: template,
        Parameters: [{ ParameterKey: 'Label', ParameterValue: 'b' }],
      }),
    );
    const failed = await settled('sticky', 'UPDATE_ROLLBACK_FAILED');
    assert.equal(failed.StackStatusReason, 'The following resource(s) failed to update: [Bucket]. ');
    await assert.rejects(
      h.cfn.send(
        new UpdateStackCommand({
          StackName: 'sticky',
          TemplateBody: template,
          Parameters: [{ ParameterKey: 'Label', ParameterValue: 'c' }],
        }),
      ),
      {
        message: `Stack:${failed.StackId} is in UPDATE_ROLLBACK_FAILED state and can not be updated.`,
      },
    );
    await h.cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'sticky', ResourcesToSkip: ['Bucket'] }));
    await settled('sticky', 'UPDATE_ROLLBACK_COMPLETE');
    h.em.applyScenario({ cfn: { failResources: [] } });
  });

  it('pages stack events newest first', async () => {
    h.em.applyScenario({ cfn: { eventsPageSize: 4 } });
    const first = await h.cfn.send(new DescribeStackEventsCommand({ StackName: 'shop' }));
    assert.equal(first.StackEvents!.length, 4);
    assert.ok(first.NextToken);
    const all = await events('shop');
    assert.deepEqual(
      all.slice(0, 4).map((e) => e.EventId),
      first.StackEvents!.map((e) => e.EventId),
    );
    assert.equal(new Set(all.map((e) => e.EventId)).size, all.length);
    assert.equal(all.at(-1)!.ResourceStatus, 'REVIEW_IN_PROGRESS');
    h.em.applyScenario({ cfn: { eventsPageSize: 100 } });
  });

  it('rejects bad templates and parameters as CloudFormation does', async () => {
    const cases: [Record<string, unknown>, string, string | RegExp][] = [
      [
        { StackName: 'bad', TemplateBody: 'Resources:\n  X: [unclosed' },
        'ValidationError',
        /^Template format error: YAML not well-formed\. \(line 2, column \d+\)$/,
      ],
      [
        { StackName: 'bad', TemplateBody: '{"Resources": {}}' },
        'ValidationError',
        'Template format error: At least one Resources member must be defined.',
      ],
      [
        {
          StackName: 'bad',
          TemplateBody: JSON.stringify({
            Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { X: { Ref: 'Nope' } } } },
          }),
        },
        'ValidationError',
        'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template',
      ],
      [
        { StackName: 'bad', TemplateBody: appTemplate('bad') },
        'ValidationError',
        'Parameters: [ImageTag] must have values',
      ],
      [
        {
          StackName: 'shop',
          TemplateBody: appTemplate('shop'),
          Parameters: [{ ParameterKey: 'ImageTag', ParameterValue: 'x' }],
        },
        'AlreadyExistsException',
        'Stack [shop] already exists',
      ],
      [
        {
          StackName: 'bad',
          TemplateBody: JSON.stringify({
            Resources: { R: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } } },
          }),
        },
        'InsufficientCapabilitiesException',
        'Requires capabilities : [CAPABILITY_NAMED_IAM]',
      ],
    ];
    for (const [input, name, message] of cases) {
      await assert.rejects(
        h.cfn.send(new CreateStackCommand(input as never)),
        (e: Error & { $metadata: { httpStatusCode: number } }) => {
          assert.equal(e.name, name);
          if (message instanceof RegExp) assert.match(e.message, message);
          else assert.equal(e.message, message);
          assert.equal(e.$metadata.httpStatusCode, 400);
          return true;
        },
      );
    }
  });
});
