import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeClustersCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { harness, type Harness } from './helpers.js';
import { loadScenario } from './scenario.js';

/** The HTTP surface: throttling the SDK retries, call counts, control endpoints and each protocol's error shape. */

describe('emulator server', () => {
  let h: Harness;
  before(async () => {
    h = await harness({
      throttle: [
        { service: 'ecs', operation: 'ListServices', first: 2 },
        { service: 'cloudformation', operation: 'DescribeStacks', first: 1 },
      ],
    });
  });
  after(() => h.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- control responses are plain JSON
  const control = async (path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const r = await fetch(`${h.em.url}/_emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: await r.json() };
  };

  it('throttles as the scenario says; the SDK retries and the call counter sees every attempt', async () => {
    const r = await h.ecs.send(new ListServicesCommand({}));
    assert.deepEqual(r.serviceArns, []);
    assert.equal(r.$metadata.attempts, 3);
    await assert.rejects(h.cfn.send(new DescribeStacksCommand({ StackName: 'none' })), {
      name: 'ValidationError',
    });
    const calls = (await control('calls')).body;
    assert.deepEqual(calls.byOperation['ecs.ListServices'], { calls: 3, throttled: 2, errors: 0 });
    assert.deepEqual(calls.byOperation['cloudformation.DescribeStacks'], {
      calls: 2,
      throttled: 1,
      errors: 1,
    });
  });

  it('returns each protocol’s real error shapes', async () => {
    const json = await fetch(h.em.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices',
      },
      body: JSON.stringify({ cluster: 'nope', services: ['a'] }),
    });
    assert.equal(json.status, 400);
    assert.equal(json.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.deepEqual(await json.json(), {
      __type: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });

    const query = await fetch(h.em.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeStacks&Version=2010-05-15&StackName=ghost',
    });
    assert.equal(query.status, 400);
    assert.match(
      await query.text(),
      /^<ErrorResponse xmlns="http:\/\/cloudformation\.amazonaws\.com\/doc\/2010-05-15\/"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>Stack with id ghost does not exist<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    const unknown = await fetch(h.em.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=FlyToTheMoon&Version=2010-05-15',
    });
    assert.match(
      await unknown.text(),
      /<Code>InvalidAction<\/Code><Message>The action FlyToTheMoon is not valid for this web service\.<\/Message>/,
    );
  });

  it('control API: scenario, advance, reset, calls reset, state', async () => {
    assert.deepEqual((await control('health')).body, { ok: true });
    const before = (await control('time')).body.model;
    assert.equal((await control('advance', { seconds: 3600 })).status, 200);
    assert.ok((await control('time')).body.model >= before + 3600_000);
    assert.equal((await control('scenario', { clusters: ['prod'] })).status, 200);
    const clusters = await h.ecs.send(new DescribeClustersCommand({ clusters: ['prod'] }));
    assert.equal(clusters.clusters![0]!.status, 'ACTIVE');
    const bad = await control('scenario', { images: [{ image: 'x', health: 'maybe' }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /^invalid scenario: images\.0\.health/);
    await control('calls/reset', {});
    assert.equal((await control('calls')).body.total, 0);
    assert.equal((await control('reset', {})).status, 200);
    const after = await h.ecs.send(new DescribeClustersCommand({ clusters: ['prod'] }));
    assert.equal(after.failures![0]!.reason, 'MISSING', 'a reset world has only the default cluster');
    const state = (await control('state')).body;
    assert.deepEqual(state, { services: [], tasks: [], stacks: [] });
    assert.equal((await control('nope')).status, 404);
  });

  it('ships scenario files that parse', () => {
    const dir = join(process.cwd(), 'test/emulator/scenarios');
    if (!existsSync(dir)) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 0);
    for (const f of files) assert.doesNotThrow(() => loadScenario(join(dir, f)), f);
  });

  it('runs alone from its CLI entry point and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.js', import.meta.url));
    const child = spawn(process.execPath, [main, '--port', '0', '--time-scale', '0.01'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(line.toString())?.[1];
      assert.ok(url, line.toString());
      assert.deepEqual(await (await fetch(`${url}/_emulator/health`)).json(), { ok: true });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
});
