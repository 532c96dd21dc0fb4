import type { Command } from 'commander';
import { runDeployment } from '../../engine/deploy.js';
import { Emitter } from '../../engine/emitter.js';
import { parseDuration } from '../../spec/schema.js';
import type { Store } from '../../store/store.js';
import { InvalidInputError, StoreUnavailableError } from '../../errors.js';
import { eventLog, logFormat } from '../log.js';
import { startNotifying } from '../notify-run.js';
import { deployOutput } from '../output.js';
import { captureOnFailure } from './diagnose.js';
import { preflight } from './verify.js';
import { correlationIdFrom, open, whoAndWhere } from '../setup.js';
import { importUnlocked, openUnlockedStore, unlockedFile } from '../unlocked.js';

export function waitLockMs(value: string | undefined): number {
  if (value === undefined) return 0;
  try {
    return parseDuration(value);
  } catch {
    throw new InvalidInputError(`--wait-lock takes a duration such as 30s or 10m, not "${value}"`);
  }
}

/** Ctrl-C or SIGTERM stops the deployment; the engine rolls back per policy and releases the lock. */
export function interruptSignal(): AbortSignal {
  const ac = new AbortController();
  const stop = (sig: string) => () => ac.abort(new Error(`cancelled by ${sig}`));
  process.once('SIGINT', stop('SIGINT'));
  process.once('SIGTERM', stop('SIGTERM'));
  return ac.signal;
}

interface DeployOptions {
  waitLock?: string;
  cancelSuperseded?: boolean;
  correlationId?: string;
  json?: boolean;
  capture?: string;
  skipVerify?: boolean;
  /** false with --no-lock. */
  lock?: boolean;
  logFormat?: string;
  logFile?: string;
}

export function register(program: Command): void {
  program
    .command('deploy')
    .description(
      'deploy the stack: plan, start changed services wave by wave, gate on health, roll back on failure',
    )
    .option('--wait-lock <duration>', 'wait up to this long for another deployment of the stack to finish')
    .option('--cancel-superseded', 'replace older queued deployments of this stack (never the running one)')
    .option(
      '--correlation-id <id>',
      'id tying this deployment to a CI run (default: from CI variables, or random)',
    )
    .option('--json', 'one JSON object per event')
    .option(
      '--capture <file>',
      "if it fails, write the failed service's evidence to FILE (for convoy diagnose --input)",
    )
    .option('--skip-verify', 'do not run the pre-flight checks of convoy verify first')
    .option(
      '--no-lock',
      'if the shared state store cannot be reached, deploy anyway without the lock (recorded in the audit trail once the store is back)',
    )
    .option('--log-format <format>', 'also write a structured log of the run: json (pino) or pretty')
    .option('--log-file <path>', 'where the structured log goes (default: stderr); implies --log-format json')
    .action(async (opts: DeployOptions) => {
      const wait = waitLockMs(opts.waitLock);
      const format = logFormat(opts.logFormat) ?? (opts.logFile ? 'json' : undefined);
      const correlationId = correlationIdFrom(opts.correlationId);
      const o = await open(program.opts().file);
      const out = deployOutput(opts);
      const capture = opts.capture ? captureOnFailure(opts.capture, o.stack, o.target, o.clock) : undefined;
      // One emitter for the whole command, so pre-flight, import, degraded-mode and capture events are stored in the
      // stack's stream and shown like the deployment's own (`--json` prints exactly the stored events).
      const events = Emitter.forStack(o.stack, o.store, o.clock);
      for (const s of capture ? [...out.subscribers, capture.subscriber] : out.subscribers)
        events.subscribe(s);
      const log = format
        ? eventLog({ format, file: opts.logFile }, { stack: o.stack.name, correlationId })
        : undefined;
      if (log) events.subscribe(log.subscriber);
      const notify = startNotifying(o.stack, o.store, events);
      let local: Store | undefined;
      try {
        // Before the lock: a stack that cannot work must not hold up anyone else's deployment.
        if (!opts.skipVerify) await preflight(o.stack, process.env, events.emit);
        const who = whoAndWhere(o.stack.dir);
        const run = {
          stack: o.stack,
          correlationId,
          ...who,
          waitLockMs: wait,
          cancelSuperseded: opts.cancelSuperseded,
          emitter: events,
          signal: interruptSignal(),
        };
        try {
          const imported = await importUnlocked(o.stack, o.store);
          if (imported) {
            process.stderr.write(
              `convoy: recorded ${imported} earlier --no-lock deployment(s) in the shared history\n`,
            );
            events.emit({ code: 'history.imported', deployments: imported });
          }
          await runDeployment(o, run);
        } catch (err) {
          if (!(err instanceof StoreUnavailableError) || opts.lock !== false) throw err;
          process.stderr.write(
            `convoy: WARNING: ${err.message}\nconvoy: deploying WITHOUT the shared lock (--no-lock); this deployment is kept in ${unlockedFile(o.stack)} and added to the shared history when the store is back\n`,
          );
          // The events not stored yet (pre-flight) go to the local file too, and are imported with it.
          local = openUnlockedStore(o.stack);
          events.useStore(local);
          events.emit({ code: 'store.degraded', message: err.message, file: unlockedFile(o.stack) });
          await runDeployment(
            { ...o, store: local },
            { ...run, context: { ...run.context, noLock: 'true', storeError: err.message } },
          );
        }
      } catch (err) {
        if (capture) {
          await events.flush(); // the capture reads the failed service from the events
          const service = await capture
            .write()
            .catch(
              (e: Error) => void process.stderr.write(`convoy: could not write the capture: ${e.message}\n`),
            );
          if (service) events.emit({ code: 'capture.written', service, file: opts.capture! });
        }
        throw err;
      } finally {
        await events.flush();
        await notify.finish();
        log?.close();
        out.finish();
        await local?.close();
        await o.close();
      }
    });
}
