import type { Command } from 'commander';
import { observe } from '../../engine/deploy.js';
import { buildPlan } from '../../plan/plan.js';
import { printJson } from '../output.js';
import { short, table } from '../render/format.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('plan')
    .description('show the waves and what would change, and why, without deploying')
    .option('--json', 'machine-readable plan')
    .action(async (opts: { json?: boolean }) => {
      await withOpened(program.opts().file, {}, async (o) => {
        const { recorded, health } = await observe(o, o.stack);
        const plan = buildPlan(o.stack, recorded, health);
        if (opts.json) {
          return printJson({
            stack: plan.stack,
            waves: plan.waves,
            services: plan.entries.map((e) => ({
              name: e.service.name,
              kind: e.service.kind,
              wave: e.wave,
              gate: e.gate,
              revision: e.revision,
              from: e.from ?? null,
              changed: e.changed,
              reasons: e.reasons,
            })),
          });
        }
        const rows = [['WAVE', 'SERVICE', 'CHANGE', 'REVISION', 'WHY']];
        for (const e of [...plan.entries].sort((a, b) => a.wave - b.wave)) {
          rows.push([
            String(e.wave + 1),
            e.service.name,
            e.changed ? 'change' : '-',
            e.changed ? `${short(e.from)} → ${short(e.revision)}` : short(e.revision),
            e.reasons.join('; '),
          ]);
        }
        const n = plan.entries.filter((e) => e.changed).length;
        process.stdout.write(
          `${table(rows)}\n\n${n} to change, ${plan.entries.length - n} unchanged, ${plan.waves.length} waves\n`,
        );
      });
    });
}
