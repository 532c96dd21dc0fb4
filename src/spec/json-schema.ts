import { z } from 'zod';
import { StackSpec } from './schema.js';

/**
 * A JSON Schema of the stack file for editors (yaml-language-server: `# yaml-language-server: $schema=...`).
 * Draft-07 because that is what editors support best. It describes what may be written, so cross-service rules
 * and refinements (one of command/http/tcp) are only checked by `convoy validate`.
 */
export function stackJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(StackSpec, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = generated;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Convoy stack file',
    description:
      'A multi-service stack deployed by Convoy: services, their dependencies and health checks. Values may use ${VAR}, ${VAR:-default} and ${VAR-default}.',
    ...rest,
  };
}
