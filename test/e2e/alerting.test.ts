import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { alive, cli, copyExample, events, status, describeEachBackend } from './helpers.js';

const SERVICES = ['zookeeper', 'kafka', 'rule-service', 'evaluator', 'aggregator', 'sender', 'rule-updater'];

describeEachBackend('alerting-platform example on the local target', () => {
  let dir = '';
  let port: (original: number) => number = () => 0;
  before(async () => {
    ({ dir, port } = await copyExample('alerting-platform'));
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
  });

  it('deploys all seven services in order, and they answer their health checks', async () => {
    const r = await cli(['deploy', '--json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const ev = events(r.stdout);
    const ready = ev.filter((e) => e.code === 'service.ready').map((e) => e.service);
    // zookeeper before kafka, kafka before migrate, migrate completed before rule-service.
    assert.ok(ready.indexOf('zookeeper') < ready.indexOf('kafka'));
    assert.ok(ready.indexOf('kafka') < ready.indexOf('migrate'));
    assert.ok(ready.indexOf('migrate') < ready.indexOf('rule-service'));
    assert.equal(ev.at(-2)?.code, 'deploy.succeeded');

    const st = await status(dir);
    for (const name of SERVICES) {
      const s = st.find((x) => x.name === name);
      assert.equal(s?.health, 'healthy', `${name}: ${JSON.stringify(s)}`);
      assert.ok(s.pid && alive(s.pid), `${name} runs after convoy exited`);
      assert.match(s.revision ?? '', /^[0-9a-f]{12}$/);
      assert.equal(typeof s.uptimeSeconds, 'number');
    }
    for (const p of [7101, 7102, 7103, 7104, 7105, 7106, 7107]) {
      const res = await fetch(`http://127.0.0.1:${port(p)}/health`);
      assert.equal(res.status, 200, `port ${port(p)} (the example's ${p})`);
    }
  });

  it('the broken variant fails fast, names service, check and output, and leaves the previous revision running', async () => {
    const before = await status(dir);
    const previous = before.find((s) => s.name === 'evaluator')!;
    const r = await cli(['-f', 'convoy.broken.yaml', 'deploy', '--json'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const ev = events(r.stdout);
    const starting = ev.find((e) => e.code === 'service.starting' && e.service === 'evaluator');
    const failed = ev.find((e) => e.code === 'service.failed');
    assert.ok(starting && failed);
    assert.equal(failed.service, 'evaluator');
    assert.equal(failed.check, `http GET http://127.0.0.1:${port(7104)}/health`);
    assert.match(String(failed.output), /HTTP 503.*RULES_URL not set/);
    assert.ok((failed.logs as string[]).length > 0);
    // Fails at its check's verdict time (startPeriod 2 s + retries 3 × interval 1 s), not at the 30 s deploy timeout;
    // the margin is for a loaded 2-core machine.
    const failedAfter = Date.parse(failed.at) - Date.parse(starting.at);
    assert.ok(failedAfter <= 5_000 + 5_000, `failed after ${failedAfter} ms`);
    assert.match(r.stderr, /evaluator/);
    // Only evaluator was touched: everything else stays unchanged.
    assert.deepEqual(
      ev.filter((e) => e.code === 'service.starting').map((e) => e.service),
      ['evaluator'],
    );

    const afterSt = await status(dir);
    const evaluator = afterSt.find((s) => s.name === 'evaluator')!;
    assert.equal(evaluator.revision, previous.revision);
    assert.equal(evaluator.health, 'healthy');
    const body = (await (await fetch(`http://127.0.0.1:${port(7104)}/health`)).json()) as { version: string };
    assert.equal(body.version, '1');
  });

  it('the plain (CI) output prints the failure report with check, output and log lines', async () => {
    const r = await cli(['-f', 'convoy.broken.yaml', 'deploy'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /service\.failed\s+evaluator: FAILED/);
    assert.match(r.stderr, /service: +evaluator/);
    assert.ok(r.stderr.includes(`http GET http://127.0.0.1:${port(7104)}/health`), r.stderr);
    assert.match(r.stderr, /check: +http GET /);
    assert.match(r.stderr, /last log lines/);
    assert.match(r.stderr, /rollback: evaluator →/);
  });

  it('history lists every deployment with its outcome', async () => {
    const r = await cli(['history', '--json'], { cwd: dir });
    assert.equal(r.code, 0);
    const h = JSON.parse(r.stdout) as {
      outcome: string;
      correlationId: string;
      startedAt: string;
      endedAt: string;
      steps: unknown[];
    }[];
    assert.deepEqual(
      h.map((x) => x.outcome),
      ['failed', 'failed', 'succeeded'],
    );
    for (const x of h) {
      assert.ok(
        x.correlationId && !Number.isNaN(Date.parse(x.startedAt)) && !Number.isNaN(Date.parse(x.endedAt)),
      );
    }
  });

  it('down stops everything and leaves no process behind', async () => {
    const pids = (await status(dir)).map((s) => s.pid).filter((p): p is number => p !== null);
    assert.equal(pids.length, 7);
    const r = await cli(['down'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(pids.filter(alive), []);
    const st = await status(dir);
    assert.ok(st.every((s) => s.health === 'stopped'));
  });
});
