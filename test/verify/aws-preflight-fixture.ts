import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { verifyFile, type CheckResult } from '../../src/verify/index.js';

/**
 * The aws pre-flight checks against the emulator, started in this process. The SDK reads AWS_ENDPOINT_URL and the
 * credentials from process.env, so they are set for the whole test file (each test file runs in its own process);
 * only 127.0.0.1 is ever spoken to.
 */

export const ACCOUNT = '123456789012';
/** Repository root, from dist/test/verify/. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function useEmulator(): { em: () => Emulator; reset: (s?: Scenario) => void } {
  let em: Emulator | undefined;
  before(async () => {
    em = await startEmulator({ timeScale: 0.01 });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: em.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    await em?.close();
  });
  return { em: () => em!, reset: (s = {}) => em!.reset(s) };
}

/** A port nothing listens on: bound, then closed again. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export const container = (extra: Record<string, unknown> = {}) => ({
  name: 'app',
  image: 'public.ecr.aws/docker/library/nginx:1.27',
  essential: true,
  ...extra,
});

export const taskDef = (extra: Record<string, unknown> = {}, containers = [container()]) => ({
  family: 'api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
  taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/api-task`,
  containerDefinitions: containers,
  ...extra,
});

/** A stack folder with convoy.yaml (`yaml` after the `stack:`/`target:` lines) and JSON files; returns the file. */
export function writeStack(yaml: string, files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-aws-verify-'));
  for (const [name, json] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(json, null, 2));
  const file = join(dir, 'convoy.yaml');
  writeFileSync(file, `stack: pre\ntarget: aws\n${yaml}`);
  return file;
}

export const oneService = (cluster = '') =>
  `services:\n  api:\n    aws:\n      taskDefinition: api.task.json\n${cluster}`;

/** The results of the named checks only: other helpers' aws checks run too, and are tested elsewhere. */
export async function results(file: string, ...ids: string[]): Promise<CheckResult[]> {
  return (await verifyFile(file, process.env)).filter((r) => ids.includes(r.id));
}

export const failures = async (file: string, id: string) => (await results(file, id)).filter((r) => !r.ok);
