import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, cli, copyExample, events } from './helpers.js';

/**
 * Estimates as a user meets them, on the local target (issue 17's "done when"): the alerting-platform example deployed
 * six times, then a seventh whose interval holds its actual duration and whose live estimate shrinks as its waves
 * complete, then an eighth with a planted slow service, which a terminal calls "taking longer than usual" before
 * `deploy.stalled` names it at three times its usual duration. The interval holding is one draw of an 80 % event on
 * durations measured moments before on the same machine; `npm run bench estimate` measures the rate over many.
 */

interface Interval {
  lowMs: number;
  highMs: number;
  coverage: number;
  basis: string;
}

const wellFormed = (e: Interval | undefined, what: string) => {
  assert.ok(e, `${what} has an estimate`);
  assert.ok(e.lowMs >= 0 && e.lowMs <= e.highMs, `${what}: ${e.lowMs}–${e.highMs}`);
  assert.equal(e.coverage, 0.8, what);
};
const mid = (e: Interval) => (e.lowMs + e.highMs) / 2;

/**
 * The sender can be slowed down from the environment (SENDER_DELAY, before it listens), and its health check
 * allows for it: a longer start period, set before the first deployment so every run has the same timing.
 */
function plantSlowSender(dir: string): void {
  const file = join(dir, 'convoy.yaml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n  sender:');
  const block = text
    .slice(at)
    .replace('STARTUP_DELAY: 100', "STARTUP_DELAY: '${SENDER_DELAY:-100}'")
    .replace('startPeriod: 2s', 'startPeriod: 30s');
  assert.notEqual(block, text.slice(at), 'the sender block was found');
  writeFileSync(file, text.slice(0, at) + block);
}

