import type { Capture } from '../../core/capture.js';
import { toLines, type AddEvidence } from '../../core/evidence.js';

const NAMED = ['exitCode', 'healthExitCode', 'health', 'healthOutput', 'logs'];

/** Evidence from a capture's `local` part: exit codes, the health check's output and health, logs, other fields. */
export function extractLocalEvidence(c: Capture, add: AddEvidence): void {
  const local = c.local;
  if (!local) return;
  add('exitCode', 'local.exitCode', local.exitCode);
  add('healthExitCode', 'local.healthExitCode', local.healthExitCode);
  add('healthStatus', 'local.health', local.health);
  toLines(typeof local.healthOutput === 'string' ? local.healthOutput : undefined).forEach((l, i) =>
    add('healthOutput', `local.healthOutput[${i}]`, l),
  );
  toLines(local.logs).forEach((l, i) => add('log', `local.logs[${i}]`, l));
  for (const [key, v] of Object.entries(local)) {
    if (NAMED.includes(key)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      add('localField', `local.${key}`, `${key}=${v}`);
  }
}
