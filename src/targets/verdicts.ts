import type { Service } from '../spec/types.js';
import type { FailureReason, Gate, Verdict } from './target.js';
import type { DecidedBy } from './conclusive.js';
import { formatDuration } from './health.js';

/**
 * Verdict wording shared by targets, so a failed gate reads the same whether it ran locally, simulated or on ECS:
 * `message` is one plain sentence; `check` and `output` carry the evidence.
 */

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** False when the exit status could not be learned (e.g. another process was the parent). */
  known: boolean;
}

export function passed(gate: Gate, at: number): Verdict {
  return { ok: true, gate, at };
}

export function failed(
  reason: FailureReason,
  at: number,
  message: string,
  evidence: {
    check?: string;
    output?: string;
    exitCode?: number | null;
    signal?: string | null;
    decidedBy?: DecidedBy;
  } = {},
): Verdict {
  const v: Verdict = { ok: false, reason, at, message };
  // Leave absent evidence out rather than `undefined`, so verdicts compare and serialise cleanly.
  for (const [k, val] of Object.entries(evidence)) if (val !== undefined) Object.assign(v, { [k]: val });
  return v;
}

/** The main process is gone: success only for exit 0 at the `completed` gate, or a job's `started` gate. */
export function exitVerdict(gate: Gate, kind: Service['kind'], exit: ExitInfo, at: number): Verdict {
  const clean = exit.known && exit.code === 0;
  if (clean && (gate === 'completed' || (gate === 'started' && kind === 'job'))) return passed(gate, at);
  const how = !exit.known
    ? 'exited (its exit code is unknown: another convoy process started it)'
    : exit.code !== null
      ? `exited with code ${exit.code}`
      : `was killed by ${exit.signal}`;
  const when =
    gate === 'healthy' ? ' before becoming healthy' : gate === 'started' ? ' right after starting' : '';
  return failed('exited', at, `${kind === 'job' ? 'job' : 'process'} ${how}${when}`, {
    exitCode: exit.code,
    signal: exit.signal,
  });
}

export function timeoutVerdict(
  gate: Gate,
  timeoutMs: number,
  at: number,
  evidence: { check?: string; output?: string } = {},
): Verdict {
  const goal = gate === 'completed' ? 'complete' : gate === 'healthy' ? 'become healthy' : 'start';
  return failed('timeout', at, `did not ${goal} within ${formatDuration(timeoutMs)}`, evidence);
}
