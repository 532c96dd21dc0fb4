import type { Command } from 'commander';
import { planJson } from '../../api/output-schemas.js';
import { plan as planStack } from '../../api/plan.js';
import { printJson } from '../output.js';
import { interval, seconds, short, table } from '../render/format.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('plan')
    .description('show the waves and what would change, and why, without deploying')
    .option('--json', 'machine-readable plan')
    .action(async (opts: { json?: boolean }) => {
      await withOpened(program.opts().file, {}, async (o) => {
        const plan = await planStack(o);
        if (opts.json) return printJson(planJson(plan));
        const rows = [['WAVE', 'SERVICE', 'CHANGE', 'REVISION', 'DRIFT', 'TAKES', 'WHY']];
        for (const e of [...plan.entries].sort((a, b) => a.wave - b.wave)) {
          rows.push([
            String(e.wave + 1),
            e.service.name,
            e.changed ? 'change' : '-',
            e.changed ? `${short(e.from)} → ${short(e.revision)}` : short(e.revision),
            plan.drift?.get(e.service.name) ?? '-',
            takes(plan.serviceEstimates.get(e.service.name)),
            e.reasons.join('; '),
          ]);
        }
        const n = plan.entries.filter((e) => e.changed).length;
        process.stdout.write(
          `${table(rows)}\n\n${n} to change, ${plan.entries.length - n} unchanged, ${plan.waves.length} waves; ` +
            `expected to take ${interval(plan.estimate)}\n`,
        );
      });
    });
}

/** A service's own interval in the table; `~` marks a guess from the stack file. */
function takes(e: { lowMs: number; highMs: number; basis: string } | undefined): string {
  if (!e) return '-';
  return `${e.basis === 'guess' ? '~' : ''}${seconds(e.lowMs)}–${seconds(e.highMs)}`;
}
