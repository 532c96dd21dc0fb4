import { breakerOutcome } from './baselines.js';
import { convoyDetection } from './detection.js';
import type { FailureMode, SimStack } from './stacks.js';
import { SimWorld } from './world.js';

/**
 * The detection matrix: one broken service at desired counts 1, 2, 3 and 10 and maximumPercent 100 and 200, with a
 * failure of each kind — conclusive (the image does not exist; the health check's curl is not in the image),
 * deterministic but not conclusive (the health check
 * fails every time) and transient (the first task crashes, every later one is healthy). Convoy against ECS's
 * circuit breaker: for the first two, how long each takes to start the rollback; for the transient one, whether
 * each raised a false alarm (rolled back a revision that would have deployed) and how long deploying it took.
 */

export type FailureClass = 'conclusive' | 'conclusive-health' | 'deterministic' | 'transient';

export const FAILURE_OF: Record<FailureClass, FailureMode> = {
  conclusive: 'pull',
  'conclusive-health': 'no-health-tool',
  deterministic: 'health',
  transient: 'transient',
};

export interface MatrixCase {
  desired: number;
  maximumPercent: number;
  failureClass: FailureClass;
}

export interface Outcome {
  /** Submission → rollback started (undefined: never rolled back). */
  detectMs?: number;
  /** Submission → deployed (undefined: rolled back). */
  deployedMs?: number;
  /** Rolled back although the failure was transient. */
  falseAlarm: boolean;
}

export interface MatrixRow extends MatrixCase {
  seed: number;
  convoy: Outcome & { decidedBy?: string };
  circuitBreaker: Outcome;
}

/** The stack with `broken` at the case's desired count and maximumPercent. */
function withCase(s: SimStack, broken: string, c: MatrixCase): SimStack {
  return {
    ...s,
    units: s.units.map((u) =>
      u.name === broken ? { ...u, desired: c.desired, maximumPercent: c.maximumPercent, logs: true } : u,
    ),
  };
}

export async function matrixRow(
  s: SimStack,
  seed: number,
  broken: string,
  c: MatrixCase,
): Promise<MatrixRow> {
  const stack = withCase(s, broken, c);
  const failure = FAILURE_OF[c.failureClass];
  const transient = c.failureClass === 'transient';
  const convoy = await convoyDetection(stack, seed, broken, failure);
  const breaker = breakerOutcome(new SimWorld({ seed }), stack, broken, failure);
  return {
    ...c,
    seed,
    convoy: {
      ...(convoy.detectMs !== undefined ? { detectMs: convoy.detectMs } : {}),
      ...(convoy.deployedMs !== undefined ? { deployedMs: convoy.deployedMs } : {}),
      falseAlarm: transient && convoy.rolledBack,
      ...(convoy.decidedBy ? { decidedBy: convoy.decidedBy } : {}),
    },
    circuitBreaker: {
      ...(breaker.detectMs !== undefined ? { detectMs: breaker.detectMs } : {}),
      ...(breaker.deployedMs !== undefined ? { deployedMs: breaker.deployedMs } : {}),
      falseAlarm: transient && breaker.falseAlarm,
    },
  };
}
