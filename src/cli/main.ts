#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConvoyError, ExitCode } from '../errors.js';
import * as approve from './commands/approve.js';
import * as deploy from './commands/deploy.js';
import * as diagnose from './commands/diagnose.js';
import * as diffCmd from './commands/diff.js';
import * as down from './commands/down.js';
import * as eventsCmd from './commands/events.js';
import * as history from './commands/history.js';
import * as lock from './commands/lock.js';
import * as logs from './commands/logs.js';
import * as notifyCmd from './commands/notify.js';
import * as plan from './commands/plan.js';
import * as restart from './commands/restart.js';
import * as rollback from './commands/rollback.js';
import * as scaleCmd from './commands/scale.js';
import * as schema from './commands/schema.js';
import * as serve from './commands/serve.js';
import * as status from './commands/status.js';
import * as storeCmd from './commands/store.js';
import * as validate from './commands/validate.js';
import * as verify from './commands/verify.js';
import { DEFAULT_FILE, setCliEnv } from './setup.js';
import { versionText } from './version.js';

// The SDK warns on every run under Node 20 about its releases of 2027; convoy pins its SDK version, so the warning
// is noise in every deployment log. `convoy --version` says it once instead (version.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('convoy')
  .description(
    'Deploy multi-service stacks safely: ordered waves, health gates, fail-fast, automatic rollback.',
  )
  .version(versionText())
  .option('-f, --file <path>', 'stack file', process.env.CONVOY_FILE ?? DEFAULT_FILE)
  .option('--store <kind>', 'state store: sqlite or dynamodb (overrides the stack file; env CONVOY_STORE)')
  .option('--store-table <name>', 'dynamodb table (env CONVOY_STORE_TABLE)')
  .option('--store-endpoint <url>', 'dynamodb endpoint, e.g. a local DynamoDB (env CONVOY_STORE_ENDPOINT)')
  .hook('preAction', (cmd) => {
    // The environment is read once, here; the flags lay over it, so flag and env overrides are one mechanism.
    const o = cmd.opts() as { store?: string; storeTable?: string; storeEndpoint?: string };
    setCliEnv({
      ...process.env,
      ...(o.store ? { CONVOY_STORE: o.store } : {}),
      ...(o.storeTable ? { CONVOY_STORE_TABLE: o.storeTable } : {}),
      ...(o.storeEndpoint ? { CONVOY_STORE_ENDPOINT: o.storeEndpoint } : {}),
    });
  })
  .exitOverride()
  .showHelpAfterError();

for (const c of [
  deploy,
  plan,
  diffCmd,
  validate,
  verify,
  diagnose,
  schema,
  status,
  logs,
  down,
  history,
  eventsCmd,
  rollback,
  restart,
  scaleCmd,
  lock,
  storeCmd,
  serve,
  notifyCmd,
  approve,
])
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
  } else if (err && typeof err === 'object' && '$metadata' in err) {
    // An AWS service said no (validation, permissions, missing resource): its own words are the useful part.
    const e = err as unknown as Error;
    process.stderr.write(`convoy: AWS ${e.name}: ${e.message}\n`);
    process.exitCode = ExitCode.deployFailed;
  } else {
    process.stderr.write(`convoy: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = ExitCode.deployFailed;
  }
}
