import type { Command } from 'commander';
import { Emitter } from '../../engine/emitter.js';
import { startNotifying } from '../notify-run.js';
import { observe, runDeployment, type EngineDeps } from '../../engine/deploy.js';
import { InvalidInputError } from '../../errors.js';
import type { Recorded } from '../../plan/plan.js';
import { buildRollbackPlan, type Previous } from '../../plan/rollback-plan.js';
import type { Stack } from '../../spec/types.js';
import { deployOutput, printJson } from '../output.js';
import { short, table } from '../render/format.js';
import { correlationIdFrom, whoAndWhere, withOpened } from '../setup.js';
import { interruptSignal, waitLockMs } from './deploy.js';

/** The newest good revision of each service that differs from its current one. */
async function previousRevisions(
  deps: EngineDeps,
  stack: Stack,
  names: string[],
  recorded: ReadonlyMap<string, Recorded>,
): Promise<Previous> {
  const out = new Map<string, { revision: string; spec: Recorded['spec'] } | undefined>();
  for (const name of names) {
    const cur = recorded.get(name)?.revision;
    const goods = await deps.store.listGoodRevisions(stack.name, name, 50);
    const prev = goods.find((g) => g.revision !== cur);
    const rec = prev && (await deps.store.getRevision(stack.name, name, prev.revision));
    out.set(name, rec ? { revision: rec.revision, spec: rec.spec } : undefined);
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('rollback')
    .description(
      'put services back on their previous good revision (all services with one when none are named)',
    )
    .argument('[services...]')
    .option('--dry-run', 'show what would be rolled back, change nothing')
    .option('--wait-lock <duration>', 'wait up to this long for another deployment to finish')
    .option('--json', 'one JSON object per event (with --dry-run: the plan)')
    .action(async (services: string[], opts: { dryRun?: boolean; waitLock?: string; json?: boolean }) => {
      await withOpened(program.opts().file, {}, async (o) => {
        const known = new Set(o.stack.services.map((s) => s.name));
        const unknown = services.filter((s) => !known.has(s));
        if (unknown.length)
          throw new InvalidInputError(
            `no service ${unknown.map((u) => `"${u}"`).join(', ')} in stack ${o.stack.name}`,
          );
        const makePlan = async ({ recorded }: Awaited<ReturnType<typeof observe>>) => {
          let names = services;
          if (!names.length) {
            const all = await previousRevisions(o, o.stack, [...recorded.keys()], recorded);
            names = [...all].filter(([, p]) => p).map(([n]) => n);
            if (!names.length)
              throw new InvalidInputError('no service has an earlier good revision; nothing to roll back');
          }
          return buildRollbackPlan(o.stack, recorded, await previousRevisions(o, o.stack, names, recorded));
        };
        if (opts.dryRun) {
          const plan = await makePlan(await observe(o, o.stack));
          const changes = plan.entries
            .filter((e) => e.changed)
            .map((e) => ({ service: e.service.name, from: e.from ?? null, to: e.revision }));
          if (opts.json) return printJson({ stack: plan.stack, dryRun: true, rollback: changes });
          const rows = [
            ['SERVICE', 'FROM', 'TO'],
            ...changes.map((c) => [c.service, short(c.from ?? undefined), short(c.to)]),
          ];
          return void process.stdout.write(`${table(rows)}\n\ndry run: nothing was changed\n`);
        }
        const wait = waitLockMs(opts.waitLock);
        const out = deployOutput(opts);
        const events = Emitter.forStack(o.stack, o.store, o.clock);
        for (const s of out.subscribers) events.subscribe(s);
        const notify = startNotifying(o.stack, o.store, events);
        try {
          await runDeployment(
            o,
            {
              stack: o.stack,
              correlationId: correlationIdFrom(undefined),
              ...whoAndWhere(o.stack.dir),
              waitLockMs: wait,
              emitter: events,
              signal: interruptSignal(),
            },
            'rollback',
            makePlan,
          );
        } finally {
          await events.flush();
          await notify.finish();
          out.finish();
        }
      });
    });
}