/** `convoy deploy` on a terminal (util-linux `script` gives it one), without CI set: the live view. */
function deployOnTerminal(
  dir: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const { CI: _, ...rest } = process.env;
  const child = spawn('script', ['-qefc', `${process.execPath} ${CLI} deploy`, '/dev/null'], {
    cwd: dir,
    env: { ...rest, TERM: 'xterm', COLUMNS: '120', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((res) => child.on('close', (code) => res({ code, out })));
}

describe('estimates on the local target (alerting-platform)', () => {
  let dir = '';
  before(async () => {
    ({ dir } = await copyExample('alerting-platform'));
    plantSlowSender(dir);
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
  });

  it('six deployments, then a seventh inside its interval whose live estimate shrinks wave by wave', async (t) => {
    const first = await cli(['plan', '--json'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const guess = JSON.parse(first.stdout) as { estimate: Interval };
    wellFormed(guess.estimate, 'the first plan');
    assert.equal(guess.estimate.basis, 'guess');

    // Each changes what reads VERSION: all but zookeeper and kafka, which only the first starts.
    for (const v of ['1', '2', '3', '4', '5', '6']) {
      const r = await cli(['deploy'], { cwd: dir, env: { VERSION: v } });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }

    const next = await cli(['plan', '--json'], { cwd: dir, env: { VERSION: '7' } });
    assert.equal(next.code, 0, next.stderr);
    const plan = JSON.parse(next.stdout) as {
      estimate: Interval;
      services: { name: string; changed: boolean; estimate: Interval | null }[];
    };
    wellFormed(plan.estimate, 'the plan');
    assert.equal(plan.estimate.basis, 'history');
    for (const s of plan.services) {
      if (s.changed) assert.equal(s.estimate?.basis, 'history', s.name);
      else assert.equal(s.estimate, null, s.name);
    }

    // An honest 80 % interval misses one deployment in five, so a single draw would fail this test that often.
    // Up to three draws are taken and the first inside is kept (a calibrated interval fails all three 0.8 % of the
    // time); every draw is reported. The rate itself is measured over thousands in `npm run bench estimate`.
    let ev: Record<string, unknown>[] = [];
    let started: Record<string, unknown> = {};
    let estimate: Interval | undefined;
    const draws: string[] = [];
    for (let version = 7; version <= 9 && !estimate; version++) {
      const r = await cli(['deploy', '--json'], { cwd: dir, env: { VERSION: String(version) } });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      ev = events(r.stdout);
      started = ev.find((e) => e.code === 'deploy.started')!;
      const e = started.estimate as Interval;
      wellFormed(e, 'deploy.started');
      assert.equal(e.basis, 'history');
      // The estimate is of what remains from its event on.
      const took =
        Date.parse(String(ev.find((x) => x.code === 'deploy.succeeded')!.at)) -
        Date.parse(String(started.at));
      draws.push(`${took} ms in ${e.lowMs}–${e.highMs} ms`);
      if (e.lowMs <= took && took <= e.highMs) estimate = e;
    }
    t.diagnostic(`deployment 7 onwards: ${draws.join('; ')}`);
    assert.ok(estimate, `one of three deployments inside its interval: ${draws.join('; ')}`);

    const ready = ev.filter((e) => e.code === 'service.ready');
    assert.equal(ready.length, 6, 'every service that reads VERSION');
    for (const e of ready) wellFormed(e.remaining as Interval, `service.ready ${String(e.service)}`);
    // What is left once each wave completed: nothing of that wave remains, so it must be less each time.
    const waves = started.waves as string[][];
    const atWaveEnd = waves
      .map((names) => ready.filter((e) => names.includes(String(e.service))).at(-1))
      .filter((e) => e !== undefined)
      .map((e) => e.remaining as Interval);
    assert.equal(atWaveEnd.length, 3, 'three waves changed');
    const left = [estimate, ...atWaveEnd].map(mid);
    t.diagnostic(`left at the start and at each wave's end: ${left.map(Math.round).join(', ')} ms`);
    for (let i = 1; i < left.length; i++) assert.ok(left[i]! < left[i - 1]!, `shrinks: ${left.join(', ')}`);
    assert.ok(
      (ready.at(-1)!.remaining as Interval).highMs < (ready[0]!.remaining as Interval).highMs,
      'less is left at the last ready than at the first',
    );
  });

  it('a slow service: "taking longer than usual" on a terminal, then deploy.stalled at three times its median', async () => {
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as {
      steps: { service: string; state: string; durationMs: number | null }[];
    }[];
    const usual = h.flatMap((d) =>
      d.steps.filter((s) => s.service === 'sender' && s.state === 'healthy').map((s) => s.durationMs!),
    );
    assert.ok(usual.length >= 7, `${usual.length} past runs of sender`);

    // Late enough to pass both three times its usual and the top of its interval, however slow this machine was.
    // A version no draw above deployed, so sender is planned as changed (an unchanged service has no estimate).
    const version = '10';
    const planned = JSON.parse(
      (await cli(['plan', '--json'], { cwd: dir, env: { VERSION: version } })).stdout,
    ) as {
      services: { name: string; estimate: Interval | null }[];
    };
    const top = planned.services.find((s) => s.name === 'sender')!.estimate!.highMs;
    const delay = Math.round(Math.max(5000, 2 * Math.max(3 * Math.max(...usual), top)));
    const run = await deployOnTerminal(dir, { VERSION: version, SENDER_DELAY: String(delay) });
    assert.equal(run.code, 0, run.out);
    const late = run.out.indexOf('taking longer than usual (+');
    const stalledLine = run.out.indexOf('sender: taking longer than usual:');
    assert.ok(late >= 0, `the live view said "taking longer than usual (+…)":\n${run.out.slice(-2000)}`);
    assert.ok(stalledLine > late, `and later printed the stall:\n${run.out.slice(-3000)}`);

    const stored = events((await cli(['events', '--json'], { cwd: dir })).stdout);
    const last = stored.filter((e) => e.deploymentId === stored.at(-1)!.deploymentId);
    const stalled = last.find((e) => e.code === 'deploy.stalled');
    assert.ok(stalled, 'deploy.stalled was stored');
    assert.equal(stalled.service, 'sender');
    const median = stalled.medianMs as number;
    assert.ok(
      median >= Math.min(...usual) && median <= Math.max(...usual),
      `its usual ${median} ms is among its past runs ${usual.join(', ')}`,
    );
    assert.ok((stalled.elapsedMs as number) >= 3 * median, `stalled after ${String(stalled.elapsedMs)} ms`);
    const readyAt = last.find((e) => e.code === 'service.ready' && e.service === 'sender')!;
    // From when its run started, as its step records it (the service.starting event is stamped a little later).
    const [latest] = JSON.parse((await cli(['history', '--json', '--limit', '1'], { cwd: dir })).stdout) as {
      steps: { service: string; startedAt: string }[];
    }[];
    const startedAt = Date.parse(latest!.steps.find((s) => s.service === 'sender')!.startedAt);
    assert.ok(Date.parse(stalled.at) - startedAt >= 3 * median, 'not before three times its usual');
    assert.ok(stalled.seq! < readyAt.seq!, 'named while it was still late, before it became ready');
    assert.equal(
      last.filter((e) => e.code === 'deploy.stalled').length,
      1,
      'only the planted service is named',
    );
  });
});
