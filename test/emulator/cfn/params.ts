import { AwsError } from '../core/errors.js';
import type { Template } from './template.js';

/** Parameter values for a stack operation, checked the way CloudFormation checks them. */

export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

export function resolveParameters(
  template: Template,
  input: ParameterInput[] | undefined,
  previous: Record<string, string> = {},
): Record<string, string> {
  const declared = template.Parameters;
  const given = new Map((input ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey!, p]));
  const unknown = [...given.keys()].filter((k) => !(k in declared));
  if (unknown.length)
    throw new AwsError('ValidationError', `Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, decl] of Object.entries(declared)) {
    const p = given.get(name);
    const value = p?.UsePreviousValue
      ? previous[name]
      : (p?.ParameterValue ?? (decl.Default !== undefined ? String(decl.Default) : undefined));
    if (value === undefined) {
      missing.push(name);
      continue;
    }
    if (decl.AllowedValues && !decl.AllowedValues.map(String).includes(value)) {
      throw new AwsError('ValidationError', `Parameter '${name}' must be one of AllowedValues`);
    }
    out[name] = value;
  }
  if (missing.length)
    throw new AwsError('ValidationError', `Parameters: [${missing.join(', ')}] must have values`);
  return out;
}

export function parameterValue(template: Template, name: string, value: string): string | string[] {
  const type = template.Parameters[name]?.Type ?? 'String';
  return type === 'CommaDelimitedList' || type.startsWith('List<') ? value.split(',') : value;
}
