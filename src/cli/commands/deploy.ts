import type { Command } from 'commander';
import { deploy } from '../../api/deploy.js';
import type { Subscriber } from '../../engine/events.js';
import { parseDuration } from '../../spec/schema.js';
import { InvalidInputError } from '../../errors.js';
import { deployOutput } from '../output.js';
import { describe } from '../render/describe.js';
import { correlationIdFrom } from '../../api/who.js';
import { eventLog, logFormat } from '../log.js';
import { cliEnv, withOpened } from '../setup.js';

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

interface DeployFlags {
  waitLock?: string;
  cancelSuperseded?: boolean;
  correlationId?: string;
  json?: boolean;
  capture?: string;
  skipVerify?: boolean;
  approve?: boolean;
  reject?: boolean;
  /** false with --no-lock. */
  lock?: boolean;
  logFormat?: string;
  logFile?: string;
  allowReplace?: string[];
}

/** CONVOY_NOTIFY_GRACE_MS: how long a finished command keeps sending notifications (the library's default: 3 s). */
export function notifyGraceMs(): number | undefined {
  const v = Number(cliEnv().CONVOY_NOTIFY_GRACE_MS);
  return cliEnv().CONVOY_NOTIFY_GRACE_MS !== undefined && Number.isFinite(v) ? v : undefined;
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
    .option('--approve', "answer every wave's pause (pauseAt) with CONTINUE, recorded as yours")
    .option('--reject', "answer every wave's pause (pauseAt) with ROLLBACK, recorded as yours")
    .option(
      '--no-lock',
      'if the shared state store cannot be reached, deploy anyway without the lock (recorded in the audit trail once the store is back)',
    )
    .option('--log-format <format>', 'also write a structured log of the run: json (pino) or pretty')
    .option('--log-file <path>', 'where the structured log goes (default: stderr); implies --log-format json')
    .option(
      '--allow-replace <logicalIds...>',
      'let CloudFormation remove or replace these protected resources (logical ids in the change set)',
    )
    .action(async (opts: DeployFlags) => {
      const wait = waitLockMs(opts.waitLock);
      const format = logFormat(opts.logFormat) ?? (opts.logFile ? 'json' : undefined);
      const correlationId = correlationIdFrom(opts.correlationId, cliEnv());
      await withOpened(program.opts().file, { allowReplace: opts.allowReplace }, async (o) => {
        const out = deployOutput(opts, cliEnv());
        const log = format
          ? eventLog({ format, file: opts.logFile }, { stack: o.stack.name, correlationId })
          : undefined;
        try {
          await deploy(o, {
            correlationId,
            notifyGraceMs: notifyGraceMs(),
            waitLockMs: wait,
            cancelSuperseded: opts.cancelSuperseded,
            skipVerify: opts.skipVerify,
            pauseDecision: opts.reject ? 'ROLLBACK' : opts.approve ? 'CONTINUE' : undefined,
            allowUnlocked: opts.lock === false,
            captureFile: opts.capture,
            subscribers: [...out.subscribers, notices, ...(log ? [log.subscriber] : [])],
            signal: interruptSignal(),
          });
        } finally {
          log?.close();
          out.finish();
        }
      });
    });
}

/** What the operation around the deployment did, on stderr, so stdout keeps the deployment's own lines. */
const notices: Subscriber = (e) => {
  if (e.code === 'store.degraded' || e.code === 'history.imported' || e.code === 'capture.written')
    process.stderr.write(`convoy: ${describe(e)}\n`);
};
