import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  diagnose,
  localCapture,
  publicFinding,
  stripAnnotations,
  type Finding,
} from '../../diagnose/index.js';
import { gatherCapture } from '../../diagnose/gather.js';
import type { Clock } from '../../core/clock.js';
import type { ConvoyEvent, Subscriber } from '../../engine/events.js';
import { makeRedactor, redactDeep, secretValues } from '../../engine/redact.js';
import { InvalidInputError } from '../../errors.js';
import type { Stack } from '../../spec/types.js';
import type { Target } from '../../targets/target.js';
import { printJson } from '../output.js';
import { short } from '../render/format.js';
import { open } from '../setup.js';

export function register(program: Command): void {
  program
    .command('diagnose')
    .description(
      'say why a service failed: live from the target (SERVICE), or offline from a capture (--input FILE)',
    )
    .argument('[service]', 'a service of the stack: diagnose its latest failure (or its current run)')
    .option('--input <file>', 'a capture JSON file, e.g. written by `convoy deploy --capture FILE`')
    .option('--json', 'print {"findings":[{category, cause, fix, evidence, confidence}]}, best first')
    .action(async (service: string | undefined, opts: { input?: string; json?: boolean }) => {
      if (opts.input !== undefined && service !== undefined)
        throw new InvalidInputError('give either a SERVICE (live) or --input FILE (offline), not both');
      if (opts.input === undefined && service === undefined)
        throw new InvalidInputError('name a SERVICE to diagnose live, or give a capture with --input FILE');
      const { capture, about, healthy } =
        opts.input !== undefined
          ? { capture: readCapture(opts.input), about: `capture ${opts.input}`, healthy: false }
          : await live(program.opts().file, service!);
      let findings: Finding[];
      try {
        findings = diagnose(capture);
      } catch (err) {
        if (err instanceof InvalidInputError && opts.input !== undefined)
          throw new InvalidInputError(`${opts.input}: ${err.message}`);
        throw err;
      }
      if (opts.json) return printJson({ findings: findings.map(publicFinding) });
      process.stdout.write(render(findings, about, healthy));
    });
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

async function live(
  file: string,
  service: string,
): Promise<{ capture: Record<string, unknown>; about: string; healthy: boolean }> {
  const o = await open(file, { readOnly: true });
  try {
    if (!o.stack.services.some((s) => s.name === service))
      throw new InvalidInputError(
        `no service "${service}" in stack ${o.stack.name} (services: ${o.stack.services.map((s) => s.name).join(', ')})`,
      );
    const raw = o.target.evidence ? await o.target.evidence(service) : await fromStatus(o.target, service);
    const capture = redacted(o.stack, { service, ...raw });
    const local = capture.local as { health?: unknown } | undefined;
    const healthy = capture.failedAt === undefined && local?.health === 'healthy';
    return { capture, about: await describeSource(o.target, service, capture), healthy };
  } finally {
    await o.close();
  }
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

async function describeSource(
  target: Target,
  service: string,
  capture: Record<string, unknown>,
): Promise<string> {
  const rev = typeof capture.revision === 'string' ? capture.revision : undefined;
  if (typeof capture.failedAt !== 'string')
    return `${service}, its current run${rev ? ` (revision ${short(rev)})` : ''}`;
  const [now] = await target.status([service]).catch(() => []);
  const since =
    now?.revision && now.revision !== rev
      ? `; it now runs revision ${short(now.revision)} (${now.health})`
      : '';
  return `${service}, its failed run of revision ${short(rev)} at ${capture.failedAt}${since}`;
}

function redacted(stack: Stack, capture: Record<string, unknown>): Record<string, unknown> {
  return redactDeep(capture, makeRedactor(secretValues(stack.services)));
}

export function render(findings: Finding[], about: string, healthy = false): string {
  const lines = [`Diagnosis of ${about}:`, ''];
  if (healthy) lines.push('It is running and healthy, and no failure of it is recorded: nothing to explain.');
  else if (findings.length === 1 && findings[0]!.category === 'other')
    lines.push('No known failure signature matched. What was examined:');
  findings.forEach((f, i) => {
    if (f.category !== 'other' || findings.length > 1) {
      lines.push(`${i + 1}. [${f.category}] ${f.cause} (confidence ${f.confidence.toFixed(2)})`);
      lines.push(`   fix: ${f.fix}`);
      lines.push('   evidence:');
    }
    lines.push(...f.evidence.map((e) => `     ${e}`), '');
  });
  return lines.join('\n');
}

/**
 * `convoy deploy --capture FILE`: remembers the failed service from the events and, once the deployment has
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
        { clock },
      );
      writeFileSync(file, JSON.stringify(redacted(stack, capture), null, 2) + '\n', { mode: 0o600 });
      process.stderr.write(
        `convoy: wrote the capture of ${failed.service} to ${file}; replay it with: convoy diagnose --input ${file}\n`,
      );
      return failed.service;
    },
  };
}
