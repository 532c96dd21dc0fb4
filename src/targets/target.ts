import type { Service } from '../spec/types.js';
import type { DecidedBy } from './conclusive.js';
import type { Fields, FollowLogsOptions, Observed } from './observed.js';

export type { Fields, FollowLogsOptions, Observed } from './observed.js';

/** One revision of one service: what the engine asks a target to run. */
export interface Unit {
  stack: string;
  service: Service;
  /** Content hash of everything that defines the service's behaviour (see plan/revision.ts). */
  revision: string;
  /**
   * This revision ran before (a rollback, `convoy rollback`): the target may find what it set up for it then
   * instead of setting it up again.
   */
  returning?: boolean;
  /**
   * Start this revision again although it runs already (`convoy restart`): new processes or tasks, the same
   * definition (on ECS `UpdateService --force-new-deployment`).
   */
  restart?: boolean;
}

export interface GateOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * What the target sees on the way to a verdict, in plain words (an ECS service event, a CloudFormation stack
   * event, a change set summary, a stall warning). The engine turns each into a `service.progress` event.
   */
  progress?: (p: { message: string; warning?: boolean }) => void;
  /**
   * The unit is held at `stage` (an ECS PAUSE hook at its `pauseAt`): the engine decides once for every service of
   * the wave pausing there and resolves with that decision — or never, when nobody decides, and the hook's
   * timeoutAction ends the pause.
   */
  pause?: (stage: string) => Promise<PauseDecision>;
  /**
   * When the engine expects the unit to reach its gate (clock ms, its estimate's interval), and when the longest
   * chain of units through it would end: a target that polls may look more often around then, first at the unit
   * that holds up the most. Only a hint; the local target ignores it.
   */
  expected?: { lowAt: number; highAt: number; chainEndAt?: number };
}

/** CONTINUE or ROLLBACK at a pause, and who took the decision. */
export interface PauseDecision {
  action: 'CONTINUE' | 'ROLLBACK';
  by: string;
}

/** What the engine waits for after starting a unit. */
export type Gate = 'started' | 'healthy' | 'completed';

/** `check-failed`: it passed its gate, then a post-deploy check (`verify:`) or the bake window failed it. */
export type FailureReason = 'exited' | 'unhealthy' | 'timeout' | 'start-failed' | 'check-failed';

export type Verdict =
  | { ok: true; gate: Gate; at: number }
  | {
      ok: false;
      reason: FailureReason;
      at: number;
      /** Human description of the check that decided, e.g. `http GET http://127.0.0.1:8080/health`. */
      check?: string;
      /** Last output of that check (HTTP status and body start, command stdout/stderr, connect error). */
      output?: string;
      exitCode?: number | null;
      signal?: string | null;
      message: string;
      /**
       * Which kind of evidence decided: `conclusive` (it cannot change by waiting, so the service failed at once,
       * inside the start period too) or `verdict` (the health check's or ECS's own verdict, or an exit).
       */
      decidedBy?: DecidedBy;
      /**
       * Not a failure of the unit but a stop for a person to decide (a destructive change set, an output that does
       * not exist): the deployment still rolls back what it changed, and exits 3 instead of 1.
       */
      refused?: true;
    };

export type Health = 'starting' | 'healthy' | 'unhealthy' | 'stopped';

/** What runs now for one service, as the target sees it. */
export interface RuntimeState {
  name: string;
  revision?: string;
  pid?: number;
  health: Health;
  /** Epoch ms. */
  startedAt?: number;
  /** For jobs: exit code of the last run. */
  exitCode?: number | null;
  /** How many copies run (`convoy scale`): local processes, or the ECS service's desired count. */
  replicas?: number;
  /** Stopped on purpose by `convoy scale S=0` (not a crash): a deployment leaves it stopped. */
  scaledToZero?: boolean;
  /** ECS services: task counts, the primary deployment's rollout state, the strategy and the console page. */
  ecs?: EcsServiceState;
}

export interface EcsServiceState {
  running: number;
  pending: number;
  desired: number;
  /** The PRIMARY deployment's `rolloutState`: IN_PROGRESS, COMPLETED or FAILED. */
  rolloutState?: string;
  /** In words: `rolling 100–200%, circuit breaker with rollback` (minimum healthy to maximum percent). */
  strategy: string;
  console: string;
}

/**
 * The engine's only way to act on the world. Implementations: targets/local (processes + probes); later aws and a
 * virtual-time simulator. A target knows nothing about plans, locks or rollback policy.
 */
