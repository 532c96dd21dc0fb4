import { setMaxListeners } from 'node:events';
import type { Plan, PlanEntry } from '../plan/plan.js';
import { byUrgency, chains } from '../plan/urgency.js';
import type { Prediction } from '../store/store.js';
import type { Unit, Verdict } from '../targets/target.js';
import type { RunContext } from './context.js';
import { Deferred } from './deferred.js';
import type { LiveEstimate } from './live-estimate.js';
import { recordFailure, type Failure } from './failure.js';
import { RunOutputs } from './outputs.js';
import { ExitCode } from '../errors.js';
import { decideUpFront, WavePauses, type Decide } from './pause.js';

export interface ExecResult {
  /** The first failure; the one the report is about. */
  failed?: { entry: PlanEntry; verdict: Failure };
  /** Entries launched by this deployment, in launch order (what a rollback may undo). */
  launched: PlanEntry[];
  /** Launched entries that did not reach their gate because the deployment stopped first. */
  unverified: PlanEntry[];
  /** When each launched entry was started (clock ms), so a later failure of it reports its true elapsed time. */
  startedAt: Map<string, number>;
}

/**
 * Runs the plan: every entry waits for its prerequisites (the previous wave, or its own dependencies), then is
 * started and followed to its gate. The first failure stops new work and interrupts everything still waiting.
 * Every state change is persisted before it is acted on.
 */
