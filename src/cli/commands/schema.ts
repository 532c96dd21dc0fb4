import type { Command } from 'commander';
import { outputJsonSchema } from '../../api/output-schemas.js';
import { eventsJsonSchema } from '../../engine/event-json-schema.js';
import { InvalidInputError } from '../../errors.js';
import { stackJsonSchema } from '../../spec/json-schema.js';
import { printJson } from '../output.js';

const DOCUMENTS: Record<string, () => Record<string, unknown>> = {
  stack: stackJsonSchema,
  events: eventsJsonSchema,
  plan: () => outputJsonSchema('plan'),
  status: () => outputJsonSchema('status'),
  verify: () => outputJsonSchema('verify'),
  diagnose: () => outputJsonSchema('diagnose'),
};

export function register(program: Command): void {
  program
    .command('schema')
    .description(
      'print a JSON Schema: of the stack file (default; for editors, yaml-language-server), of the events, or of the --json output of plan, status, verify or diagnose',
    )
    .argument('[document]', `${Object.keys(DOCUMENTS).join(', ')}`, 'stack')
    .action((document: string) => {
      const schema = DOCUMENTS[document];
      if (!schema)
        throw new InvalidInputError(
          `convoy schema prints ${Object.keys(DOCUMENTS).join(' or ')}, not "${document}"`,
        );
      printJson(schema());
    });
}
