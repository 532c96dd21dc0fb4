import type { Service } from '../spec/types.js';
import type { DecidedBy } from './conclusive.js';

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
}

/** CONTINUE or ROLLBACK at a pause, and who took the decision. */
export interface PauseDecision {
  action: 'CONTINUE' | 'ROLLBACK';
  by: string;
}

/** What the engine waits for after starting a unit. */
export type Gate = 'started' | 'healthy' | 'completed';

export type FailureReason = 'exited' | 'unhealthy' | 'timeout' | 'start-failed';

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
  /** Stop one service; resolves when nothing of it runs any more. No-op when it does not run. */
  stop(name: string): Promise<void>;
  /** Current state of the named services (all known ones when omitted). */
  status(names?: string[]): Promise<RuntimeState[]>;
  /** Last `lines` lines of a service's output; `currentRun`: only what its latest start printed. */
  logs(name: string, lines: number, opts?: { currentRun?: boolean }): Promise<string[]>;
  /** Stop every service this target started for the stack; returns the names stopped. */
  down(): Promise<string[]>;
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
}