export async function execute(
  ctx: RunContext,
  plan: Plan,
  opts: {
    order: 'waves' | 'dependencies';
    timeoutMs: number;
    /** How long each service took last time, to tell the target which setup is most urgent. */
    durations?: ReadonlyMap<string, number>;
    /**
     * Let the target prepare units ahead (default true). A rollback goes back to definitions that exist already;
     * the target finds those at start() among what each service ran, which preparing ahead would not.
     */
    prepare?: boolean;
    /** Kept up to date as services start and pass their gates: `service.ready` carries what is left. */
    estimate?: LiveEstimate;
    /**
     * Runs once a service passed its gate, before it counts as ready (so before its dependents start): a failure
     * it returns fails the service like its gate would (the post-deploy checks).
     */
    afterGate?: (e: PlanEntry, startedAt: number) => Promise<Failure | undefined>;
    /** Who decides at a wave's pause (`pauseAt`); default: nobody, each hook's timeoutAction ends it. */
    decide?: Decide;
  },
): Promise<ExecResult> {
  const { store, target, clock, emitter, token } = ctx;
  const stop = new AbortController();
  // Every service waiting on its gate listens to this signal; a wide wave is not a leak.
  setMaxListeners(0, stop.signal);
  const onOuterAbort = () => stop.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onOuterAbort, { once: true });

  const launched = new Map(plan.entries.map((e) => [e.service.name, new Deferred<boolean>()]));
  const ready = new Map(plan.entries.map((e) => [e.service.name, new Deferred<boolean>()]));
  const result: ExecResult = { launched: [], unverified: [], startedAt: new Map() };
  const pauses = new WavePauses(plan, opts.decide ?? decideUpFront(undefined, ''), emitter.emit);
  stop.signal.addEventListener('abort', () => {
    for (const d of [...launched.values(), ...ready.values()]) d.resolve(false);
    pauses.stopAll('the deployment stopped');
  });
  const unitOf = (e: PlanEntry): Unit => ({
    stack: plan.stack,
    service: e.service,
    revision: e.revision,
    ...(e.returning ? { returning: true } : {}),
    ...(e.restart ? { restart: true } : {}),
  });
  const outputs = new RunOutputs(ctx, plan);
  const chain = chains(plan, opts.order, (n) => opts.durations?.get(n));
  const preparation = new AbortController();
  stop.signal.addEventListener('abort', () => preparation.abort(stop.signal.reason), { once: true });
  const preparing =
    opts.prepare !== false && target.prepare
      ? target
          .prepare(
            // A unit waiting for outputs is not known yet: it is set up at its turn.
            byUrgency(plan, opts.order, (n) => opts.durations?.get(n))
              .filter((e) => !e.pendingOutputs)
              .map(unitOf),
            preparation.signal,
          )
          .catch(() => undefined)
      : Promise.resolve();

  // Wave k is done when every entry of waves 0..k reached its gate; one promise per wave keeps this linear.
  const waveDone: Promise<boolean>[] = [];
  plan.waves.forEach((names, w) => {
    const own = Promise.all(names.map((n) => ready.get(n)!.promise)).then((r) => r.every(Boolean));
    waveDone[w] = w === 0 ? own : Promise.all([waveDone[w - 1]!, own]).then(([a, b]) => a && b);
  });
  const prerequisites = (e: PlanEntry): Promise<boolean>[] => {
    if (opts.order === 'waves') return e.wave === 0 ? [] : [waveDone[e.wave - 1]!];
    return e.service.dependsOn.map(
      (d) => (d.condition === 'started' ? launched : ready).get(d.name)!.promise,
    );
  };

  const step = (
    e: PlanEntry,
    state: Parameters<typeof store.putStep>[0]['state'],
    extra: { startedAt?: number; endedAt?: number; detail?: string; estimate?: Prediction } = {},
  ) =>
    store.putStep(
      {
        deploymentId: ctx.deploymentId,
        service: e.service.name,
        fromRevision: e.from,
        toRevision: e.revision,
        state,
        ...extra,
      },
      token,
    );

  const run = async (e: PlanEntry): Promise<void> => {
    const name = e.service.name;
    const met = (await Promise.all(prerequisites(e))).every(Boolean);
    if (!met || stop.signal.aborted) {
      await step(e, 'skipped', { detail: 'not started: the deployment stopped' });
      emitter.emit({ code: 'service.skipped', service: name, why: 'the deployment stopped before its turn' });
      return;
    }
    if (e.pendingOutputs) {
      try {
        await outputs.fill(e);
      } catch (err) {
        const at = clock.now();
        const verdict: Failure = {
          ok: false,
          reason: 'start-failed',
          at,
          message: (err as Error).message,
          check: 'CloudFormation outputs',
          ...((err as { exitCode?: number }).exitCode === ExitCode.invalidInput
            ? { refused: true as const }
            : {}),
        };
        result.failed ??= { entry: e, verdict };
        stop.abort(new Error(`${name} failed`));
        await recordFailure(ctx, e, verdict, { startedAt: at, endedAt: at });
        return;
      }
    }
    if (!e.changed) {
      emitter.emit({ code: 'service.unchanged', service: name, revision: e.revision });
      launched.get(name)!.resolve(true);
      ready.get(name)!.resolve(true);
      return;
    }
    const startedAt = clock.now();
    const predicted = opts.estimate?.unit(name);
    await step(e, 'starting', { startedAt, ...(predicted ? { estimate: predicted } : {}) });
    emitter.emit({
      code: 'service.starting',
      service: name,
      revision: e.revision,
      from: e.from,
      gate: e.gate,
      wave: e.wave,
      ...(predicted ? { estimate: opts.estimate!.interval(name)! } : {}),
    });
    result.launched.push(e);
    result.startedAt.set(name, startedAt);
    opts.estimate?.started(name, startedAt);
    const watching = new AbortController();
    opts.estimate?.watch(name, startedAt, emitter.emit, [watching.signal, stop.signal]);
    const unit = unitOf(e);
    let verdict: Verdict;
    try {
      await target.start(unit);
      launched.get(name)!.resolve(true);
      verdict = await target.awaitGate(unit, e.gate, {
        timeoutMs: opts.timeoutMs,
        signal: stop.signal,
        progress: (p) => emitter.emit({ code: 'service.progress', service: name, ...p }),
        pause: pauses.forEntry(e),
        ...(predicted
          ? { expected: { ...expectedAt(predicted, startedAt), chainEndAt: startedAt + chain.get(name)! } }
          : {}),
      });
    } catch (err) {
      verdict = stop.signal.aborted
        ? {
            ok: false,
            reason: 'timeout',
            at: clock.now(),
            message: `stopped waiting: ${(stop.signal.reason as Error)?.message ?? 'cancelled'}`,
          }
        : { ok: false, reason: 'start-failed', at: clock.now(), message: (err as Error).message };
    } finally {
      watching.abort();
      pauses.leave(name);
    }
    let recorded: Record<string, string> | undefined;
    if (verdict.ok) {
      try {
        recorded = await outputs.completed(e, unit);
      } catch (err) {
        verdict = {
          ok: false,
          reason: 'start-failed',
          at: clock.now(),
          message: `could not read the outputs of ${name}: ${(err as Error).message}`,
        };
      }
    }
    if (verdict.ok && opts.afterGate) verdict = (await opts.afterGate(e, startedAt)) ?? verdict;
    const endedAt = clock.now();
    if (verdict.ok) {
      opts.estimate?.ended(name, endedAt);
      await step(e, 'healthy', { startedAt, endedAt });
      await store.setCurrent(
        plan.stack,
        name,
        { revision: e.revision, deploymentId: ctx.deploymentId, at: endedAt },
        token,
      );
      emitter.emit({
        code: 'service.ready',
        service: name,
        revision: e.revision,
        gate: e.gate,
        elapsedMs: endedAt - startedAt,
        ...(opts.estimate ? { remaining: opts.estimate.remaining() } : {}),
        ...(recorded ? { outputs: recorded } : {}),
      });
      ready.get(name)!.resolve(true);
      return;
    }
    if (stop.signal.aborted && result.failed) {
      // Interrupted by another service's failure: it never proved itself, so a rollback must treat it as failed.
      result.unverified.push(e);
      await step(e, 'failed', { startedAt, endedAt, detail: 'stopped waiting: another service failed' });
      emitter.emit({
        code: 'service.skipped',
        service: name,
        why: `stopped waiting for its ${e.gate} gate: ${result.failed.entry.service.name} failed`,
      });
      return;
    }
    result.failed ??= { entry: e, verdict };
    stop.abort(new Error(`${name} failed`));
    await recordFailure(ctx, e, verdict, { startedAt, endedAt });
  };

  try {
    await Promise.all(plan.entries.map(run));
  } finally {
    // Every unit has started or never will: what is still being prepared is not needed.
    preparation.abort(new Error('the deployment no longer needs it'));
    await preparing;
    ctx.signal.removeEventListener('abort', onOuterAbort);
  }
  return result;
}

/**
 * When a unit is expected to reach its gate, as clock times. A guess from the stack file says how late a service may
 * be ready, not how early (a fast-booting app passes its first probe long before its start period ends).
 */
function expectedAt(p: Prediction, startedAt: number): { lowAt: number; highAt: number } {
  return { lowAt: startedAt + (p.basis === 'guess' ? 0 : p.lowMs), highAt: startedAt + p.highMs };
}
