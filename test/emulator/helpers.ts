import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { STSClient } from '@aws-sdk/client-sts';
import type { Scenario } from './scenario.js';
import { startEmulator, type Emulator } from './server.js';

/** Test plumbing: an in-process emulator on port 0 and the real SDK clients pointed at it. */

export interface Harness {
  em: Emulator;
  ecs: ECSClient;
  cfn: CloudFormationClient;
  logs: CloudWatchLogsClient;
  elb: ElasticLoadBalancingV2Client;
  sts: STSClient;
  cloudwatch: CloudWatchClient;
  close(): Promise<void>;
}

export async function harness(scenario: Scenario = {}, timeScale = 0.01): Promise<Harness> {
  const em = await startEmulator({ timeScale, scenario });
  const config = {
    region: 'us-east-1',
    endpoint: em.url,
    credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
  };
  const clients = {
    ecs: new ECSClient(config),
    cfn: new CloudFormationClient(config),
    logs: new CloudWatchLogsClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    sts: new STSClient(config),
    cloudwatch: new CloudWatchClient(config),
  };
  return {
    em,
    ...clients,
    async close() {
      for (const c of Object.values(clients)) c.destroy();
      await em.close();
    },
  };
}

/** Polls `read` until `done` holds, or fails with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 20, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}; last value: ${JSON.stringify(last, null, 1)?.slice(0, 3000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Fargate task definition with a container health check, the shape most tests need. */
export function fargateTaskDef(
  family: string,
  image: string,
  extra: { healthCheck?: boolean; logs?: boolean } = {},
) {
  return {
    family,
    networkMode: 'awsvpc' as const,
    requiresCompatibilities: ['FARGATE' as const],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' as const }],
        ...(extra.healthCheck === false
          ? {}
          : {
              healthCheck: {
                command: ['CMD-SHELL', 'wget -qO- http://localhost:8080/health || exit 1'],
                interval: 5,
                timeout: 2,
                retries: 2,
                startPeriod: 0,
              },
            }),
        ...(extra.logs === false
          ? {}
          : {
              logConfiguration: {
                logDriver: 'awslogs' as const,
                options: {
                  'awslogs-group': `/ecs/${family}`,
                  'awslogs-region': 'us-east-1',
                  'awslogs-stream-prefix': 'ecs',
                },
              },
            }),
      },
    ],
  };
}

export const network = {
  awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] },
};
