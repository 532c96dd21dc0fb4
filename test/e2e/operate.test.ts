import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cli,
  downAfterSuite,
  events,
  freePort,
  serviceYaml,
  stackDir,
  startCli,
  status,
  waitForOutput,
  type CliResult,
} from './helpers.js';

/**
 * Day two on the local target, through the built CLI: an ordered restart, a rollback to any earlier point, and the
 * bad input they refuse. zookeeper ← kafka, and a worker apart from them.
 */
async function opsStack(): Promise<string> {
  const [zk, kafka, worker] = [await freePort(), await freePort(), await freePort()];
  const health = (port: number) =>
    `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, timeout: 2s, retries: 4, startPeriod: 20s }`;
  return stackDir('ops', [
    serviceYaml('zookeeper', {
      port: zk,
      env: { VERSION: '${VERSION:-1}', STARTUP_DELAY: '${DELAY:-100}' },
      health: health(zk),
    }),
    serviceYaml('kafka', {
      port: kafka,
      dependsOn: ['zookeeper'],
      env: { VERSION: '${VERSION:-1}', STARTUP_DELAY: 300, REQUIRES: `zookeeper=127.0.0.1:${zk}` },
      health: health(kafka),
    }),
    serviceYaml('worker', {
      port: worker,
      env: { VERSION: '${WORKER_VERSION:-1}' },
      health: health(worker),
    }) + '\n    scale: { max: 3 }',
  ]);
}

const out = (r: CliResult) => r.stdout + r.stderr;
const byName = async (dir: string) =>
  new Map((await status(dir)).map((s) => [s.name, s as typeof s & { replicas?: number }]));

interface Entry {
  id: string;
  kind: string;
  outcome: string;
  steps: { service: string; to: string; state: string }[];
}
const historyOf = async (dir: string) =>
  JSON.parse((await cli(['history', '--json', '--limit', '50'], { cwd: dir })).stdout) as Entry[];

async function deploy(dir: string, env: Record<string, string> = {}): Promise<void> {
  const r = await cli(['deploy'], { cwd: dir, env });
  assert.equal(r.code, 0, out(r));
}

