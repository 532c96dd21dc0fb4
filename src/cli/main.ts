#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConvoyError, ExitCode } from '../errors.js';
import * as deploy from './commands/deploy.js';
import * as down from './commands/down.js';
import * as history from './commands/history.js';
import * as lock from './commands/lock.js';
import * as logs from './commands/logs.js';
import * as plan from './commands/plan.js';
import * as rollback from './commands/rollback.js';
import * as schema from './commands/schema.js';
import * as status from './commands/status.js';
import * as validate from './commands/validate.js';
import { DEFAULT_FILE } from './setup.js';

const program = new Command('convoy')
  .description(
    'Deploy multi-service stacks safely: ordered waves, health gates, fail-fast, automatic rollback.',
  )
  .version('0.1.0')
  .option('-f, --file <path>', 'stack file', process.env.CONVOY_FILE ?? DEFAULT_FILE)
  .exitOverride()
  .showHelpAfterError();

for (const c of [deploy, plan, validate, schema, status, logs, down, history, rollback, lock])
  c.register(program);

/** The one place errors become exit codes (README "Exit codes"). */
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : ExitCode.invalidInput;
  } else if (err instanceof ConvoyError) {
    process.stderr.write(`convoy: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`convoy: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = ExitCode.deployFailed;
  }
}
