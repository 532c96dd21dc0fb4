import type { Command } from 'commander';
import { planJson } from '../../api/output-schemas.js';
import { plan as planStack } from '../../api/plan.js';
import { printJson } from '../output.js';
import { interval, seconds, short, table } from '../render/format.js';
import { withOpened } from '../setup.js';
import type { ChangePreview } from '../../targets/target.js';
import { interruptSignal } from './deploy.js';

export function register(program: Command): void {
  program
    .command('plan')
    .description('show the waves and what would change, and why, without deploying')
    .option('--json', 'machine-readable plan')
    .option(
      '--allow-replace <logicalIds...>',
      'show the verdict of the gate on destructive changes as `convoy deploy --allow-replace` would give it',
    )
    .action(async (opts: { json?: boolean; allowReplace?: string[] }) => {
      await withOpened(program.opts().file, { allowReplace: opts.allowReplace }, async (o) => {
        // Ctrl-C stops the wait for a change set; the target deletes it before the command ends.
        const plan = await planStack(o, { signal: interruptSignal() });
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
            `expected to take ${interval(plan.estimate)}\n${changeSets(plan.previews)}`,
        );
      });
    });
}

/** Each CloudFormation phase's change set, and whether the gate on destructive changes would let it run. */
function changeSets(previews: ReadonlyMap<string, ChangePreview>): string {
  let out = '';
  for (const [name, p] of previews) {
    out += `\n${name}: change set (created to compute it, then deleted)\n`;
    for (const c of p.changes) out += `  ${c}\n`;
    for (const a of p.allowed) out += `  allowed by --allow-replace: ${a}\n`;
    if (p.blocked.length) {
      out += `  the deployment would stop here (exit 3): it removes or replaces protected resources\n`;
      for (const b of p.blocked) out += `    ${b}\n`;
      out += `  to let it, deploy with ${p.allowWith}\n`;
    }
  }
  return out;
}

/** A service's own interval in the table; `~` marks a guess from the stack file. */
function takes(e: { lowMs: number; highMs: number; basis: string } | undefined): string {
  if (!e) return '-';
  return `${e.basis === 'guess' ? '~' : ''}${seconds(e.lowMs)}–${seconds(e.highMs)}`;
}
