import { destination, pino, stdTimeFunctions, type Level } from 'pino';
import type { ConvoyEvent, Subscriber } from '../engine/events.js';
import { InvalidInputError } from '../errors.js';
import { describe } from './render/describe.js';

export type LogFormat = 'json' | 'pretty';

export function logFormat(value: string | undefined): LogFormat | undefined {
  if (value === undefined || value === 'json' || value === 'pretty') return value;
  throw new InvalidInputError(`--log-format takes json or pretty, not "${value}"`);
}

const ERRORS = new Set([
  'service.failed',
  'deploy.failed',
  'deploy.rollback-failed',
  'service.rollback-failed',
]);
const WARNINGS = new Set([
  'lock.lost',
  'subscriber.failed',
  'notify.failed',
  'store.degraded',
  'event.lost',
  'deploy.stalled',
]);

function level(e: ConvoyEvent): Level {
  if (ERRORS.has(e.code) || e.code === 'preflight.failed') return 'error';
  if (WARNINGS.has(e.code) || (e.code === 'service.progress' && e.warning)) return 'warn';
  return 'info';
}

/** Which part of a run an event belongs to, for filtering logs. */
function phase(code: string): string {
  if (code.startsWith('lock.')) return 'lock';
  if (code.startsWith('preflight.')) return 'preflight';
  if (code.startsWith('notify.') || code === 'subscriber.failed') return 'notify';
  if (code.startsWith('rollback.') || /^service\.(rolling-back|rolled-back|rollback-failed)$/.test(code))
    return 'rollback';
  return 'deploy';
}

/**
 * The structured log of a run (`--log-format`, `--log-file`): one pino line per stored event, each with the time,
 * level, stack, correlation id, service and phase. It logs events only, and events are redacted where they are
 * made (the emitter), so no secret can reach a log line from here. `pretty` is the same record for people.
 */
export function eventLog(
  opts: { format: LogFormat; file?: string },
  ctx: { stack: string; correlationId: string },
): { subscriber: Subscriber; close(): void } {
  const dest = destination({ dest: opts.file ?? 2, sync: true, mkdir: true });
  const logger = pino(
    { base: { stack: ctx.stack, correlationId: ctx.correlationId }, timestamp: stdTimeFunctions.isoTime },
    opts.format === 'json' ? dest : prettyStream(dest),
  );
  const subscriber: Subscriber = (e) => {
    const service = 'service' in e && typeof e.service === 'string' ? e.service : undefined;
    logger[level(e)](
      { seq: e.seq, code: e.code, phase: phase(e.code), service, deploymentId: e.deploymentId },
      describe(e),
    );
  };
  return { subscriber, close: () => dest.flushSync() };
}

/** Rewrites each JSON line as `time LEVEL stack correlation [phase] message` (the message names the service). */
function prettyStream(dest: { write(s: string): unknown }): { write(s: string): void } {
  const names: Record<number, string> = { 30: 'INFO', 40: 'WARN', 50: 'ERROR' };
  return {
    write(line: string) {
      const r = JSON.parse(line) as Record<string, string | number | undefined>;
      dest.write(
        `${r.time} ${(names[Number(r.level)] ?? String(r.level)).padEnd(5)} ${r.stack} ${r.correlationId} [${r.phase}] ${r.msg}\n`,
      );
    },
  };
}
