import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { printJson } from '../output.js';
import { seconds, short, table } from '../render/format.js';
import { cliEnv, withOpened } from '../setup.js';
import { status, type ServiceStatus } from '../../api/status.js';
import { interruptSignal } from './deploy.js';

const WATCH_MS = 2_000;

export function register(program: Command): void {
  program
    .command('status')
    .description(
      "show each service's revision, pid, health and uptime; on aws its task counts, rollout and strategy",
    )
    .option('--json', 'an array of { name, kind, revision, pid, health, uptimeSeconds, replicas?, ecs? }')
    .option('--watch', 'keep it up to date: in place on a terminal, else printed again when it changes')
    .action(async (opts: { json?: boolean; watch?: boolean }) => {
      await withOpened(program.opts().file, { readOnly: true }, async (o) => {
        if (!opts.watch) {
          const rows = await status(o);
          return opts.json ? printJson(rows) : void process.stdout.write(render(rows, true));
        }
        const signal = interruptSignal();
        const live = process.stdout.isTTY && !cliEnv().CI && !opts.json;
        let shown = '';
        let height = 0;
        while (!signal.aborted) {
          const rows = await status(o);
          if (signal.aborted) break;
          if (live) {
            const text = render(rows, true);
            // Back to the top of the last frame, and clear it to the end of the screen.
            process.stdout.write((height ? `\x1b[${height}A\r\x1b[J` : '') + text);
            height = text.split('\n').length - 1;
          } else {
            // Without a terminal, print only changes (uptime moves every second, so it is left out).
            const key = opts.json
              ? JSON.stringify(rows.map(({ uptimeSeconds: _, ...r }) => r))
              : render(rows, false);
            if (key !== shown) {
              shown = key;
              if (opts.json) process.stdout.write(JSON.stringify(rows) + '\n');
              else process.stdout.write(`${new Date().toISOString()}\n${render(rows, true)}\n`);
            }
          }
          await sleep(WATCH_MS, undefined, { signal }).catch(() => undefined);
        }
      });
    });
}

function render(rows: ServiceStatus[], withUptime: boolean): string {
  const ecs = rows.some((r) => r.ecs);
  const t = [
    [
      'SERVICE',
      'KIND',
      'REVISION',
      ...(ecs ? ['TASKS', 'ROLLOUT', 'STRATEGY'] : ['PID']),
      'HEALTH',
      ...(withUptime ? ['UPTIME'] : []),
    ],
  ];
  for (const r of rows)
    t.push([
      r.name,
      r.kind,
      short(r.revision ?? undefined),
      ...(ecs
        ? [
            r.ecs
              ? `${r.ecs.running}/${r.ecs.desired} running${r.ecs.pending ? `, ${r.ecs.pending} pending` : ''}`
              : '-',
            r.ecs?.rolloutState ?? '-',
            r.ecs?.strategy ?? '-',
          ]
        : [r.pid ? String(r.pid) : '-']),
      r.health +
        (r.kind === 'job' && r.exitCode !== undefined ? ` (exit ${r.exitCode})` : '') +
        (r.replicas !== undefined && r.replicas !== 1 ? ` (${r.replicas} replicas)` : ''),
      ...(withUptime ? [r.uptimeSeconds === null ? '-' : seconds(r.uptimeSeconds * 1000)] : []),
    ]);
  const links = rows.filter((r) => r.ecs).map((r) => `console ${r.name}: ${r.ecs!.console}`);
  return [table(t), ...(links.length ? ['', ...links] : [])].join('\n') + '\n';
}
