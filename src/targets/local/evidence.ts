import { localCapture } from '../../core/capture.js';
import type { Health, Verdict } from '../target.js';
import type { FailureSnapshot, ServiceRecord } from './state.js';

/** Enough lines to show a stack trace, few enough to keep a capture shareable. */
export const EVIDENCE_LOG_LINES = 50;

/** Only what the latest start of a service printed: its log keeps every run, each behind a header line. */
export function currentRun(name: string, tail: string[]): string[] {
  const header = tail.findLastIndex((l) => l.startsWith(`--- convoy: ${name} revision `));
  return header >= 0 ? tail.slice(header) : tail;
}

/** The capture of a run whose gate just failed, exactly as the verdict saw it. */
export function failureSnapshot(
  rec: ServiceRecord,
  verdict: Extract<Verdict, { ok: false }>,
  logs: string[],
): FailureSnapshot {
  const capture = localCapture({
    service: rec.name,
    exitCode: verdict.exitCode,
    signal: verdict.signal,
    healthOutput: verdict.output,
    check: verdict.check,
    reason: verdict.reason,
    message: verdict.message,
    logs,
  });
  return {
    stack: rec.stack,
    revision: rec.revision,
    startedAt: rec.startedAt,
    capture: { ...capture, revision: rec.revision, failedAt: new Date(verdict.at).toISOString() },
  };
}

/** What a run looks like now, for `convoy diagnose SERVICE` when no failure was recorded for it. */
export interface CurrentRun {
  health: Health;
  failing: boolean;
  exitCode?: number | null;
  signal?: string | null;
  healthOutput?: string;
  check?: string;
  message?: string;
  logs: string[];
}

export function currentCapture(rec: ServiceRecord, run: CurrentRun): Record<string, unknown> {
  const capture = localCapture({
    service: rec.name,
    health: run.health,
    exitCode: run.exitCode,
    signal: run.signal,
    healthOutput: run.healthOutput,
    check: run.check,
    message: run.message,
    logs: run.logs,
  });
  return { ...capture, revision: rec.revision };
}
