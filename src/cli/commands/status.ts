import type { Command } from 'commander';
import { printJson } from '../output.js';
import { seconds, short, table } from '../render/format.js';
import { withOpened } from '../setup.js';
import { status } from '../../api/status.js';

export function register(program: Command): void {
  program
    .command('status')
    .description("show each service's revision, pid, health and uptime")
    .option('--json', 'an array of { name, kind, revision, pid, health, uptimeSeconds }')
    .action(async (opts: { json?: boolean }) => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        const rows = await status(o);
        if (opts.json) return printJson(rows);
        const t = [['SERVICE', 'KIND', 'REVISION', 'PID', 'HEALTH', 'UPTIME']];
        for (const r of rows)
          t.push([
            r.name,
            r.kind,
            short(r.revision ?? undefined),
            r.pid ? String(r.pid) : '-',
            r.health +
              (r.kind === 'job' && r.exitCode !== undefined ? ` (exit ${r.exitCode})` : '') +
              (r.replicas !== undefined && r.replicas !== 1 ? ` (${r.replicas} replicas)` : ''),
            r.uptimeSeconds === null ? '-' : seconds(r.uptimeSeconds * 1000),
          ]);
        process.stdout.write(table(t) + '\n');
      });
    });
}
