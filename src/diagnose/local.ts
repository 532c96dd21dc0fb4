import type { Capture } from './schema.js';

export interface LocalFailure {
  service: string;
  exitCode?: number | null;
  /** Last output of the health check (HTTP status and body start, command output, connect error). */
  healthOutput?: string;
  logs?: string[];
  healthExitCode?: number | null;
  /** Human description of the check, e.g. `http GET http://127.0.0.1:8080/health`. */
  check?: string;
  /** Why the target gave up: exited, unhealthy, timeout, start-failed. */
  reason?: string;
  signal?: string | null;
  message?: string;
  /** What the target thinks of it now: starting, healthy, unhealthy, stopped. */
  health?: string;
}

/** Builds a capture for a failed local process so the deploy engine can run `diagnose` on it. */
export function localCapture(f: LocalFailure): Capture {
  const local: NonNullable<Capture['local']> = {};
  if (f.exitCode !== undefined) local.exitCode = f.exitCode;
  if (f.healthExitCode !== undefined) local.healthExitCode = f.healthExitCode;
  if (f.healthOutput !== undefined) local.healthOutput = f.healthOutput;
  if (f.health !== undefined) local.health = f.health;
  if (f.logs !== undefined) local.logs = f.logs;
  for (const key of ['check', 'reason', 'signal', 'message'] as const) {
    const v = f[key];
    if (v !== undefined && v !== null) local[key] = v;
  }
  return { service: f.service, local };
}
