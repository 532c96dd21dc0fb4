import { AwsError } from '../core/errors.js';
import type { EventQueue, ScheduledEvent } from '../core/queue.js';
import type { Random } from '../core/random.js';
import { invalid } from './refs.js';
import { serviceDeploymentReasons as reasons, serviceEvents } from './messages.js';
import type { DeploymentConfiguration } from './types.js';

/**
 * ECS service deployments (ListServiceDeployments / DescribeServiceDeployments) and the native strategies
 * (BLUE_GREEN, LINEAR, CANARY) that walk one through its lifecycle stages: the green revision scales up next to
 * the blue one, takes test traffic, then production traffic (all at once, in linear steps, or a canary percent and
 * then the rest), bakes, and the blue tasks are cleaned up. PAUSE hooks hold a stage until ContinueServiceDeployment
 * or their timeout; deployment alarms and the circuit breaker roll it back. Rolling deployments get a record too,
 * without stages. Stages, statuses and field names are the API reference's; statusReason wordings are unverified.
 */

export const NATIVE_STRATEGIES: ReadonlySet<string> = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOP_REQUESTED'
  | 'STOPPED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

type Stage =
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

const NEXT: Record<Stage, Stage | undefined> = {
  SCALE_UP: 'POST_SCALE_UP',
  POST_SCALE_UP: 'TEST_TRAFFIC_SHIFT',
  TEST_TRAFFIC_SHIFT: 'POST_TEST_TRAFFIC_SHIFT',
  POST_TEST_TRAFFIC_SHIFT: 'PRODUCTION_TRAFFIC_SHIFT',
  PRODUCTION_TRAFFIC_SHIFT: 'POST_PRODUCTION_TRAFFIC_SHIFT',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'BAKE_TIME',
  BAKE_TIME: 'CLEAN_UP',
  CLEAN_UP: undefined,
};

/** Hook stages held on entering a lifecycle stage. RECONCILE_SERVICE and PRE_SCALE_UP hooks are not held. */
const HOOKS_AT: Partial<Record<Stage, string[]>> = {
  POST_SCALE_UP: ['POST_SCALE_UP'],
  TEST_TRAFFIC_SHIFT: ['TEST_TRAFFIC_SHIFT'],
  POST_TEST_TRAFFIC_SHIFT: ['POST_TEST_TRAFFIC_SHIFT'],
  PRODUCTION_TRAFFIC_SHIFT: ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'],
  POST_PRODUCTION_TRAFFIC_SHIFT: ['POST_PRODUCTION_TRAFFIC_SHIFT'],
};

/**
 * A PAUSE hook's id as the developer guide's "Pause hooks for Amazon ECS service deployments" shows one:
 * `ecs-pause-` and 43 base64url characters. Its timeout defaults (1440 minutes, then ROLLBACK; at most 20160) are
 * the API reference's DeploymentLifecycleHookTimeoutConfiguration.
 */
const pauseHookId = (rng: Random) => `ecs-pause-${rng.base64url(43)}`;

/** How often ECS evaluates the deployment's alarms (unverified; model seconds). */
const ALARM_POLL_SECONDS = 10;
const MINUTE = 60_000;

export interface HookDetail {
  hookId: string;
  targetType: 'PAUSE' | 'AWS_LAMBDA';
  targetArn?: string;
  stage: string;
  status: 'IN_PROGRESS' | 'AWAITING_ACTION' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  expiresAt?: number;
  timeoutAction: 'CONTINUE' | 'ROLLBACK';
  timer?: ScheduledEvent;
}

/** What a record needs from its service. */
export interface RolloutHost {
  readonly queue: EventQueue;
  readonly rng: Random;
  readonly name: string;
  stageSeconds(): number;
  desiredCount(): number;
  event(message: string): void;
  /** A CloudWatch alarm's state (the emulator's CloudWatch model). */
  alarmState(name: string): string | undefined;
  /** Stop the blue tasks; the service then completes the green deployment (and calls succeeded()). */
  cleanUp(record: ServiceDeploymentRecord): void;
  /** Put the blue revision back in front and stop the green tasks; the service calls rolledBack() when done. */
  rollBack(record: ServiceDeploymentRecord): void;
}

export interface Revision {
  arn: string;
  deploymentId: string;
  taskDefinition: string;
}

export class ServiceDeploymentRecord {
  status: ServiceDeploymentStatus = 'IN_PROGRESS';
  statusReason?: string;
  lifecycleStage?: Stage;
  readonly hooks: HookDetail[] = [];
  rollback?: { reason: string; startedAt: number; serviceRevisionArn?: string };
  /** The green revision's share of production and test traffic, in percent. */
  productionWeight = 0;
  testWeight = 0;
  triggeredAlarms: string[] = [];
  failureCount = 0;
  finishedAt?: number;
  stoppedAt?: number;
  updatedAt: number;
  readonly startedAt: number;
  private timer?: ScheduledEvent;
  private alarmTimer?: ScheduledEvent;

