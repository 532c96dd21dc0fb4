import type { Command } from 'commander';
import { eventsJsonSchema } from '../../engine/event-json-schema.js';
import { InvalidInputError } from '../../errors.js';
import { stackJsonSchema } from '../../spec/json-schema.js';
import { printJson } from '../output.js';

const DOCUMENTS: Record<string, () => Record<string, unknown>> = {
  stack: stackJsonSchema,
  events: eventsJsonSchema,
};

export function register(program: Command): void {
  program
    .command('schema')
    .description(
      'print a JSON Schema: of the stack file (default; for editors, yaml-language-server), or of the events',
    )
    .argument('[document]', `${Object.keys(DOCUMENTS).join(' or ')}`, 'stack')
    .action((document: string) => {
      const schema = DOCUMENTS[document];
      if (!schema)
        throw new InvalidInputError(
          `convoy schema prints ${Object.keys(DOCUMENTS).join(' or ')}, not "${document}"`,
        );
      printJson(schema());
    });
}
