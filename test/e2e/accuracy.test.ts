import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cli, describeEachBackend, downAfterSuite, freePort, serviceYaml, stackDir } from './helpers.js';

/**
 * Measured calibration as a user meets it: every deployment keeps its predicted interval next to what happened
 * (the deployment's and each service run's, in `history --json`), and `history --accuracy` scores them, per stack
 * and per service. The figures are checked against the stored predictions and durations, not against a timing.
 */

interface Prediction {
  lowMs: number;
  highMs: number;
  midMs: number;
  basis: string;
}
interface Row {
  name: string;
  predictions: number;
  held: number;
  coverage: number | null;
  medianAbsErrorMs: number | null;
  medianAbsErrorPct: number | null;
  guesses: number;
}
interface Entry {
  outcome: string;
  startedAt: string;
  endedAt: string | null;
  estimate: Prediction | null;
  steps: { service: string; state: string; durationMs: number | null; estimate: Prediction | null }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function expected(name: string, scored: { p: Prediction; actual: number }[]) {
  const held = scored.filter(({ p, actual }) => p.lowMs <= actual && actual <= p.highMs).length;
  return {
    name,
    predictions: scored.length,
    held,
    medianAbsErrorMs: Math.round(median(scored.map(({ p, actual }) => Math.abs(p.midMs - actual)))),
    guesses: scored.filter(({ p }) => p.basis === 'guess').length,
  };
}

describeEachBackend('estimates scored against what happened', () => {
  const stack = downAfterSuite(async () => {
    const [a, b] = [await freePort(), await freePort()];
    return stackDir('accuracy', [
      serviceYaml('db', {
        port: a,
        env: { VERSION: '${VERSION:-1}' },
        health: `{ http: { url: "http://127.0.0.1:${a}/health" }, interval: 200ms, timeout: 1s, retries: 3, startPeriod: 5s }`,
      }),
      serviceYaml('api', {
        port: b,
        env: { VERSION: '${VERSION:-1}', STARTUP_DELAY: 300 },
        dependsOn: ['db'],
        health: `{ http: { url: "http://127.0.0.1:${b}/health" }, interval: 200ms, timeout: 1s, retries: 3, startPeriod: 5s }`,
      }),
    ]);
  });

  it('history keeps each prediction next to its outcome, and --accuracy scores them per stack and service', async () => {
    const dir = await stack();
    const empty = await cli(['history', '--accuracy', '--json'], { cwd: dir });
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal((JSON.parse(empty.stdout) as { stack: Row }).stack.predictions, 0);

    for (const v of ['1', '2', '3', '4']) {
      const r = await cli(['deploy'], { cwd: dir, env: { VERSION: v } });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    const h = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as Entry[];
    assert.equal(h.length, 4);
    for (const d of h) {
      assert.ok(d.estimate && d.estimate.lowMs <= d.estimate.midMs && d.estimate.midMs <= d.estimate.highMs);
      for (const s of d.steps) assert.ok(s.estimate, `${s.service} has its prediction`);
    }
    assert.equal(h.at(-1)!.estimate!.basis, 'guess', 'the first deployment had no history');
    assert.equal(h[0]!.estimate!.basis, 'history');

    const r = await cli(['history', '--accuracy', '--json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as { stack: Row; services: Row[] };
    const whole = h.map((d) => ({
      p: d.estimate!,
      actual: Date.parse(d.endedAt!) - Date.parse(d.startedAt),
    }));
    const { name: _, ...stackFigures } = expected('', whole);
    assert.deepEqual(
      {
        predictions: a.stack.predictions,
        held: a.stack.held,
        medianAbsErrorMs: a.stack.medianAbsErrorMs,
        guesses: a.stack.guesses,
      },
      stackFigures,
    );
    assert.equal(a.stack.coverage, Math.round((1000 * a.stack.held) / 4) / 1000);
    for (const service of ['api', 'db']) {
      const runs = h.flatMap((d) =>
        d.steps.filter((s) => s.service === service).map((s) => ({ p: s.estimate!, actual: s.durationMs! })),
      );
      const row = a.services.find((s) => s.name === service)!;
      assert.deepEqual(
        {
          name: row.name,
          predictions: row.predictions,
          held: row.held,
          medianAbsErrorMs: row.medianAbsErrorMs,
          guesses: row.guesses,
        },
        expected(service, runs),
      );
    }

    const text = await cli(['history', '--accuracy'], { cwd: dir });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /PREDICTIONS/);
    assert.match(text.stdout, /^ {2}api +4 /m);
  });
});
