import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  emulator,
  LINEAR_PAUSED,
  LINEAR_WAVE,
  nativeEnv,
  output,
  pausedDeploy,
  stack as nativeStack,
} from '../e2e/aws-native-stack.js';
import {
  cli,
  describeEachBackend,
  sleep,
  startCli,
  stopRunningClis,
  uniqueSuffix,
  waitForOutput,
} from '../e2e/helpers.js';
import { answered, getJson, readSse, startServe, twoWaveStack, type SseMessage } from './helpers.js';

/**
 * Issue 15: `convoy serve` against a real store (SQLite, and DynamoDB on dynalite) that real deployments (local
 * target) wrote. Every endpoint (checked against /openapi.json at the end), an SSE client that reconnects with
 * Last-Event-ID and misses nothing, several instances serving one store, the token checks and bad requests.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const seqs = (ms: SseMessage[]) => ms.filter((m) => m.id).map((m) => Number(m.id));
const codeOf = (m: SseMessage) => (m.data ? (JSON.parse(m.data) as { code: string }).code : '');

/** The description a server gave at /openapi.json: the last describe walks it. */
let described: { paths: Record<string, Record<string, unknown>> } | undefined;

/** Polls until `get` returns something truthy (the store changes under other processes). */
async function until<T>(get: () => Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * `<name>-holder` deploys `versions[0]`, each service taking `delayMs` to start, and holds the lock meanwhile;
 * `<name>-waiter` deploys `versions[1]` behind it. Resolves once the server lists the waiter in the queue.
 */
async function holderAndWaiter(
  dir: string,
  name: string,
  versions: [string, string],
  delayMs: number,
  url: string,
  stack: string,
) {
  const holder = startCli(['deploy', '--correlation-id', `${name}-holder`], {
    cwd: dir,
    env: { VERSION: versions[0], DELAY: String(delayMs) },
  });
  await waitForOutput(holder, /lock.acquired/);
  const waiter = startCli(['deploy', '--wait-lock', '60s', '--correlation-id', `${name}-waiter`], {
    cwd: dir,
    env: { VERSION: versions[1] },
  });
  const entries = await until(async () => {
    const listed = (await getJson<Json>(`${url}/api/stacks/${stack}/queue`)).body.entries as Json[];
    return listed.length ? listed : undefined;
  }, 'the waiter in the queue');
  return { holder, waiter, entries };
}

describeEachBackend('convoy serve', () => {
  describe('the API', { concurrency: false }, () => {
    let dir: string;
    let server: Awaited<ReturnType<typeof startServe>>;
    let stack: string;
    let other: string;
    before(async () => {
      dir = await twoWaveStack('serve-api', 300);
      const r = await cli(['deploy'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      // A second stack in the same store (its file beside the first, so the same SQLite file): one job, run once.
      other = `serve-other-${uniqueSuffix()}`;
      writeFileSync(
        join(dir, 'other.yaml'),
        `stack: ${other}\nservices:\n  once:\n    kind: job\n    local: { command: node, args: ['-e', ''] }\n`,
      );
      const o = await cli(['-f', 'other.yaml', 'deploy'], { cwd: dir });
      assert.equal(o.code, 0, o.stderr);
      server = await startServe(dir, [], { CONVOY_SERVE_HEARTBEAT_MS: '300' });
      stack = (await getJson<Json>(`${server.url}/api/config`)).body.stack;
    });
    after(async () => {
      await server?.stop();
      if (dir) await cli(['down'], { cwd: dir });
    });
    const api = (path: string, init?: RequestInit) => getJson<Json>(`${server.url}/api${path}`, init);

    it('lists the stack file’s stack first, then every stack of the store, with no lock once deployments are done', async () => {
      const r = await api('/stacks');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.stacks, [
        { name: stack, lock: null, queueLength: 0 },
        { name: other, lock: null, queueLength: 0 },
      ]);
      assert.deepEqual((await api(`/stacks/${stack}/queue`)).body, { entries: [] });
      assert.equal((await api(`/stacks/${other}/history`)).body.deployments[0].status, 'succeeded');
    });

    it('shows the latest deployment with its waves, each service healthy, steps and events', async () => {
      const { body } = await api(`/stacks/${stack}/running`);
      assert.equal(body.running, false);
      assert.equal(body.lock, null);
      const d = body.deployment;
      assert.equal(d.status, 'succeeded');
      assert.deepEqual(d.waves, [['api'], ['worker']]);
      assert.deepEqual(
        d.services.map((s: Json) => [s.service, s.wave, s.state]),
        [
          ['api', 0, 'healthy'],
          ['worker', 1, 'healthy'],
        ],
      );
      const one = await api(`/deployments/${d.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.steps.length, 2);
      assert.ok(one.body.steps.every((s: Json) => s.durationMs > 0));
      const eventSeqs = one.body.events.map((e: Json) => e.seq);
      assert.deepEqual(
        eventSeqs,
        [...eventSeqs].sort((a, b) => a - b),
      );
      assert.ok(one.body.events.some((e: Json) => e.code === 'deploy.succeeded'));
    });

    it('filters history as `convoy history` does', async () => {
      assert.equal((await api(`/stacks/${stack}/history`)).body.deployments.length, 1);
      assert.equal(
        (await api(`/stacks/${stack}/history?outcome=succeeded&service=api`)).body.deployments.length,
        1,
      );
      assert.equal((await api(`/stacks/${stack}/history?outcome=failed`)).body.deployments.length, 0);
      assert.equal((await api(`/stacks/${stack}/history?service=nope`)).body.deployments.length, 0);
      assert.equal((await api(`/stacks/${stack}/history?since=1h`)).body.deployments.length, 1);
      assert.equal((await api(`/stacks/${stack}/history?until=1h`)).body.deployments.length, 0);
    });

    it('returns the events after a seq, in order and with no gap', async () => {
      const all = (await api(`/stacks/${stack}/events`)).body;
      assert.ok(all.events.length > 5);
      assert.deepEqual(
        all.events.map((e: Json) => e.seq),
        all.events.map((_: Json, i: number) => i + 1),
      );
      const tail = (await api(`/stacks/${stack}/events?after=3&limit=2`)).body;
      assert.deepEqual(
        tail.events.map((e: Json) => e.seq),
        [4, 5],
      );
      assert.equal(tail.lastSeq, 5);
    });

    it('describes itself at /openapi.json (walked by the last test of this file)', async () => {
      const { status, body } = await getJson<Json>(`${server.url}/openapi.json`);
      assert.equal(status, 200);
      assert.equal(body.openapi, '3.1.0');
      assert.ok(Object.keys(body.paths).length > 0);
      described = body as typeof described;
    });

    it('answers bad requests with a 4xx and a JSON error, never a stack trace', async () => {
      const bad: [string, number][] = [
        [`/deployments/no-such-id`, 404],
        [`/stacks/${stack}/history?outcome=sideways`, 400],
        [`/stacks/${stack}/history?since=yesterday-ish`, 400],
        [`/stacks/${stack}/history?limit=-1`, 400],
        [`/stacks/${stack}/events?after=abc`, 400],
        [`/stacks/${encodeURIComponent('a b/../c')}/queue`, 400],
        [`/stacks/${stack}/stream?after=1e3`, 400],
        [`/stacks/${stack}/history?until=never`, 400],
        [`/stacks/${stack}/events?limit=ten`, 400],
        [`/deployments/${'x'.repeat(300)}`, 404],
        [`/no/such/endpoint`, 404],
        // Every route that takes a stack refuses a name no stack file can give.
        ...['running', 'history', 'events', 'stream'].map((p): [string, number] => [
          `/stacks/a%20b/${p}`,
          400,
        ]),
      ];
      const refused = async (r: Awaited<ReturnType<typeof api>>, status: number, what: string) => {
        assert.equal(r.status, status, what);
        assert.match(r.type ?? '', /application\/json/, what);
        assert.equal(typeof r.body.error, 'string', what);
        assert.doesNotMatch(r.body.error, /\bat .*\.js:\d+/, what);
      };
      for (const [path, status] of bad) await refused(await api(path), status, path);
      // A reconnecting EventSource's header is checked as ?after= is.
      for (const id of ['-1', 'abc', '1.5'])
        await refused(
          await api(`/stacks/${stack}/stream`, { headers: { 'Last-Event-ID': id } }),
          400,
          `Last-Event-ID ${id}`,
        );
      // A method a path does not take, and a file the page does not have.
      await refused(await api(`/stacks/${stack}/history`, { method: 'DELETE' }), 404, 'DELETE history');
      for (const file of ['..%2Fpackage.json', 'index.html', 'nope.js'])
        await refused(await getJson<Json>(`${server.url}/assets/${file}`), 404, file);
    });

    it('refuses actions while they are off, and shows no action to the page', async () => {
      assert.equal((await api('/config')).body.actions, false);
      const r = await api(`/stacks/${stack}/rollback`, { method: 'POST' });
      assert.equal(r.status, 403);
      assert.equal((await api(`/stacks/${stack}/queue/x/cancel`, { method: 'POST' })).status, 403);
    });

    it('streams events with their seq as id, heartbeats, and resumes from Last-Event-ID with nothing lost', async () => {
      const url = `${server.url}/api/stacks/${stack}/stream`;
      const before = (await api(`/stacks/${stack}/events`)).body.lastSeq as number;
      // First connection: the stored events up to the middle of the history, then it drops.
      const cut = Math.floor(before / 2);
      const first = await readSse(url, {}, (_m, all) => seqs(all).includes(cut));
      assert.match(first.headers.get('content-type') ?? '', /text\/event-stream/);
      assert.equal(first.headers.get('x-accel-buffering'), 'no');
      assert.deepEqual(
        seqs(first.messages),
        Array.from({ length: cut }, (_, i) => i + 1),
      );

      // While nobody listens, a second deployment starts; the client comes back with the last id it saw.
      const deploy = startCli(['deploy', '--correlation-id', 'second'], { cwd: dir, env: { VERSION: '2' } });
      await waitForOutput(deploy, /service.starting/);
      const second = await readSse(
        url,
        { 'Last-Event-ID': String(cut) },
        (m) => codeOf(m) === 'lock.released' && Number(m.id) > before,
      );
      assert.equal((await deploy.done).code, 0);
      const got = seqs(second.messages);
      assert.deepEqual(
        got,
        Array.from({ length: got.length }, (_, i) => cut + 1 + i),
      );
      assert.ok(got.at(-1)! > before, 'the live events of the second deployment arrived');
      const stored = (await api(`/stacks/${stack}/events?after=${cut}`)).body.events as Json[];
      assert.deepEqual(
        second.messages.filter((m) => m.data).map((m) => JSON.parse(m.data!)),
        stored.slice(0, got.length),
      );

      // Idle: the stream stays open with heartbeats.
      const idle = await readSse(`${url}?after=${got.at(-1)}`, {}, (m) => m.comment === 'heartbeat', 5000);
      assert.equal(seqs(idle.messages).length, 0);
    });

    it('shows a failure with its reason word for word and its diagnosis', async () => {
      const r = await cli(['deploy'], { cwd: dir, env: { VERSION: '3', WORKER_HEALTHY: 'false' } });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const d = (await api(`/stacks/${stack}/running`)).body.deployment;
      assert.equal(d.status, 'failed');
      assert.equal(d.failure.service, 'worker');
      const failed = d.events.find((e: Json) => e.code === 'service.failed');
      assert.equal(d.failure.message, failed.message);
      assert.ok(d.failure.findings.length > 0, JSON.stringify(d.failure));
      assert.deepEqual(
        d.services.map((s: Json) => [s.service, s.state]),
        [
          ['api', 'healthy'],
          ['worker', 'rolled back'],
        ],
      );
      assert.equal((await api(`/stacks/${stack}/history?outcome=failed`)).body.deployments.length, 1);
    });

    it('serves one team from several instances: a second `convoy serve` on the store shows the same lock, queue and events', async () => {
      const second = await startServe(dir);
      try {
        const both = async (path: string) =>
          (await Promise.all([server, second].map((s) => getJson<Json>(`${s.url}/api${path}`)))).map(
            (r) => r.body,
          );
        const { holder, waiter } = await holderAndWaiter(dir, 'team', ['4', '5'], 3000, server.url, stack);
        const [qa, qb] = await both(`/stacks/${stack}/queue`);
        const entry = (e: Json) => [e.position, e.id, e.correlationId];
        assert.deepEqual(qb!.entries.map(entry), qa!.entries.map(entry));
        assert.equal(qa!.entries[0].correlationId, 'team-waiter');
        const [ra, rb] = await both(`/stacks/${stack}/running`);
        for (const r of [ra!, rb!]) {
          assert.equal(r.running, true);
          assert.equal(r.lock.correlationId, 'team-holder');
          assert.equal(r.deployment.id, ra!.deployment.id);
        }

        assert.equal((await holder.done).code, 0);
        assert.equal((await waiter.done).code, 0);
        // The second instance streams the same stored events the first one lists, from the start.
        const listed = (await api(`/stacks/${stack}/events?limit=1000`)).body.events as Json[];
        const streamed = await readSse(
          `${second.url}/api/stacks/${stack}/stream`,
          { 'Last-Event-ID': '0' },
          (m) => Number(m.id) === listed.at(-1)!.seq,
        );
        assert.deepEqual(
          streamed.messages.filter((m) => m.data).map((m) => JSON.parse(m.data!)),
          listed,
        );
        const [ha, hb] = await both(`/stacks/${stack}/history?correlationId=team-waiter`);
        assert.equal(ha!.deployments[0].status, 'succeeded');
        assert.deepEqual(hb, ha);
      } finally {
        await second.stop();
      }
    });
  });

  describe('actions and tokens', { concurrency: false }, () => {
    let dir: string;
    let server: Awaited<ReturnType<typeof startServe>>;
    let stack: string;
    const TOKEN = 'sesame-' + process.pid;
    before(async () => {
      dir = await twoWaveStack('serve-actions', 200);
      for (const v of ['1', '2']) {
        const r = await cli(['deploy'], { cwd: dir, env: { VERSION: v } });
        assert.equal(r.code, 0, r.stderr);
      }
      server = await startServe(dir, ['--actions', '--token', TOKEN]);
      stack = (await getJson<Json>(`${server.url}/api/config`)).body.stack;
    });
    after(async () => {
      await server?.stop();
      if (dir) await cli(['down'], { cwd: dir });
    });
    const post = (path: string, headers: Record<string, string> = {}, body?: string) =>
      getJson<Json>(`${server.url}/api${path}`, { method: 'POST', headers, body });
    const bearer = { Authorization: `Bearer ${TOKEN}` };

    it('refuses to start with actions, or beyond loopback, without a token', async () => {
      for (const args of [['--actions'], ['--bind', '0.0.0.0']]) {
        const r = await cli(['serve', '--port', '0', ...args], { cwd: dir, env: { CONVOY_SERVE_TOKEN: '' } });
        assert.equal(r.code, 3, r.stderr);
        assert.match(r.stderr, /token/);
      }
    });

    it('needs the token for actions, and refuses bad bodies', async () => {
      assert.equal((await getJson<Json>(`${server.url}/api/config`)).body.actions, true);
      assert.equal((await post(`/stacks/${stack}/rollback`)).status, 401);
      assert.equal((await post(`/stacks/${stack}/rollback`, { Authorization: 'Bearer wrong' })).status, 401);
      assert.equal((await post(`/stacks/${stack}/rollback`, bearer, '{not json')).status, 400);
      assert.equal((await post(`/stacks/${stack}/rollback`, bearer, '{"services":"api"}')).status, 400);
      const big = JSON.stringify({ services: ['x'.repeat(20_000)] });
      const r = await post(
        `/stacks/${stack}/rollback`,
        { ...bearer, 'Content-Type': 'application/json' },
        big,
      );
      assert.equal(r.status, 413);
      assert.equal(typeof r.body.error, 'string');
      assert.equal((await post(`/stacks/${stack}/queue/nobody/cancel`, bearer)).status, 404);
      const bad: [string, string, string][] = [
        [`/stacks/${stack}/rollback`, '[]', 'a list, not an object'],
        [`/stacks/${stack}/rollback`, 'null', 'null'],
        [`/stacks/${stack}/rollback`, '{"services":["../worker"]}', 'not a service name'],
        [`/stacks/${stack}/rollback`, '{"services":[1]}', 'not a string'],
        [`/stacks/a%20b/rollback`, '{}', 'not a stack name'],
        [`/stacks/a%20b/queue/x/cancel`, '', 'not a stack name'],
      ];
      for (const [path, body, why] of bad) {
        const r = await post(path, bearer, body);
        assert.equal(r.status, 400, `${path} ${body}: ${why}`);
        assert.equal(typeof r.body.error, 'string', why);
      }
      assert.equal((await post(`/stacks/${stack}/queue/x/cancel`, {}, '')).status, 401);
    });

    it('takes a waiting deployment out of the queue with the token', async () => {
      const { holder, waiter, entries } = await holderAndWaiter(
        dir,
        'cancel',
        ['5', '6'],
        2500,
        server.url,
        stack,
      );
      assert.equal(entries[0]!.correlationId, 'cancel-waiter');
      assert.ok(Date.parse(entries[0]!.estimatedStartAt) > Date.now() - 1000);
      const r = await post(`/stacks/${stack}/queue/${entries[0]!.id}/cancel`, bearer);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const w = await waiter.done;
      assert.notEqual(w.code, 0);
      assert.match(w.stderr, /lost our place in the queue/);
      assert.equal((await holder.done).code, 0);
    });

    it('starts a rollback with the token', async () => {
      const r = await post(`/stacks/${stack}/rollback`, bearer, '{"services":["worker"]}');
      assert.equal(r.status, 202, JSON.stringify(r.body));
      const deadline = Date.now() + 30_000;
      for (;;) {
        const h = (await getJson<Json>(`${server.url}/api/stacks/${stack}/history`)).body
          .deployments as Json[];
        const rb = h.find((d) => d.kind === 'rollback');
        if (rb && rb.status !== 'running') {
          assert.equal(rb.status, 'succeeded', JSON.stringify(rb));
          break;
        }
        assert.ok(Date.now() < deadline, 'the rollback did not finish');
        await new Promise((res) => setTimeout(res, 200));
      }
    });
  });
  describe('answering a paused wave (aws target, on the emulator)', { concurrency: false }, () => {
    const TOKEN = 'open-sesame-' + process.pid;
    after(() => stopRunningClis());

    it('approve and reject record who decided (as "name (dashboard)"); 409 with nothing paused; 401 without the token', async () => {
      const em = await emulator();
      const name = `serve-pause-${uniqueSuffix()}`;
      const { dir } = await nativeStack(LINEAR_WAVE, LINEAR_PAUSED, {}, name);
      const server = await startServe(dir, ['--actions', '--token', TOKEN], {
        ...nativeEnv(em),
        CONVOY_FILE: 'native.yaml',
      });
      const post = (verb: string, headers: Record<string, string>, body = '') =>
        getJson<Json>(`${server.url}/api/stacks/${name}/${verb}`, { method: 'POST', headers, body });
      const bearer = { Authorization: `Bearer ${TOKEN}` };
      try {
        const idle = await post('approve', bearer);
        assert.equal(idle.status, 409, JSON.stringify(idle.body));
        assert.match(String(idle.body.error), /no deployment of stack .* is running/);

        const first = await pausedDeploy(em, dir, '1.0.0');
        assert.equal((await post('approve', {}, '{"by":"carol"}')).status, 401);
        assert.equal((await post('approve', bearer, '{"by":"<script>"}')).status, 400);
        const ok = await post('approve', bearer, '{"by":"carol"}');
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
        assert.equal(ok.body.decided[0].action, 'CONTINUE');
        assert.equal(ok.body.decided[0].by, 'carol (dashboard)');
        const done = await first.done;
        assert.equal(done.code, 0, output(done));
        assert.match(done.stdout, /CONTINUE at POST_TEST_TRAFFIC_SHIFT, decided by carol \(dashboard\)/);

        const second = await pausedDeploy(em, dir, '2.0.0');
        const no = await post('reject', bearer, '{"by":"dave"}');
        assert.equal(no.status, 200, JSON.stringify(no.body));
        assert.equal(no.body.decided[0].action, 'ROLLBACK');
        assert.equal((await second.done).code, 1);
        for (const n of LINEAR_WAVE)
          assert.equal(
            em.world.ecs.findService('default', n)!.serviceDeployments[0]!.status,
            'ROLLBACK_SUCCESSFUL',
            n,
          );
        const listed = (await getJson<Json>(`${server.url}/api/stacks/${name}/events?limit=1000`)).body
          .events as Json[];
        assert.deepEqual(
          listed.filter((e) => e.code === 'pause.decided').map((e) => [e.action, e.by]),
          [
            ['CONTINUE', 'carol (dashboard)'],
            ['ROLLBACK', 'dave (dashboard)'],
          ],
        );
      } finally {
        await server.stop();
      }
    });
  });
});

/** Template `/api/stacks/{stack}/queue` as a pattern of request paths: a parameter is one path segment. */
const pathPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

describe('convoy serve: the OpenAPI description against the tests above', () => {
  it('every operation it describes was answered with a 2xx, and every endpoint the tests used is described', () => {
    assert.ok(described, '/openapi.json was read by a test above');
    const operations = Object.entries(described.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ path, method: method.toUpperCase(), re: pathPattern(path) })),
    );
    const untested = operations.filter(
      (op) => !answered.some((a) => a.method === op.method && op.re.test(a.path) && a.status < 300),
    );
    assert.deepEqual(
      untested.map((op) => `${op.method} ${op.path}`),
      [],
      'described, but no test got a 2xx from it',
    );
    // 404s are the tests' probes of what does not exist; anything else the API answered must be described.
    const undescribed = answered.filter(
      (a) =>
        a.path.startsWith('/api/') &&
        a.status !== 404 &&
        !operations.some((op) => op.method === a.method && op.re.test(a.path)),
    );
    assert.deepEqual(undescribed, [], 'answered, but not in /openapi.json');
  });
});