describe('e2e: operate a running stack (local target)', () => {
  const stack = downAfterSuite(opsStack);

  it('restart zookeeper --with-dependents restarts zookeeper, then kafka after its gate; revisions unchanged', async () => {
    const dir = await stack();
    await deploy(dir);
    const before = await byName(dir);
    const r = await cli(['restart', 'zookeeper', '--with-dependents', '--json'], { cwd: dir });
    assert.equal(r.code, 0, out(r));
    const ev = events(r.stdout);
    const at = (code: string, service: string) =>
      ev.findIndex((e) => e.code === code && e.service === service);
    assert.ok(at('service.starting', 'zookeeper') >= 0, 'zookeeper restarted');
    assert.ok(
      at('service.ready', 'zookeeper') < at('service.starting', 'kafka'),
      'kafka starts only once zookeeper passed its health gate',
    );
    assert.equal(at('service.starting', 'worker'), -1, 'worker does not depend on zookeeper: left alone');
    assert.equal(ev.find((e) => e.code === 'deploy.started')?.kind, 'restart');
    const after = await byName(dir);
    for (const n of ['zookeeper', 'kafka']) {
      assert.notEqual(after.get(n)!.pid, before.get(n)!.pid, `${n} has a new process`);
      assert.equal(after.get(n)!.revision, before.get(n)!.revision, `${n} keeps its revision`);
      assert.equal(after.get(n)!.health, 'healthy');
    }
    assert.equal(after.get('worker')!.pid, before.get('worker')!.pid);
    const [last] = await historyOf(dir);
    assert.equal(last!.kind, 'restart');
    assert.equal(last!.outcome, 'succeeded');
    assert.deepEqual(last!.steps.map((s) => s.service).sort(), ['kafka', 'zookeeper']);
    // Nothing to go back to from a restart: it changed no revision.
    const plan = await cli(['plan', '--json'], { cwd: dir });
    assert.equal(plan.code, 0, out(plan));
    assert.ok(
      (JSON.parse(plan.stdout) as { services: { changed: boolean }[] }).services.every((s) => !s.changed),
      plan.stdout,
    );
  });

  it('rollback --to a deployment three deployments back restores its revisions; --dry-run changes nothing', async () => {
    const dir = await stack();
    for (const v of ['1', '2', '3', '4']) await deploy(dir, { VERSION: v, WORKER_VERSION: v });
    const deploys = (await historyOf(dir)).filter((d) => d.kind === 'deploy');
    assert.equal(deploys.length, 4);
    const target = deploys[3]!; // newest first: the first of the four, three deployments back
    const wanted = new Map(target.steps.map((s) => [s.service, s.to]));
    const now = await byName(dir);
    for (const [n, rev] of wanted) assert.notEqual(now.get(n)!.revision, rev, `${n} changed since`);

    const dry = await cli(['rollback', '--to', target.id, '--dry-run', '--json'], { cwd: dir });
    assert.equal(dry.code, 0, out(dry));
    const planned = (JSON.parse(dry.stdout) as { rollback: { service: string; to: string }[] }).rollback;
    assert.deepEqual(new Map(planned.map((c) => [c.service, c.to])), wanted);
    const still = await byName(dir);
    for (const n of wanted.keys())
      assert.equal(still.get(n)!.pid, now.get(n)!.pid, `dry run left ${n} alone`);

    const listed = await cli(['history', '--service', 'kafka'], { cwd: dir });
    assert.equal(listed.code, 0, out(listed));
    assert.match(listed.stdout, new RegExp(`${wanted.get('kafka')!.slice(0, 8)}\\s+${target.id}`));

    const r = await cli(['rollback', '--to', target.id.slice(0, 8), '--json'], { cwd: dir });
    assert.equal(r.code, 0, out(r));
    const after = await byName(dir);
    for (const [n, rev] of wanted) {
      assert.equal(after.get(n)!.revision, rev, `${n} is back on the revision it had then`);
      assert.equal(after.get(n)!.health, 'healthy');
    }
    const [last] = await historyOf(dir);
    assert.equal(last!.kind, 'rollback');

    // One service, by revision: worker goes to its revision of the second deployment, the rest stays.
    const second = deploys[2]!.steps.find((s) => s.service === 'worker')!.to;
    const one = await cli(['rollback', '--to', second.slice(0, 10), '--service', 'worker'], { cwd: dir });
    assert.equal(one.code, 0, out(one));
    const final = await byName(dir);
    assert.equal(final.get('worker')!.revision, second);
    assert.equal(final.get('kafka')!.pid, after.get('kafka')!.pid);
  });

  it('bad input exits 3 naming the closest existing one; restart under a held lock exits 2 or queues', async () => {
    const dir = await stack();
    await deploy(dir);
    const [d] = await historyOf(dir);
    const bad = async (args: string[], re: RegExp) => {
      const r = await cli(args, { cwd: dir });
      assert.equal(r.code, 3, `${args.join(' ')}: ${out(r)}`);
      assert.match(r.stderr, re);
    };
    await bad(['restart', 'zookeepr'], /no service "zookeepr" .*did you mean "zookeeper"/);
    await bad(['rollback', '--to', d!.id, '--service', 'kafak'], /no service "kafak" .*did you mean "kafka"/);
    const typo = d!.id.slice(0, 7) + (d!.id[7] === 'a' ? 'b' : 'a') + d!.id.slice(8);
    await bad(['rollback', '--to', typo], new RegExp(`did you mean "${d!.id}"`));
    await bad(['rollback', '--to', 'deadbeefcafe'], /no deployment, revision or time "deadbeefcafe"/);
    await bad(['history', '--service', 'wokrer'], /did you mean "worker"/);

    const holder = startCli(['deploy', '--json'], { cwd: dir, env: { VERSION: '2', DELAY: '6000' } });
    await waitForOutput(holder, /"service\.starting"/);
    const refused = await cli(['restart', 'kafka'], { cwd: dir });
    assert.equal(refused.code, 2, out(refused));
    assert.match(refused.stderr, /being deployed by/);
    const queued = await cli(['restart', 'kafka', '--wait-lock', '120s', '--json'], { cwd: dir });
    assert.equal(queued.code, 0, out(queued));
    assert.ok(events(queued.stdout).some((e) => e.code === 'lock.queued'));
    assert.equal((await holder.done).code, 0);
  });

  it('scale worker=0 then worker=2 shows in status, holds across a deployment, and is in history', async () => {
    const dir = await stack();
    await deploy(dir);
    const zero = await cli(['scale', 'worker=0'], { cwd: dir });
    assert.equal(zero.code, 0, out(zero));
    let w = (await byName(dir)).get('worker')!;
    assert.deepEqual([w.health, w.replicas], ['stopped', 0]);
    await deploy(dir); // nothing changed: worker stays at zero, not "not running"
    w = (await byName(dir)).get('worker')!;
    assert.deepEqual([w.health, w.replicas], ['stopped', 0]);

    const two = await cli(['scale', 'worker=2', '--json'], { cwd: dir });
    assert.equal(two.code, 0, out(two));
    const scaled = events(two.stdout).find((e) => e.code === 'service.scaled')!;
    assert.deepEqual([scaled.from, scaled.to], [0, 2]);
    w = (await byName(dir)).get('worker')!;
    assert.deepEqual([w.health, w.replicas], ['healthy', 2]);
    const text = await cli(['status'], { cwd: dir });
    assert.match(text.stdout, /worker .*healthy \(2 replicas\)/);

    // A new revision of worker replaces both copies and keeps two.
    await deploy(dir, { WORKER_VERSION: '2' });
    const after = (await byName(dir)).get('worker')!;
    assert.deepEqual([after.health, after.replicas], ['healthy', 2]);
    assert.notEqual(after.revision, w.revision);
    const [last, prev] = (await historyOf(dir)).filter((d) => d.kind === 'scale');
    assert.equal(last!.outcome, 'succeeded');
    assert.equal(prev!.outcome, 'succeeded');

    for (const [args, re] of [
      [['scale', 'worker=-1'], /worker=-1: a replica count is a whole number, 0 or more/],
      [['scale', 'worker=4'], /worker=4 is beyond .*services\.worker\.scale\.max, which is 3/],
      [['scale', 'kafka=2'], /services\.kafka allows no replicas; set scale\.max/],
      [['scale', 'wroker=1'], /no service "wroker" .*did you mean "worker"/],
      [['scale', 'worker'], /scale takes SERVICE=N/],
    ] as const) {
      const r = await cli([...args], { cwd: dir });
      assert.equal(r.code, 3, `${args.join(' ')}: ${out(r)}`);
      assert.match(r.stderr, re);
    }
    const down = await cli(['down'], { cwd: dir });
    assert.match(down.stdout, /stopped: kafka, worker, zookeeper/);
  });
});
