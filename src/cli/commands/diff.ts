import type { Command } from 'commander';
import { diff } from '../../api/diff.js';
import { ExitCode } from '../../errors.js';
import type { ServiceDrift } from '../../plan/drift.js';
import { printJson } from '../output.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('diff')
    .description(
      'compare what runs with the stack file and the last good revision, field by field; exit 1 on drift',
    )
    .argument('[service...]', 'only these services (default: all)')
    .option('--json', '{ stack, drift, services: [{ name, drifted, differs, changes, notes, diff }] }')
    .action(async (names: string[], opts: { json?: boolean }) => {
      // Like plan: the file as a deployment would read it, so a variable that is not set is an error, not a drift.
      await withOpened(program.opts().file, {}, async (o) => {
        const report = await diff(o, names);
        if (opts.json) printJson(report);
        else process.stdout.write(render(report.services));
        if (report.drift) process.exitCode = ExitCode.drift;
      });
    });
}

function render(services: ServiceDrift[]): string {
  const off = services.filter((s) => s.drifted || s.differs);
  if (!off.length)
    return `no drift: ${services.length} services run as the stack file and their last good revisions say\n`;
  const out: string[] = [];
  for (const s of off) {
    const what = [
      ...(s.drifted ? ['changed outside Convoy since its last good deployment'] : []),
      ...(s.differs ? ['differs from the stack file'] : []),
    ];
    out.push(`${s.name}: ${what.join('; ')}`);
    for (const n of s.notes) out.push(`  ${n}`);
    if (s.diff) out.push(s.diff.trimEnd());
    out.push('');
  }
  out.push(`${off.length} of ${services.length} services drifted or differ from the stack file`);
  return out.join('\n') + '\n';
}