  constructor(
    private readonly host: RolloutHost,
    readonly arn: string,
    readonly serviceArn: string,
    readonly clusterArn: string,
    readonly target: Revision,
    readonly source: Revision | undefined,
    readonly config: DeploymentConfiguration,
  ) {
    this.startedAt = this.updatedAt = host.queue.now;
    if (this.native) {
      this.lifecycleStage = 'SCALE_UP';
      this.watchAlarms();
    }
  }

  get createdAt(): number {
    return this.startedAt;
  }

  get strategy(): string {
    return String(this.config.strategy ?? 'ROLLING');
  }

  get native(): boolean {
    return NATIVE_STRATEGIES.has(this.strategy);
  }

  get inProgress(): boolean {
    return this.status === 'IN_PROGRESS' || this.status === 'PENDING';
  }

  /** Until clean-up, the blue tasks stay and take the traffic the green ones do not. */
  get holdsBlue(): boolean {
    return this.native && this.inProgress && this.lifecycleStage !== 'CLEAN_UP';
  }

  get breakerThreshold(): number {
    const desired = this.host.desiredCount();
    return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
  }

  /** The service saw every green task healthy. */
  scaledUp(): void {
    if (this.native && this.inProgress && this.lifecycleStage === 'SCALE_UP' && !this.timer) this.proceed();
  }

  succeeded(): void {
    if (!this.inProgress) return;
    this.finish('SUCCESSFUL', reasons.successful);
  }

  /** ECS's circuit breaker counted a failed task of the green revision. */
  taskFailed(): void {
    this.failureCount++;
    this.touch();
  }

  requestRollback(reason: string): void {
    if (!this.inProgress) return;
    const now = this.host.queue.now;
    this.cancelTimers();
    this.status = 'ROLLBACK_IN_PROGRESS';
    this.statusReason = reason;
    this.rollback = { reason, startedAt: now, serviceRevisionArn: this.source?.arn };
    this.productionWeight = 0;
    this.testWeight = 0;
    this.touch();
    if (!this.source) {
      this.finish('ROLLBACK_FAILED', reasons.noRevisionToRollBackTo);
      return;
    }
    this.host.event(serviceEvents.serviceDeploymentRollingBack(this.host.name, this.arn));
    this.host.rollBack(this);
  }

  rolledBack(): void {
    if (this.status === 'ROLLBACK_IN_PROGRESS') this.finish('ROLLBACK_SUCCESSFUL', this.statusReason);
  }

  /** A newer deployment took over. */
  superseded(): void {
    if (!this.inProgress) return;
    this.cancelTimers();
    this.stoppedAt = this.host.queue.now;
    this.finish('STOPPED', reasons.superseded);
  }

  /** StopServiceDeployment. */
  stop(stopType: string | undefined): void {
    if (!this.inProgress) throw conflict(reasons.notInProgress(this.status));
    if ((stopType ?? 'ROLLBACK') === 'ROLLBACK') {
      this.requestRollback(reasons.stopRequested);
      return;
    }
    this.status = 'STOP_REQUESTED';
    this.cancelTimers();
    this.stoppedAt = this.host.queue.now;
    this.finish('STOPPED', reasons.stopRequested);
  }

  /** ContinueServiceDeployment. */
  continueHook(hookId: string, action: string | undefined): void {
    const hook = this.hooks.find((h) => h.hookId === hookId);
    if (!hook) throw invalid(reasons.unknownHook(hookId));
    if (hook.status !== 'AWAITING_ACTION' || !this.inProgress) throw conflict(reasons.hookNotPaused);
    this.release(hook, 'SUCCEEDED', action === 'ROLLBACK' ? 'ROLLBACK' : 'CONTINUE', reasons.hookRollback);
  }

  private release(
    hook: HookDetail,
    status: HookDetail['status'],
    action: 'CONTINUE' | 'ROLLBACK',
    why: string,
  ): void {
    this.host.queue.cancel(hook.timer);
    hook.status = status;
    hook.timer = undefined;
    this.touch();
    if (action === 'ROLLBACK') return this.requestRollback(why);
    if (this.hooks.every((h) => h.stage !== hook.stage || h.status !== 'AWAITING_ACTION')) this.act();
  }

  private proceed(): void {
    const next = NEXT[this.lifecycleStage!];
    if (!next) return;
    this.timer = this.host.queue.after(this.host.stageSeconds() * 1000, `service deployment ${next}`, () => {
      this.timer = undefined;
      this.enter(next);
    });
  }

