import type { Command } from 'commander';
import { stackJsonSchema } from '../../spec/json-schema.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the stack file, for editors (yaml-language-server)')
    .action(() => printJson(stackJsonSchema()));
}
