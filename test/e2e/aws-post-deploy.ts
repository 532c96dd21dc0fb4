import { join } from 'node:path';
import { loadStack } from '../../src/spec/load.js';
import { createAwsTarget, type AwsTarget } from '../../src/targets/aws/aws-target.js';
import { createAwsClients } from '../../src/targets/aws/clients.js';
import { loadScenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { copyExample, emulatorEnv, ROOT } from './helpers.js';

/**
 * The sandbox broker on the aws target, ready for post-deploy checks driven through the CLI: a copy of the example,
 * the emulator with the sandbox-broker scenario (a load balancer standing in for the API's DNS name, CloudWatch
 * Logs, the alarm sandbox-broker-api-5xx) and the environment the CLI needs, BROKER_URL included.
 *
 * Variants are picked by image tag through the environment: API_TAG=no-cors (the preflight loses
 * Access-Control-Allow-Headers), API_TAG=flaky (500s and the alarm 2000 model seconds after healthy: 20 s at the
 * default time scale), WORKER_TAG=stuck (never logs "done").
 */

export const SANDBOX_SCENARIO = join(ROOT, 'test/emulator/scenarios/sandbox-broker.json');
export const BROKER_LB = 'sandbox-broker-api';
export const BROKER_ALARM = 'sandbox-broker-api-5xx';

export interface SandboxOnAws {
  em: Emulator;
  dir: string;
  /** The load balancer's stand-in, as BROKER_URL gives it to the stack file. */
  brokerUrl: string;
  /** For the CLI: the emulator's endpoint and credentials, BROKER_URL and a fast poll. */
  env: Record<string, string>;
  /** An aws target on the copied stack file, to read what checks read (logs, alarms) beside the CLI. */
  target(extraEnv?: Record<string, string>): AwsTarget;
  close(): Promise<void>;
}

export async function sandboxBrokerOnAws(timeScale = 0.01): Promise<SandboxOnAws> {
  const em = await startEmulator({ timeScale, scenario: loadScenario(SANDBOX_SCENARIO) });
  const { dir } = await copyExample('sandbox-broker');
  const brokerUrl = (await em.loadBalancerUrls())[BROKER_LB]!;
  const env = emulatorEnv(em.url, { CONVOY_AWS_POLL_MS: '40', BROKER_URL: brokerUrl });
  const targets: AwsTarget[] = [];
  return {
    em,
    dir,
    brokerUrl,
    env,
    target(extraEnv = {}) {
      const all = { ...env, ...extraEnv };
      const stack = loadStack(join(dir, 'convoy.aws.yaml'), { env: all });
      // This process's environment has no AWS_ENDPOINT_URL (only the CLI's has): point the clients here.
      const clients = createAwsClients(
        {
          region: 'us-east-1',
          endpoint: em.url,
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        },
        {},
      );
      const t = createAwsTarget({ stack, env: all, clients, pollMs: 40 });
      targets.push(t);
      return t;
    },
    async close() {
      for (const t of targets) t.close();
      await em.close();
    },
  };
}