  private enter(stage: Stage): void {
    if (!this.inProgress) return;
    this.lifecycleStage = stage;
    this.touch();
    this.checkAlarms();
    if (!this.inProgress) return;
    const held = this.holdAt(stage);
    if (!held) this.act();
  }

  /** Opens the stage's hooks; true while any PAUSE hook waits for an action. */
  private holdAt(stage: Stage): boolean {
    const now = this.host.queue.now;
    let waiting = false;
    for (const h of this.config.lifecycleHooks ?? []) {
      const stages = (h.lifecycleStages ?? []).filter((s) => (HOOKS_AT[stage] ?? []).includes(s));
      for (const s of stages) {
        const pause = h.targetType === 'PAUSE';
        const minutes = h.timeoutConfiguration?.timeoutInMinutes ?? 1440;
        const hook: HookDetail = {
          hookId: pause ? pauseHookId(this.host.rng) : this.host.rng.uuid(),
          targetType: pause ? 'PAUSE' : 'AWS_LAMBDA',
          ...(h.hookTargetArn ? { targetArn: h.hookTargetArn } : {}),
          stage: s,
          // No Lambda runs here: a Lambda hook succeeds at once.
          status: pause ? 'AWAITING_ACTION' : 'SUCCEEDED',
          ...(pause ? { expiresAt: now + minutes * MINUTE } : {}),
          timeoutAction: h.timeoutConfiguration?.action === 'CONTINUE' ? 'CONTINUE' : 'ROLLBACK',
        };
        if (pause) {
          waiting = true;
          hook.timer = this.host.queue.at(hook.expiresAt!, 'lifecycle hook timeout', () =>
            this.release(hook, 'TIMED_OUT', hook.timeoutAction, reasons.hookTimedOut),
          );
          this.host.event(serviceEvents.hookPaused(this.host.name, s));
        }
        this.hooks.push(hook);
      }
    }
    return waiting;
  }

  /** What the stage itself does, then on to the next. */
  private act(): void {
    const stage = this.lifecycleStage!;
    if (stage === 'TEST_TRAFFIC_SHIFT') this.testWeight = 100;
    if (stage === 'PRODUCTION_TRAFFIC_SHIFT') return this.shiftProduction(this.steps(), 0);
    if (stage === 'BAKE_TIME') {
      const wait = Number(this.config.bakeTimeInMinutes ?? 0) * MINUTE;
      this.timer = this.host.queue.after(wait, 'bake time over', () => {
        this.timer = undefined;
        this.enter('CLEAN_UP');
      });
      return;
    }
    if (stage === 'CLEAN_UP') return this.host.cleanUp(this);
    this.proceed();
  }

  /** Production traffic steps (green's share) and the wait after each but the last. */
  private steps(): { weight: number; waitMs: number }[] {
    if (this.strategy === 'CANARY') {
      const c = this.config.canaryConfiguration ?? {};
      const pct = Number(c.canaryPercent ?? 5);
      return [
        { weight: pct, waitMs: Number(c.canaryBakeTimeInMinutes ?? 0) * MINUTE },
        { weight: 100, waitMs: 0 },
      ];
    }
    if (this.strategy === 'LINEAR') {
      const l = this.config.linearConfiguration ?? {};
      const pct = Math.max(1, Number(l.stepPercent ?? 10));
      const wait = Number(l.stepBakeTimeInMinutes ?? 0) * MINUTE;
      const out: { weight: number; waitMs: number }[] = [];
      for (let w = pct; w < 100; w += pct) out.push({ weight: Math.round(w * 10) / 10, waitMs: wait });
      return [...out, { weight: 100, waitMs: 0 }];
    }
    return [{ weight: 100, waitMs: 0 }];
  }

  private shiftProduction(steps: { weight: number; waitMs: number }[], i: number): void {
    if (!this.inProgress) return;
    const step = steps[i];
    if (!step) return this.proceed();
    this.productionWeight = step.weight;
    this.touch();
    this.host.event(serviceEvents.trafficShifted(this.host.name, step.weight));
    this.checkAlarms();
    this.timer = this.host.queue.after(step.waitMs, 'traffic step', () => {
      this.timer = undefined;
      this.shiftProduction(steps, i + 1);
    });
  }

  private watchAlarms(): void {
    if (!this.config.alarms?.enable) return;
    this.alarmTimer = this.host.queue.after(ALARM_POLL_SECONDS * 1000, 'deployment alarms', () => {
      this.alarmTimer = undefined;
      this.checkAlarms();
      if (this.inProgress) this.watchAlarms();
    });
  }

