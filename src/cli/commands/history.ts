import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../errors.js';
import { DURATION_PATTERN, parseDuration } from '../../spec/schema.js';
import { loadAccuracy, type Accuracy, type AccuracyRow } from '../../api/accuracy.js';
import { loadHistory, revisionsOf } from '../../api/history.js';
import { DEPLOYMENT_STATUSES, type DeploymentStatus, type HistoryFilter } from '../../store/store.js';
import { printJson } from '../output.js';
import { seconds, short, table } from '../render/format.js';
import { withOpened } from '../setup.js';
import type { Opened } from '../../api/open.js';

interface HistoryOpts {
  json?: boolean;
  limit?: string;
  outcome?: DeploymentStatus;
  correlationId?: string;
  stack?: string;
  service?: string;
  actor?: string;
  since?: string;
  until?: string;
}

/** A time bound: an ISO date/time, or a duration meaning "that long ago" (7d, 12h). */
export function timeBound(value: string | undefined, flag: string, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  if (DURATION_PATTERN.test(value)) return now - parseDuration(value);
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new InvalidInputError(
      `${flag} takes an ISO date/time (2026-11-26T10:00:00Z) or a duration such as 7d, not "${value}"`,
    );
  return t;
}

const OUTCOMES: readonly DeploymentStatus[] = DEPLOYMENT_STATUSES;

function filterFrom(opts: HistoryOpts, stack: string): HistoryFilter {
  if (opts.outcome && !OUTCOMES.includes(opts.outcome)) {
    throw new InvalidInputError(`--outcome is one of ${OUTCOMES.join(', ')}, not "${opts.outcome}"`);
  }
  return {
    stack: opts.stack ?? stack,
    status: opts.outcome,
    correlationId: opts.correlationId,
    service: opts.service,
    actor: opts.actor,
    since: timeBound(opts.since, '--since'),
    until: timeBound(opts.until, '--until'),
    limit: opts.limit ? Number(opts.limit) || undefined : undefined,
  };
}

function filters(c: Command): Command {
  return c
    .option('--stack <name>', "another stack in the same store (default: the stack file's)")
    .option(
      '--service <name>',
      'only deployments that changed this service; then also the revisions it can go back to',
    )
    .option('--outcome <status>', `only deployments that ended so: ${OUTCOMES.join(', ')}`)
    .option('--actor <who>', 'only deployments by this actor')
    .option('--since <when>', 'started at or after: ISO date/time, or a duration ago (7d)')
    .option('--until <when>', 'started before: ISO date/time, or a duration ago')
    .option('--correlation-id <id>', 'only this deployment');
}

/** `history --service S` also lists the revisions S can go back to, for `rollback --to`. */
async function printRevisions(o: Opened, service: string, stack?: string): Promise<void> {
  const revs = await revisionsOf(o, service, stack);
  const rows = [['REVISION', 'DEPLOYMENT', 'AT', 'KIND', 'OUTCOME', '']];
  for (const r of revs)
    rows.push([
      short(r.revision),
      r.deploymentId,
      r.at,
      r.kind ?? '-',
      r.outcome ?? '-',
      r.current ? 'current' : '',
    ]);
  process.stdout.write(
    revs.length
      ? `\nrevisions of ${service} (go back with \`convoy rollback --to REVISION|DEPLOYMENT --service ${service}\`):\n${table(rows)}\n`
      : `\n${service} has no good revision to go back to\n`,
  );
}

export function register(program: Command): void {
  const history = filters(
    program
      .command('history')
      .description('list past deployments, newest first (filters combine)')
      .option('--json', 'an array of deployments with their steps')
      .option('--accuracy', 'how often the estimates held and their median error, per stack and per service')
      .option('--limit <n>', 'at most this many', '20'),
  ).action(async (opts: HistoryOpts & { accuracy?: boolean }) => {
    await withOpened(program.opts().file, { readOnly: true }, async (o) => {
      if (opts.accuracy) {
        const filter = filterFrom(opts, o.stack.name);
        // Scored over every deployment kept unless --limit says otherwise: 20 is a small sample.
        if (history.getOptionValueSource('limit') === 'default') delete filter.limit;
        const a = await loadAccuracy(o.store, { ...filter, stack: filter.stack ?? o.stack.name });
        if (opts.json) return printJson(a);
        return void process.stdout.write(accuracyTable(a) + '\n');
      }
      const entries = await loadHistory(o.store, filterFrom(opts, o.stack.name));
      if (opts.json) return printJson(entries);
      const rows = [['STARTED', 'KIND', 'OUTCOME', 'TOOK', 'ACTOR', 'CORRELATION ID', 'SUMMARY']];
      for (const e of entries) {
        const took =
          e.endedAt && e.startedAt ? seconds(Date.parse(e.endedAt) - Date.parse(e.startedAt)) : '-';
        rows.push([e.startedAt ?? '-', e.kind, e.outcome, took, e.actor, e.correlationId, e.summary ?? '']);
      }
      process.stdout.write(entries.length ? table(rows) + '\n' : 'no deployments match\n');
      if (opts.service) await printRevisions(o, opts.service, opts.stack);
    });
  });
  filters(
    history
      .command('export')
      .description('write deployments (with steps and events) as NDJSON, one per line, oldest first')
      .option('-o, --output <file>', 'write here instead of standard output'),
  ).action(async (opts: HistoryOpts & { output?: string }) => {
    await withOpened(program.opts().file, { readOnly: true }, async (o) => {
      const entries = (await loadHistory(o.store, filterFrom(opts, o.stack.name))).reverse();
      const lines = await Promise.all(
        entries.map(async (e) =>
          JSON.stringify({
            ...e,
            events: (await o.store.listEvents(e.id)).map((ev) => ({
              seq: ev.seq,
              at: new Date(ev.at).toISOString(),
              code: ev.code,
              ...ev.data,
            })),
          }),
        ),
      );
      const text = lines.map((l) => l + '\n').join('');
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
  });
}

/** One row per scope: the stack's deployments first, then each service's runs. */
function accuracyTable(a: Accuracy): string {
  const row = (label: string, r: AccuracyRow) => [
    label,
    String(r.predictions),
    r.coverage === null ? '-' : `${r.held} (${Math.round(r.coverage * 100)}%)`,
    r.medianAbsErrorMs === null ? '-' : `${seconds(r.medianAbsErrorMs)} (${r.medianAbsErrorPct}%)`,
    String(r.guesses),
  ];
  return [
    table([
      ['', 'PREDICTIONS', 'HELD (AIM 80%)', 'MEDIAN ERROR', 'GUESSES'],
      row(`stack ${a.stack.name}`, a.stack),
      ...a.services.map((s) => row(`  ${s.name}`, s)),
    ]),
    'A deployment counts once it succeeded, a service run once it reached its gate; its interval held when the actual',
    "duration fell inside it. The error is the interval midpoint's, against the actual duration.",
  ].join('\n');
}
