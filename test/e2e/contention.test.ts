import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  cli,
  describeEachBackend,
  events,
  freePort,
  serviceYaml,
  sleep,
  stackDir,
  startCli,
} from './helpers.js';

const RUNS = 20;

describeEachBackend('20 concurrent deployments of one stack', () => {
  it('one holder at a time, all deploy in arrival order, 20 distinct fencing tokens', async () => {
    const port = await freePort();
    // A job whose revision changes with VERSION: every run has real work to do, and it is quick.
    const dir = stackDir('contention', [
      serviceYaml('work', {
        port,
        kind: 'job',
        env: { MODE: 'job', JOB_DURATION: 300, VERSION: '${VERSION}' },
      }),
    ]);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        startCli(['deploy', '--json', '--wait-lock', '5m', '--correlation-id', `run-${i}`], {
          cwd: dir,
          env: { VERSION: String(i) },
        }),
      );
      await sleep(100);
    }
    const results = await Promise.all(runs.map((r) => r.done));
    results.forEach((r, i) => assert.equal(r.code, 0, `run ${i}: ${r.stderr}`));

    const timeline = results.map((r, i) => {
      const ev = events(r.stdout);
      const at = (code: string) => Date.parse(ev.find((e) => e.code === code)!.at);
      // Arrival is the ticket the store handed out when the run joined the queue.
      const arrived = ev.find((e) => e.code === 'lock.queued')!.ticket as number;
      // Stamped before the lock is given back (lock.released is stamped after, so the next run may beat it).
      return { run: i, arrived, acquired: at('lock.acquired'), done: at('deploy.succeeded') };
    });
    const byAcquire = [...timeline].sort((a, b) => a.acquired - b.acquired);
    for (let k = 1; k < byAcquire.length; k++) {
      assert.ok(
        byAcquire[k]!.acquired >= byAcquire[k - 1]!.done,
        `run ${byAcquire[k]!.run} took the lock before run ${byAcquire[k - 1]!.run} had finished deploying`,
      );
    }
    const byArrival = [...timeline].sort((a, b) => a.arrived - b.arrived).map((t) => t.run);
    assert.deepEqual(
      byAcquire.map((t) => t.run),
      byArrival,
      'served first come, first served',
    );

    const h = JSON.parse((await cli(['history', '--json', '--limit', '100'], { cwd: dir })).stdout) as {
      correlationId: string;
      fencingToken: number;
      outcome: string;
    }[];
    assert.equal(h.length, RUNS);
    assert.ok(h.every((x) => x.outcome === 'succeeded'));
    assert.equal(new Set(h.map((x) => x.fencingToken)).size, RUNS);
    // History is newest first: tokens grow with the order deployments ran.
    assert.deepEqual(
      h.map((x) => x.correlationId).reverse(),
      byArrival.map((i) => `run-${i}`),
    );
  });
});
