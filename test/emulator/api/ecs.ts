import type { ServiceApi } from './types.js';

/** ECS over AWS JSON 1.1; inputs and outputs are the model's own (ECS-shaped) objects. */
export const ecsApi: ServiceApi = {
  name: 'ecs',
  protocol: 'json',
  target: 'AmazonEC2ContainerServiceV20141113',
  operations: {
    CreateCluster: (i, { world }) => world.ecs.createCluster(i),
    DescribeClusters: (i, { world }) => world.ecs.describeClusters(i),
    ListClusters: (_i, { world }) => world.ecs.listClusters(),
    DeleteCluster: (i, { world }) => world.ecs.deleteCluster(i),
    RegisterTaskDefinition: (i, { world }) => world.ecs.registerTaskDefinition(i),
    DescribeTaskDefinition: (i, { world }) => world.ecs.describeTaskDefinition(i),
    DeregisterTaskDefinition: (i, { world }) => world.ecs.deregisterTaskDefinition(i),
    ListTaskDefinitions: (i, { world }) => world.ecs.listTaskDefinitions(i),
    ListTaskDefinitionFamilies: (i, { world }) => world.ecs.listTaskDefinitionFamilies(i),
    CreateService: (i, { world }) => world.ecs.createService(i),
    UpdateService: (i, { world }) => world.ecs.updateService(i),
    DeleteService: (i, { world }) => world.ecs.deleteService(i),
    DescribeServices: (i, { world }) => world.ecs.describeServices(i),
    ListServices: (i, { world }) => world.ecs.listServices(i),
    ListServiceDeployments: (i, { world, time }) =>
      world.ecs.listServiceDeployments(i, (ms) => time.toModel(ms)),
    DescribeServiceDeployments: (i, { world }) => world.ecs.describeServiceDeployments(i),
    StopServiceDeployment: (i, { world }) => world.ecs.stopServiceDeployment(i),
    ContinueServiceDeployment: (i, { world }) => world.ecs.continueServiceDeployment(i),
    RunTask: (i, { world }) => world.ecs.runTask(i),
    StopTask: (i, { world }) => world.ecs.stopTask(i),
    DescribeTasks: (i, { world }) => world.ecs.describeTasks(i),
    ListTasks: (i, { world }) => world.ecs.listTasks(i),
    TagResource: (i, { world }) => world.ecs.tagResource(i),
    UntagResource: (i, { world }) => world.ecs.untagResource(i),
    ListTagsForResource: (i, { world }) => world.ecs.listTagsForResource(i),
  },
};
