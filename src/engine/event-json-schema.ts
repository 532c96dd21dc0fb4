import { z } from 'zod';
import { ConvoyEventSchema, EVENT_SCHEMA_VERSION } from './events.js';

/** `convoy schema events`: the one schema of what `--json`, `convoy events` and the store's stream carry. */
export function eventsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ConvoyEventSchema, {
    io: 'input', // input: no additionalProperties false, since a newer convoy may add optional fields
    target: 'draft-7',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = generated;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Convoy events',
    description:
      'One event of a stack’s stream, as `convoy deploy --json` and `convoy events --json` print it (one per line). ' +
      '`schemaVersion` changes only when a field is removed, renamed or retyped; new codes and optional fields may ' +
      'appear within a version.',
    schemaVersion: EVENT_SCHEMA_VERSION,
    ...rest,
  };
}