export interface Target {
  readonly kind: string;
  /**
   * Optional: called once as a deployment begins, with every unit it may start, most urgent first, so slow
   * per-unit setup (registering ECS task definitions at a 1/s API quota) overlaps the waits instead of adding to
   * them. It never fails a deployment by itself: a unit whose setup failed fails at its start(). Stops early when
   * `signal` aborts; resolves when nothing of it is in flight.
   */
  prepare?(units: readonly Unit[], signal: AbortSignal): Promise<void>;
  /** Replace whatever runs for `unit.service.name` with this revision. Resolves once it was launched. */
  start(unit: Unit): Promise<void>;
  /**
   * Follow a started unit until its gate is reached or it fails, applying the health check with ECS semantics
   * (failures inside startPeriod do not count; `retries` consecutive failures after it mean unhealthy).
   * A process that exits before its gate fails at once (exit 0 is success for the `completed` gate).
   */
  awaitGate(unit: Unit, gate: Gate, opts: GateOptions): Promise<Verdict>;
  /**
   * Optional (`convoy scale`): run `replicas` copies of the unit's revision, which runs now, and resolve once the
   * added copies reached their gate (or the first that failed); 0 stops the service. Copies outlive later
   * deployments of the service: a target that starts a new revision starts as many copies of it.
   */
  scale?(unit: Unit, replicas: number, opts: GateOptions): Promise<Verdict>;
  /** Stop one service; resolves when nothing of it runs any more. No-op when it does not run. */
  stop(name: string): Promise<void>;
  /** Current state of the named services (all known ones when omitted). */
  status(names?: string[]): Promise<RuntimeState[]>;
  /** Last `lines` lines of a service's output; `currentRun`: only what its latest start printed. */
  logs(name: string, lines: number, opts?: { currentRun?: boolean }): Promise<string[]>;
  /** Stop every service this target started for the stack; returns the names stopped. */
  down(): Promise<string[]>;
  /**
   * Optional: a completed CloudFormation phase's stack outputs (`OutputKey` → `OutputValue`), which later units use
   * as `${cfn:unit.Key}`.
   */
  outputs?(unit: Unit): Promise<Record<string, string>>;
  /**
   * Optional: what deploying the unit would change, worked out by the target without changing anything (a
   * CloudFormation change set, created and deleted again), for `convoy plan`. Undefined: nothing to preview.
   */
  preview?(unit: Unit, signal?: AbortSignal): Promise<ChangePreview | undefined>;
  /**
   * What the target can show about a service's latest failure, as a capture in the `convoy diagnose --input`
   * format (`service`, `tasks`, `logs`, `local`, …): the current run when it is failing, else the last run that
   * failed (a rollback must not erase it), else the current run. Optional: without it the engine builds a
   * capture from the verdict and the log lines.
   */
  evidence?(name: string): Promise<Record<string, unknown>>;
  /**
   * Optional: lines the service logged since `sinceMs` (epoch ms), for post-deploy log checks. `literal` is a plain
   * substring every wanted line holds, which a target may use to read less; the caller applies its own match after.
   */
  searchLogs?(
    name: string,
    opts: { sinceMs: number; literal?: string },
  ): Promise<{ at: number; line: string }[]>;
  /** Optional: a named alarm's current state, for post-deploy alarm checks (aws: a CloudWatch alarm). */
  alarmState?(
    alarmName: string,
  ): Promise<{ state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'; reason?: string; updatedAt?: number }>;
  /** Drift (`convoy diff`): a service's definition as the fields `observe` gives, secrets masked. */
  fieldsOf?(service: Service): Fields;
  /** Drift: what runs now for each named service, field by field (targets/observed.ts). */
  observe?(services: readonly Service[]): Promise<Observed[]>;
  /** `convoy logs --follow`: the service's lines as they are written, across restarts, until `signal` aborts. */
  followLogs?(name: string, opts: FollowLogsOptions): AsyncIterable<string>;
}

/** A target's preview of one unit: its changes in words, and what would stop the deployment. */
export interface ChangePreview {
  /** One line per change, e.g. `Modify AWS::ECS::Service Service (replacement: False; properties: TaskDefinition)`. */
  changes: string[];
  /** Changes the deployment would stop at (exit 3), each in words; empty: it would go through. */
  blocked: string[];
  /** Destructive changes let through by --allow-replace. */
  allowed: string[];
  /** The flag that would let the blocked changes through, e.g. `--allow-replace Database`. */
  allowWith?: string;
}
