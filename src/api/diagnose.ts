import { readFileSync, writeFileSync } from 'node:fs';
import type { Clock } from '../core/clock.js';
import { diagnose, localCapture, stripAnnotations, type Finding } from '../diagnose/index.js';
import { gatherCapture, stackContext } from '../diagnose/gather.js';
import type { ConvoyEvent, Subscriber } from '../engine/events.js';
import { makeRedactor, redactDeep, secretValues } from '../engine/redact.js';
import { InvalidInputError } from '../errors.js';
import type { Stack } from '../spec/types.js';
import type { Target } from '../targets/target.js';
import type { Opened } from './open.js';

export interface LiveDiagnosis {
  findings: Finding[];
  /** The evidence the findings were drawn from, secrets masked: `convoy diagnose --input` replays it. */
  capture: Record<string, unknown>;
  /** Running and healthy, with no failure on record: nothing to explain. */
  healthy: boolean;
}

/** Why a service of the open stack failed (or how its current run looks), from what its target can show. */
export async function diagnoseService(o: Opened, service: string): Promise<LiveDiagnosis> {
  if (!o.stack.services.some((s) => s.name === service))
    throw new InvalidInputError(
      `no service "${service}" in stack ${o.stack.name} (services: ${o.stack.services.map((s) => s.name).join(', ')})`,
    );
  const raw = o.target.evidence ? await o.target.evidence(service) : await fromStatus(o.target, service);
  const capture = redacted(o.stack, { service, ...raw, stack: stackContext(o.stack) });
  const local = capture.local as { health?: unknown } | undefined;
  const healthy = capture.failedAt === undefined && local?.health === 'healthy';
  return { findings: diagnose(capture), capture, healthy };
}

/** Reads a capture file; the `_` keys of the shared examples (`_expect`, `_source`) are annotations. */
export function readCapture(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InvalidInputError(`cannot read capture file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError(`capture file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InvalidInputError(
      `capture file ${file} must hold one JSON object (keys such as service, tasks, logs, local)`,
    );
  return stripAnnotations(json as Record<string, unknown>);
}

/** For a target without evidence(): what status and logs say. */
async function fromStatus(target: Target, service: string): Promise<Record<string, unknown>> {
  const [st] = await target.status([service]);
  const logs = await target.logs(service, 50, { currentRun: true }).catch(() => []);
  return localCapture({ service, health: st?.health, exitCode: st?.exitCode, logs }) as Record<
    string,
    unknown
  >;
}

function redacted(stack: Stack, capture: Record<string, unknown>): Record<string, unknown> {
  return redactDeep(capture, makeRedactor(secretValues(stack.services)));
}

/**
 * A deployment's `capture` option: remembers the failed service from the events and, once the deployment has
 * failed, writes its capture (redacted) so `convoy diagnose --input FILE` replays the same diagnosis.
 */
export function captureOnFailure(
  file: string,
  stack: Stack,
  target: Target,
  clock: Clock,
): { subscriber: Subscriber; write(): Promise<string | undefined> } {
  let failed: Extract<ConvoyEvent, { code: 'service.failed' }> | undefined;
  return {
    subscriber: (e) => {
      if (e.code === 'service.failed') failed ??= e;
    },
    /** The service whose capture it wrote, if any. */
    async write() {
      if (!failed) return undefined;
      const capture = await gatherCapture(
        target,
        { service: failed.service, verdict: failed, logs: failed.logs },
        { clock, stack },
      );
      writeFileSync(file, JSON.stringify(redacted(stack, capture), null, 2) + '\n', { mode: 0o600 });
      return failed.service;
    },
  };
}
