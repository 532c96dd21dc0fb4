import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock, type Clock } from '../../src/core/clock.js';
import type { RunContext } from '../../src/engine/context.js';
import { Emitter } from '../../src/engine/emitter.js';
import type { ConvoyEvent } from '../../src/engine/events.js';
import {
  decideStored,
  firstOf,
  recordingDecisions,
  WavePauses,
  type Decide,
  type Pause,
} from '../../src/engine/pause.js';
import { answerPause } from '../../src/engine/answer-pause.js';
import { NotPausedError } from '../../src/errors.js';
import type { Plan } from '../../src/plan/plan.js';
import type { Stack } from '../../src/spec/types.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { Target } from '../../src/targets/target.js';

/** Real time, but a poll of the store waits 5 ms instead of a second. */
const quick: Clock = { now: () => Date.now(), sleep: (_ms, signal) => systemClock.sleep(5, signal) };

const PAUSE: Pause = { wave: 1, stage: 'POST_TEST_TRAFFIC_SHIFT', services: ['api', 'worker'] };

/** A run of deployment `d2` of stack `web` on an in-memory SQLite store, with the events it emits. */
async function withRun(fn: (ctx: RunContext, store: Store, seen: ConvoyEvent[]) => Promise<void>) {
  const store = openSqliteStore(':memory:');
  const emitter = new Emitter('web', quick, store, (t) => t);
  emitter.deploymentId = 'd2';
  const seen: ConvoyEvent[] = [];
  emitter.subscribe((e) => void seen.push(e));
  const ctx: RunContext = {
    stack: { name: 'web' } as Stack,
    store,
    target: {} as Target,
    clock: quick,
    emitter,
    deploymentId: 'd2',
    token: 1,
    signal: new AbortController().signal,
  };
  try {
    await fn(ctx, store, seen);
    await emitter.flush();
  } finally {
    await store.close();
  }
}

const stored = (deploymentId: string, by: string, action: 'CONTINUE' | 'ROLLBACK' = 'CONTINUE') => ({
  stack: 'web',
  deploymentId,
  wave: PAUSE.wave,
  stage: PAUSE.stage,
  services: [...PAUSE.services],
  action,
  by,
  at: 1,
});

const never: Decide = () => new Promise(() => {});

describe('engine: answering a pause through the store', () => {
  it('finds a decision recorded for the deployment it resumed, records it as its own and says it once', () =>
    withRun(async (ctx, store, seen) => {
      const decide = recordingDecisions(ctx, decideStored(ctx, ['d1']));
      const answer = decide(PAUSE, new AbortController().signal);
      await store.recordPauseDecision(stored('d1', 'alice'));
      assert.deepEqual(await answer, { action: 'CONTINUE', by: 'alice' });
      assert.equal((await store.getPauseDecision('d2', PAUSE.wave, PAUSE.stage))?.by, 'alice');
      await ctx.emitter.flush();
      assert.deepEqual(
        seen.filter((e) => e.code === 'pause.decided').map((e) => e.code === 'pause.decided' && e.by),
        ['alice'],
      );
    }));

  it('a decision another process recorded first stands over its own, which it then does not say', () =>
    withRun(async (ctx, store, seen) => {
      await store.recordPauseDecision(stored('d2', 'bob', 'ROLLBACK'));
      const mine: Decide = async () => ({ action: 'CONTINUE', by: 'post-deploy checks of api, worker' });
      const d = await recordingDecisions(ctx, mine)(PAUSE, new AbortController().signal);
      assert.deepEqual(d, { action: 'ROLLBACK', by: 'bob' });
      await ctx.emitter.flush();
      assert.equal(seen.filter((e) => e.code === 'pause.decided').length, 0);
    }));

  it('the first decider to answer wins, and the others are told the pause ended', () =>
    withRun(async (ctx, store) => {
      let loser: AbortSignal | undefined;
      const slow: Decide = (_p, ended) => {
        loser = ended;
        return never(_p, ended);
      };
      const answer = firstOf(slow, decideStored(ctx, []))(PAUSE, new AbortController().signal);
      await store.recordPauseDecision(stored('d2', 'carol', 'ROLLBACK'));
      assert.deepEqual(await answer, { action: 'ROLLBACK', by: 'carol' });
      assert.equal(loser?.aborted, true);
    }));

  it('stops looking once every paused service’s gate ended undecided (a hook’s timeoutAction)', async () => {
    const plan = {
      entries: ['api', 'worker'].map((name) => ({
        service: { name, aws: { pauseAt: PAUSE.stage } },
        changed: true,
        wave: PAUSE.wave,
      })),
    } as unknown as Plan;
    let ended: AbortSignal | undefined;
    const pauses = new WavePauses(
      plan,
      (_p, e) => {
        ended = e;
        return never(_p, e);
      },
      () => undefined,
    );
    for (const e of plan.entries) void pauses.forEntry(e)!(PAUSE.stage);
    assert.equal(ended?.aborted, false, 'deciding once both arrived');
    pauses.leave('api');
    assert.equal(ended.aborted, false, 'worker still waits');
    pauses.leave('worker');
    assert.equal(ended.aborted, true);
  });
});

