import { setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import { DeployFailedError, DeployRefusedError, FencedOutError, RollbackFailedError } from '../errors.js';
import { buildPlan, type Plan, type PlanEntry, type Recorded } from '../plan/plan.js';
import type { CheckRunner } from '../core/check-result.js';
import type { PostCheck, Stack } from '../spec/types.js';
import type { CurrentRevision, DeploymentKind, Store } from '../store/store.js';
import { withOutputs } from '../plan/outputs.js';
import type { Health, Target } from '../targets/target.js';
import type { Clock } from '../core/clock.js';
import type { RunContext } from './context.js';
import { runningDeployment } from './deployment-record.js';
import { Emitter } from './emitter.js';
import type { Subscriber } from './events.js';
import { execute, type ExecResult } from './execute.js';
import { recordFailure } from './failure.js';
import { learnModel } from '../plan/estimate/schedule.js';
import { LiveEstimate, predictionOf } from './live-estimate.js';
import { loadPastDeployments } from './past.js';
import { acquireLease } from './lease.js';
import { bake, checkFailure, checksOf, decideByChecks, runChecks } from './post-checks.js';
import { notifySecrets, redactError, redactingStore, secretValues } from './redact.js';
import { recoverUnfinished, wantedRevisions, type Recovery } from './recover.js';
import { decideStored, decideUpFront, firstOf, recordingDecisions, type Decide } from './pause.js';
import { rollBack, type RollbackItem } from './rollback.js';

export interface EngineDeps {
  store: Store;
  target: Target;
  clock: Clock;
  /** Runs the stack's post-deploy checks (`verify:`, `bake:`); without it they are not run. */
  checks?: CheckRunner<PostCheck>;
}

/** What every operation that takes a stack's lock says about itself: which stack, who, and how long it queues. */
export interface LockedRun {
  stack: Stack;
  correlationId: string;
  actor: string;
  context: Record<string, string>;
  /** "actor@host pid N", shown to whoever finds the lock held. */
  holder: string;
  waitLockMs: number;
}

export interface RunOptions extends LockedRun {
  /** Replace older queued deployments of this stack (never the running one). */
  cancelSuperseded?: boolean;
  /** Get every event once it is stored; they run apart and can never hurt the deployment (see Emitter). */
  subscribers?: Subscriber[];
  /** Per event and subscriber; default 10 s. */
  subscriberTimeoutMs?: number;
  /**
   * The caller's emitter, when it emits events of its own around the deployment (pre-flight, degraded mode) into
   * the same stream and subscribers; the caller then flushes it. Its events go to this run's store.
   */
  emitter?: Emitter;
  /** Ctrl-C: stop, roll back per policy, release the lock. */
  signal?: AbortSignal;
  /** The decision at every wave's pause (`pauseAt`), recorded with `actor`; default: the hooks' timeoutAction. */
  pauseDecision?: 'CONTINUE' | 'ROLLBACK';
}

export interface RunOutcome {
  deploymentId: string;
  status: 'succeeded';
  plan: Plan;
}

/** Reads what is recorded and running; the planner itself stays pure. */
export async function observe(
  deps: EngineDeps,
  stack: Stack,
): Promise<{ recorded: Map<string, Recorded>; health: Map<string, Health>; scaledToZero: Set<string> }> {
  const recorded = await recordedRevisions(deps, stack);
  const states = await deps.target.status();
  const health = new Map(states.map((s) => [s.name, s.health] as const));
  return {
    recorded,
    health,
    scaledToZero: new Set(states.filter((s) => s.scaledToZero).map((s) => s.name)),
  };
}

/** Each service's current revision as the store recorded it (its secrets sealed: see Stack.unseal). */
export async function recordedRevisions(deps: EngineDeps, stack: Stack): Promise<Map<string, Recorded>> {
  const recorded = new Map<string, Recorded>();
  for (const c of await deps.store.getCurrent(stack.name)) {
    const rev = await deps.store.getRevision(stack.name, c.service, c.revision);
    if (!rev) continue;
    const outputs = rev.spec.kind === 'cloudformation' ? await recordedOutputs(deps, c) : undefined;
    recorded.set(c.service, {
      revision: c.revision,
      spec: outputs ? withOutputs(rev.spec, outputs) : rev.spec,
    });
  }
  return recorded;
}

/** A phase's outputs as its `service.ready` event recorded them, when the deployment that ran it is still kept. */
async function recordedOutputs(
  deps: EngineDeps,
  c: CurrentRevision,
): Promise<Record<string, string> | undefined> {
  const events = await deps.store.listEvents(c.deploymentId);
  const ready = events.findLast(
    (e) => e.code === 'service.ready' && e.data.service === c.service && e.data.revision === c.revision,
  );
  return ready?.data.outputs as Record<string, string> | undefined;
}

/**
 * One deployment from lock to release: take the lease, record the deployment, deal with any interrupted one, plan,
 * execute, verify, and on failure roll back per the stack's policy. Resolves on success; otherwise throws the
 * ConvoyError whose exit code says what happened.
 */
export async function runDeployment(
  deps: EngineDeps,
  o: RunOptions,
  kind: Exclude<DeploymentKind, 'down' | 'scale'> = 'deploy',
  makePlan: (observed: Awaited<ReturnType<typeof observe>>) => Plan | Promise<Plan> = (obs) =>
    buildPlan(o.stack, obs.recorded, obs.health, obs.scaledToZero),
): Promise<RunOutcome> {
  const { store, clock } = deps;
  const stack = o.stack;
  const emitter =
    o.emitter ?? Emitter.forStack(stack, store, clock, { subscriberTimeoutMs: o.subscriberTimeoutMs });
  emitter.useStore(store);
  emitter.mask(secretValues(stack.services, notifySecrets(stack)));
  emitter.deploymentId = undefined;
  o.subscribers?.forEach((s) => emitter.subscribe(s));
  try {
    return await run(deps, o, kind, makePlan, emitter);
  } catch (err) {
    // Its message ends up in front of a person (and a CI log), like the events.
    throw redactError(err, emitter.redacted);
  } finally {
    // Every event is stored and shown before the run returns, unless the caller's emitter goes on.
    if (!o.emitter) await emitter.flush();
  }
}

async function run(
  deps: EngineDeps,
  o: RunOptions,
  kind: Exclude<DeploymentKind, 'down' | 'scale'>,
  makePlan: (observed: Awaited<ReturnType<typeof observe>>) => Plan | Promise<Plan>,
  emitter: Emitter,
): Promise<RunOutcome> {
  const { target, clock } = deps;
  // History rows are masked with the events' redactor, in one place.
  const store = redactingStore(deps.store, emitter.redacted);
  const stack = o.stack;
  const lease = await acquireLease(store, clock, emitter, {
    stack: stack.name,
    holder: o.holder,
    correlationId: o.correlationId,
    leaseMs: stack.lock.lease,
    heartbeatMs: stack.lock.heartbeat,
    waitMs: o.waitLockMs,
    cancelSuperseded: o.cancelSuperseded,
    signal: o.signal,
  });
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const follow = (s: AbortSignal | undefined) => {
    if (s?.aborted) abort.abort(s.reason);
    s?.addEventListener('abort', () => abort.abort(s.reason), { once: true });
  };
  follow(lease.lost);
  follow(o.signal);
  const deploymentId = randomUUID();
  const started = clock.now();
  const ctx: RunContext = {
    stack,
    store,
    target,
    clock,
    emitter,
    deploymentId,
    token: lease.token,
    signal: abort.signal,
    ...(deps.checks ? { checks: deps.checks } : {}),
  };
  try {
    await store.createDeployment(runningDeployment(deploymentId, o, kind, lease.token, started));
    emitter.deploymentId = deploymentId;
    const recoveries = await recoverUnfinished(
      ctx,
      wantedRevisions(stack, await recordedRevisions(deps, stack)),
    );
    const stuck = recoveries.flatMap((r) => r.failed);
    if (stuck.length)
      return await finishRollbackFailed(
        ctx,
        started,
        stuck,
        'an interrupted deployment could not be rolled back',
      );

    const observed = await observe(deps, stack);
    const plan = await makePlan(observed);
    // A rollback plan's services are earlier revisions, their secrets resolved again: masked too. (Recorded
    // revisions hold no secret values: the store keeps where they come from.)
    emitter.mask(secretValues(plan.entries.map((e) => e.service)));
    for (const e of plan.entries.filter((x) => x.changed)) {
      await store.saveRevision({
        stack: stack.name,
        service: e.service.name,
        revision: e.revision,
        spec: e.service,
        createdAt: clock.now(),
      });
    }
    const model = learnModel(plan, stack.deploy.order, await loadPastDeployments(store, stack.name));
    const estimate = new LiveEstimate(plan, model, started, clock);
    const predicted = estimate.remaining();
    // Stored as the whole deployment's duration, comparable with its end minus its start.
    const before = clock.now() - started;
    const whole = { ...predicted, lowMs: predicted.lowMs + before, highMs: predicted.highMs + before };
    await store.updateDeployment(deploymentId, { estimate: predictionOf(whole) }, lease.token);
    emitter.emit({
      code: 'deploy.started',
      kind,
      correlationId: o.correlationId,
      actor: o.actor,
      waves: plan.waves,
      changes: plan.entries.map((e) => ({
        service: e.service.name,
        from: e.from,
        to: e.revision,
        changed: e.changed,
        reasons: e.reasons,
      })),
      estimate: predicted,
      order: stack.deploy.order,
    });

    // What urgency orders by: the usual duration of each service that has one.
    const durations = new Map(
      [...model.units].filter(([, u]) => u.basis === 'history').map(([n, u]) => [n, u.medianMs] as const),
    );
    // Interrupted before any service started (while taking the lock, recovering or planning): stop here.
    if (abort.signal.aborted) return await stopBeforeStart(ctx, abort.signal.reason);
    // The post-deploy checks prove a deployment; a `convoy rollback` goes back to what was proved before.
    const checking = kind === 'deploy' ? ctx : { ...ctx, checks: undefined };
    const result = await execute(ctx, plan, {
      order: stack.deploy.order,
      timeoutMs: stack.deploy.timeout,
      durations,
      prepare: kind === 'deploy',
      estimate,
      afterGate: async (e, since) => {
        const bad = await runChecks(checking, checksOf(stack.postChecks, e.service.name), 'gate', since);
        return bad[0] ? checkFailure(bad[0], clock.now()) : undefined;
      },
      decide: recordingDecisions(ctx, pauseDecider(checking, plan, o, started, recoveries)),
    });
    if (!result.failed) await verifyRunning(ctx, result);
    if (!result.failed) await verifyChecks(checking, plan, result, started);
    if (lease.lost.aborted)
      throw new FencedOutError(String((lease.lost.reason as Error)?.message ?? 'lost the lock'));
    if (!result.failed) {
      const changed = plan.entries.filter((e) => e.changed).length;
      await store.updateDeployment(
        deploymentId,
        {
          status: 'succeeded',
          endedAt: clock.now(),
          summary: `${changed} changed, ${plan.entries.length - changed} unchanged`,
        },
        lease.token,
      );
      emitter.emit({
        code: 'deploy.succeeded',
        elapsedMs: clock.now() - started,
        changed,
        unchanged: plan.entries.length - changed,
      });
      return { deploymentId, status: 'succeeded', plan };
    }
    return await failAndRollBack(ctx, started, result, kind === 'restart');
  } catch (err) {
    if (err instanceof FencedOutError || lease.lost.aborted) {
      throw new FencedOutError(
        `this run lost the lock of stack ${stack.name} (token ${lease.token}): its lease ran out (was it paused or cut off?) ` +
          `and another deployment took over; the store rejected its further writes, so it stopped. ${(err as Error).message}`,
      );
    }
    throw err;
  } finally {
    await prune(deps, stack);
    await lease.release().catch(() => undefined);
  }
}

/** Retention runs with every deployment; a failure to prune never fails a deployment. */
async function prune(deps: EngineDeps, stack: Stack): Promise<void> {
  const now = deps.clock.now();
  await deps.store
    .prune(stack.name, {
      historyBefore: now - stack.store.retention,
      queueBefore: now - stack.store.queueRetention,
    })
    .catch(() => undefined);
}

/** Post-deploy check: a service that passed its gate but died before the end of the deployment failed. */
async function verifyRunning(ctx: RunContext, result: ExecResult): Promise<void> {
  const services = result.launched.filter((e) => e.service.kind === 'service');
  if (services.length === 0) return;
  const states = new Map(
    (await ctx.target.status(services.map((e) => e.service.name))).map((s) => [s.name, s]),
  );
  const dead = services.find((e) => states.get(e.service.name)?.health === 'stopped');
  if (!dead) return;
  const endedAt = ctx.clock.now();
  const verdict = {
    ok: false,
    reason: 'exited',
    at: endedAt,
    message: 'exited after passing its gate, before the deployment finished',
  } as const;
  result.failed = { entry: dead, verdict };
  await recordFailure(ctx, dead, verdict, {
    startedAt: result.startedAt.get(dead.service.name) ?? endedAt,
    endedAt,
  });
}

/**
 * Every post-deploy check again at the end of the deployment, then the bake window. A failure is the failure of the
 * check's service when this deployment changed it; otherwise (the stack's own checks, an unchanged service) the
 * change is to blame: every service it launched counts as failed, so the rollback policy undoes all of them.
 */
async function verifyChecks(ctx: RunContext, plan: Plan, result: ExecResult, started: number): Promise<void> {
  const checks = ctx.stack.postChecks ?? [];
  if (!ctx.checks || checks.length === 0) return;
  // A deployment that changed nothing has nothing to bake.
  const bad =
    (await runChecks(ctx, checks, 'end', started))[0] ??
    (result.launched.length ? (await bake(ctx, started)).failed : undefined);
  if (!bad) return;
  const endedAt = ctx.clock.now();
  const own = result.launched.find((e) => e.service.name === bad.service);
  const entry =
    own ??
    result.launched[result.launched.length - 1] ??
    plan.entries.find((e) => e.service.name === bad.service) ??
    plan.entries[0]!;
  if (!own) result.unverified.push(...result.launched.filter((e) => e !== entry));
  const verdict = checkFailure(bad, endedAt);
  result.failed = { entry, verdict };
  await recordFailure(ctx, entry, verdict, {
    startedAt: result.startedAt.get(entry.service.name) ?? started,
    endedAt,
  });
}

function rollbackItems(ctx: RunContext, result: ExecResult): RollbackItem[] {
  const failed = result.failed!.entry;
  const scope = ctx.stack.rollback.scope;
  const chosen: PlanEntry[] =
    scope === 'none' ? [] : scope === 'failed' ? [failed, ...result.unverified] : result.launched;
  // Undo in reverse start order, so dependents go back before what they depend on.
  const order = new Map(result.launched.map((e, i) => [e.service.name, i]));
  // Only what this deployment launched can go back: a check of an unchanged service may blame the deployment, and a
  // unit that never started (its outputs could not be filled in) has nothing to undo.
  return [...new Set(chosen)]
    .filter((e) => order.has(e.service.name))
    .sort((a, b) => (order.get(b.service.name) ?? 0) - (order.get(a.service.name) ?? 0))
    .map((e) => ({ service: e.service.name, from: e.revision, to: e.from, deploymentId: ctx.deploymentId }));
}

/** `keep`: a restart changed no revision, so there is nothing to go back to: it only stops and reports. */
async function failAndRollBack(
  ctx: RunContext,
  started: number,
  result: ExecResult,
  keep = false,
): Promise<never> {
  const { store, emitter, clock, token, deploymentId } = ctx;
  const failed = result.failed!;
  const items = keep ? [] : rollbackItems(ctx, result);
  if (!keep) {
    await store.updateDeployment(deploymentId, { status: 'rolling-back' }, token);
    emitter.emit({
      code: 'rollback.started',
      services: items.map((i) => i.service),
      scope: ctx.stack.rollback.scope,
    });
  }
  const rb = await rollBack(ctx, items);
  if (rb.failed.length)
    return finishRollbackFailed(
      ctx,
      started,
      rb.failed,
      `${failed.entry.service.name} failed: ${failed.verdict.message}`,
    );
  const summary = `${failed.entry.service.name} failed: ${failed.verdict.message}`;
  await store.updateDeployment(deploymentId, { status: 'failed', endedAt: clock.now(), summary }, token);
  emitter.emit({
    code: 'deploy.failed',
    elapsedMs: clock.now() - started,
    service: failed.entry.service.name,
    message: failed.verdict.message,
    rolledBack: rb.rolledBack,
  });
  const rolled = rb.rolledBack.length ? `; rolled back ${rb.rolledBack.join(', ')}` : '';
  if (failed.verdict.refused) throw new DeployRefusedError(`deployment stopped: ${summary}${rolled}`);
  throw new DeployFailedError(`deployment failed: ${summary}${rolled}`);
}

async function stopBeforeStart(ctx: RunContext, reason: unknown): Promise<never> {
  const summary = `stopped before it started any service: ${(reason as Error)?.message ?? 'interrupted'}`;
  await ctx.store.updateDeployment(
    ctx.deploymentId,
    { status: 'failed', endedAt: ctx.clock.now(), summary },
    ctx.token,
  );
  throw new DeployFailedError(`deployment ${summary}`);
}

async function finishRollbackFailed(
  ctx: RunContext,
  started: number,
  failed: { service: string; message: string }[],
  why: string,
): Promise<never> {
  const summary = `${why}; rollback failed for ${failed.map((f) => `${f.service} (${f.message})`).join(', ')}`;
  await ctx.store.updateDeployment(
    ctx.deploymentId,
    { status: 'rollback-failed', endedAt: ctx.clock.now(), summary },
    ctx.token,
  );
  ctx.emitter.emit({
    code: 'deploy.rollback-failed',
    elapsedMs: ctx.clock.now() - started,
    services: failed.map((f) => f.service),
    message: summary,
  });
  throw new RollbackFailedError(
    `${summary}. A person needs to look: see \`convoy status\` and \`convoy logs\`.`,
  );
}

/**
 * --approve/--reject decide at once. Without them, the first of a decision recorded in the store (`convoy approve`,
 * the dashboard; also one recorded for a deployment this one resumed) and the paused services' checks, when they
 * have any; with neither, the hooks' timeoutAction ends the pause.
 */
function pauseDecider(
  checking: RunContext,
  plan: Plan,
  o: RunOptions,
  started: number,
  recoveries: readonly Recovery[],
): Decide {
  if (o.pauseDecision) return decideUpFront(o.pauseDecision, o.actor);
  const resumed = recoveries.filter((r) => r.action === 'resume').map((r) => r.previous);
  const stored = decideStored(checking, resumed);
  return checking.checks && pausedHaveChecks(plan, o.stack)
    ? firstOf(
        stored,
        decideByChecks(checking, (n) => checksOf(o.stack.postChecks, n), started),
      )
    : stored;
}

/** Some service with a `pauseAt` in this deployment has post-deploy checks to decide with. */
function pausedHaveChecks(plan: Plan, stack: Stack): boolean {
  return plan.entries.some(
    (e) => e.changed && e.service.aws?.pauseAt && checksOf(stack.postChecks, e.service.name).length > 0,
  );
}
