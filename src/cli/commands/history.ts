import type { Command } from 'commander';
import type { DeploymentRecord, DeploymentStatus, StepRecord, Store } from '../../store/store.js';
import { printJson } from '../output.js';
import { seconds, table } from '../render/format.js';
import { open } from '../setup.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The history entry as --json shows it; field names are part of the public contract. */
export function historyEntry(d: DeploymentRecord, steps: StepRecord[]) {
  return {
    id: d.id,
    correlationId: d.correlationId,
    stack: d.stack,
    kind: d.kind,
    actor: d.actor,
    context: d.context,
    startedAt: iso(d.startedAt),
    endedAt: iso(d.endedAt),
    outcome: d.status,
    fencingToken: d.fencingToken,
    summary: d.summary ?? null,
    resolvedBy: d.resolvedBy ?? null,
    steps: steps.map((s) => ({
      service: s.service,
      from: s.fromRevision ?? null,
      to: s.toRevision,
      state: s.state,
      startedAt: iso(s.startedAt),
      endedAt: iso(s.endedAt),
      durationMs: s.startedAt !== undefined && s.endedAt !== undefined ? s.endedAt - s.startedAt : null,
      detail: s.detail ?? null,
    })),
  };
}

export async function loadHistory(store: Store, filter: Parameters<Store['listDeployments']>[0]) {
  const ds = await store.listDeployments(filter);
  return Promise.all(ds.map(async (d) => historyEntry(d, await store.listSteps(d.id))));
}

export function register(program: Command): void {
  program
    .command('history')
    .description('list past deployments of the stack, newest first')
    .option('--json', 'an array of deployments with their steps')
    .option('--limit <n>', 'at most this many', '20')
    .option(
      '--outcome <status>',
      'only deployments that ended so: succeeded, failed, rollback-failed, interrupted, running',
    )
    .option('--correlation-id <id>', 'only this deployment')
    .action(
      async (opts: { json?: boolean; limit: string; outcome?: DeploymentStatus; correlationId?: string }) => {
        const o = open(program.opts().file, { readOnly: true });
        try {
          const entries = await loadHistory(o.store, {
            stack: o.stack.name,
            status: opts.outcome,
            correlationId: opts.correlationId,
            limit: Number(opts.limit) || 20,
          });
          if (opts.json) return printJson(entries);
          const rows = [['STARTED', 'KIND', 'OUTCOME', 'TOOK', 'ACTOR', 'CORRELATION ID', 'SUMMARY']];
          for (const e of entries) {
            const took =
              e.endedAt && e.startedAt ? seconds(Date.parse(e.endedAt) - Date.parse(e.startedAt)) : '-';
            rows.push([
              e.startedAt ?? '-',
              e.kind,
              e.outcome,
              took,
              e.actor,
              e.correlationId,
              e.summary ?? '',
            ]);
          }
          process.stdout.write(entries.length ? table(rows) + '\n' : 'no deployments yet\n');
        } finally {
          await o.close();
        }
      },
    );
}