/** Deployment `d1` of stack `web`, running, with `api` starting and, when `paused`, its wave held at the pause. */
async function runningDeployment(store: Store, paused: boolean): Promise<void> {
  const got = await store.acquireLock({
    stack: 'web',
    holder: 'h',
    correlationId: 'c',
    leaseMs: 60_000,
    now: 1,
  });
  assert.ok(got.acquired);
  const token = got.lock.token;
  await store.createDeployment({
    id: 'd1',
    stack: 'web',
    kind: 'deploy',
    correlationId: 'c',
    actor: 'ci',
    context: {},
    status: 'running',
    fencingToken: token,
    startedAt: 1,
  });
  await store.putStep({ deploymentId: 'd1', service: 'api', toRevision: 'r2', state: 'starting' }, token);
  if (paused)
    await store.appendEvent({
      stack: 'web',
      deploymentId: 'd1',
      at: 2,
      code: 'pause.waiting',
      data: { wave: PAUSE.wave, stage: PAUSE.stage, services: [...PAUSE.services] },
    });
}

describe('engine: convoy approve / reject (answerPause)', () => {
  const stackOf = { name: 'web', services: [] } as unknown as Stack;

  it('with nothing paused, exit 3 naming the deployment that runs and what it starts', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await assert.rejects(
        answerPause({ store, clock: quick }, stackOf, { action: 'CONTINUE', by: 'a' }),
        (e) => {
          assert.ok(e instanceof NotPausedError);
          assert.equal(e.exitCode, 3);
          assert.match(e.message, /no deployment of stack web is running/);
          return true;
        },
      );
      await runningDeployment(store, false);
      await assert.rejects(
        answerPause({ store, clock: quick }, stackOf, { action: 'CONTINUE', by: 'a' }),
        /no deployment of stack web is paused: deployment d1 \(deploy by ci, .*\) is running, starting api/,
      );
    } finally {
      await store.close();
    }
  });

  it('records the answer and says it once; two answering at once: one wins, the other is told (exit 3)', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await runningDeployment(store, true);
      const results = await Promise.allSettled([
        answerPause({ store, clock: quick }, stackOf, { action: 'CONTINUE', by: 'alice' }),
        answerPause({ store, clock: quick }, stackOf, { action: 'ROLLBACK', by: 'bob' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.ok(lost[0]!.reason instanceof NotPausedError, String(lost[0]!.reason));
      const winner = (await store.getPauseDecision('d1', PAUSE.wave, PAUSE.stage))!;
      assert.deepEqual(won[0]!.value, [winner]);
      const said = (await store.listEvents('d1')).filter((e) => e.code === 'pause.decided');
      assert.deepEqual(
        said.map((e) => e.data.by),
        [winner.by],
      );
    } finally {
      await store.close();
    }
  });
});
