import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROKER_ALARM, sandboxBrokerOnAws, type SandboxOnAws } from './aws-post-deploy.js';
import { cli, type CliResult } from './helpers.js';

/**
 * The sandbox broker deployed to ECS by the CLI against the emulator, and what post-deploy checks would read
 * afterwards: the load balancer's answers per revision, the services' CloudWatch Logs and the API's alarm. The checks
 * themselves (`verify:`) come with the spec and engine; these are the aws side's facts they will judge.
 */

const output = (r: CliResult) => r.stdout + r.stderr;

describe('e2e: what post-deploy checks read on aws, after the CLI deployed the sandbox broker', () => {
  let w: SandboxOnAws;
  before(async () => {
    w = await sandboxBrokerOnAws();
  });
  after(() => w.close());

  it('the load balancer answers for the deployed API, logs are read per service, and a new revision changes the answers', async () => {
    const since = Date.now() - 1000;
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: w.dir, env: w.env });
    assert.equal(r.code, 0, output(r));

    const health = await fetch(`${w.brokerUrl}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const preflight = await fetch(`${w.brokerUrl}/v1/sandboxes`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Headers': 'X-Sandbox-Client' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Sandbox-Client/);
    const templates = await fetch(`${w.brokerUrl}/v1/templates`);
    assert.equal(templates.headers.get('x-ratelimit-limit'), '100');

    const t = w.target();
    const worker = await t.searchLogs('worker', { sinceMs: since, literal: 'done' });
    assert.deepEqual(
      worker.map((l) => l.line),
      ['job 7f3a done in 412 ms'],
      'the worker said it finished a job',
    );
    const api = (await t.searchLogs('api', { sinceMs: since })).map((l) => l.line);
    assert.ok(api.includes('api: listening on :8080'), JSON.stringify(api));
    assert.ok(!api.some((l) => l.startsWith('worker')), "one group, two prefixes: the API's lines only");
    assert.equal((await t.alarmState(BROKER_ALARM)).state, 'OK');

    const sinceV2 = Date.now();
    const v2 = await cli(['-f', 'convoy.aws.yaml', 'deploy'], {
      cwd: w.dir,
      env: { ...w.env, API_TAG: 'no-cors', WORKER_TAG: 'stuck' },
    });
    assert.equal(v2.code, 0, `no checks yet, so ECS's health gates pass it: ${output(v2)}`);
    const again = await fetch(`${w.brokerUrl}/v1/sandboxes`, { method: 'OPTIONS' });
    assert.equal(again.status, 204, 'still answers the preflight');
    assert.equal(again.headers.get('access-control-allow-headers'), null, 'but no longer allows the header');
    const stuck = await t.searchLogs('worker', { sinceMs: sinceV2 });
    assert.ok(
      stuck.some((l) => l.line.startsWith('worker: polling')),
      `the new worker's lines are read: ${JSON.stringify(stuck)}`,
    );
    assert.deepEqual(
      stuck.filter((l) => l.line.includes('done')),
      [],
      'and none says a job is done',
    );
  });
});