  private checkAlarms(): void {
    const a = this.config.alarms;
    if (!a?.enable || !this.inProgress) return;
    const firing = (a.alarmNames ?? []).filter((n) => this.host.alarmState(n) === 'ALARM');
    if (!firing.length) return;
    this.triggeredAlarms = firing;
    this.touch();
    if (a.rollback) this.requestRollback(reasons.alarms(firing));
  }

  private finish(status: ServiceDeploymentStatus, why: string | undefined): void {
    this.cancelTimers();
    this.status = status;
    if (why) this.statusReason = why;
    this.finishedAt = this.host.queue.now;
    this.touch();
  }

  private cancelTimers(): void {
    this.host.queue.cancel(this.timer);
    this.host.queue.cancel(this.alarmTimer);
    this.timer = this.alarmTimer = undefined;
    for (const h of this.hooks) {
      this.host.queue.cancel(h.timer);
      h.timer = undefined;
    }
  }

  private touch(): void {
    this.updatedAt = this.host.queue.now;
  }
}

const conflict = (message: string) => new AwsError('ConflictException', message);

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

function monitors(enabled: boolean, triggered: boolean, done: boolean) {
  return !enabled ? 'DISABLED' : triggered ? 'TRIGGERED' : done ? 'MONITORING_COMPLETE' : 'MONITORING';
}

export function serviceDeploymentBrief(r: ServiceDeploymentRecord) {
  return {
    serviceDeploymentArn: r.arn,
    serviceArn: r.serviceArn,
    clusterArn: r.clusterArn,
    startedAt: date(r.startedAt),
    createdAt: date(r.createdAt),
    finishedAt: date(r.finishedAt),
    targetServiceRevisionArn: r.target.arn,
    status: r.status,
    ...(r.statusReason ? { statusReason: r.statusReason } : {}),
  };
}

export function serviceDeploymentView(r: ServiceDeploymentRecord, counts: (d: string) => RevisionCounts) {
  const cb = r.config.deploymentCircuitBreaker;
  const a = r.config.alarms;
  const done = !r.inProgress;
  const green = r.productionWeight;
  return {
    serviceDeploymentArn: r.arn,
    serviceArn: r.serviceArn,
    clusterArn: r.clusterArn,
    createdAt: date(r.createdAt),
    startedAt: date(r.startedAt),
    ...(r.finishedAt !== undefined ? { finishedAt: date(r.finishedAt) } : {}),
    ...(r.stoppedAt !== undefined ? { stoppedAt: date(r.stoppedAt) } : {}),
    updatedAt: date(r.updatedAt),
    sourceServiceRevisions: r.source
      ? [
          {
            arn: r.source.arn,
            ...counts(r.source.deploymentId),
            requestedProductionTrafficWeight: 100 - green,
            requestedTestTrafficWeight: 100 - r.testWeight,
          },
        ]
      : [],
    targetServiceRevision: {
      arn: r.target.arn,
      ...counts(r.target.deploymentId),
      requestedProductionTrafficWeight: r.native ? green : 100,
      requestedTestTrafficWeight: r.native ? r.testWeight : 100,
    },
    status: r.status,
    ...(r.statusReason ? { statusReason: r.statusReason } : {}),
    ...(r.lifecycleStage ? { lifecycleStage: r.lifecycleStage } : {}),
    ...(r.hooks.length
      ? {
          lifecycleHookDetails: r.hooks.map((h) => ({
            hookId: h.hookId,
            targetType: h.targetType,
            ...(h.targetArn ? { targetArn: h.targetArn } : {}),
            status: h.status,
            ...(h.expiresAt !== undefined ? { expiresAt: date(h.expiresAt) } : {}),
            timeoutAction: h.timeoutAction,
          })),
        }
      : {}),
    deploymentConfiguration: r.config,
    ...(r.rollback
      ? {
          rollback: {
            reason: r.rollback.reason,
            startedAt: date(r.rollback.startedAt),
            ...(r.rollback.serviceRevisionArn ? { serviceRevisionArn: r.rollback.serviceRevisionArn } : {}),
          },
        }
      : {}),
    deploymentCircuitBreaker: {
      status: monitors(!!cb?.enable, r.statusReason === reasons.circuitBreaker, done),
      failureCount: r.failureCount,
      threshold: r.breakerThreshold,
    },
    alarms: {
      status: monitors(!!a?.enable, r.triggeredAlarms.length > 0, done),
      alarmNames: a?.alarmNames ?? [],
      triggeredAlarmNames: r.triggeredAlarms,
    },
  };
}

export interface RevisionCounts {
  requestedTaskCount: number;
  runningTaskCount: number;
  pendingTaskCount: number;
}
