import type { Command } from 'commander';
import { loadStack } from '../../spec/load.js';
import { lenient } from '../../api/env.js';
import { describeStore, openStore, storeChoice } from '../../api/store-select.js';
import { cliEnv } from '../setup.js';

export function register(program: Command): void {
  const store = program.command('store').description('the state store: lock, queue, history, revisions');
  store
    .command('init')
    .description('create the store if missing: the DynamoDB table (pay-per-request, TTL) or the SQLite file')
    .action(async () => {
      const stack = loadStack(program.opts().file, { env: lenient(cliEnv()) });
      const choice = storeChoice(stack, cliEnv());
      if (choice.kind === 'dynamodb') {
        const { initDynamoTable } = await import('../../store/dynamodb/index.js');
        const r = await initDynamoTable({
          table: choice.table!,
          region: choice.region,
          endpoint: choice.endpoint,
          log: (m) => process.stderr.write(`convoy: ${m}\n`),
        });
        process.stdout.write(`${describeStore(choice)}: ${r.created ? 'created' : 'already exists'}\n`);
        return;
      }
      await (await openStore(stack, choice)).close();
      process.stdout.write(`${describeStore(choice)}: ready\n`);
    });
}
