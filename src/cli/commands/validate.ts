import type { Command } from 'commander';
import { computeWaves } from '../../plan/graph.js';
import { loadStack } from '../../spec/load.js';
import { cliEnv } from '../setup.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'check the stack file: syntax, fields, ${VAR}s, dependencies and cycles (exit 3 on a problem)',
    )
    .action(() => {
      const stack = loadStack(program.opts().file, { env: cliEnv() });
      const waves = computeWaves(stack.services);
      process.stdout.write(
        `${stack.file}: ok — stack ${stack.name}, ${stack.services.length} services in ${waves.length} waves\n`,
      );
    });
}
