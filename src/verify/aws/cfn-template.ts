import { parse as parseYaml, type CollectionTag, type ScalarTag } from 'yaml';

/**
 * A CloudFormation template read for pre-flight questions: JSON, or YAML with the `!Ref`-style short forms. Every
 * YAML scalar stays a string (the failsafe schema), as CloudFormation reads them: `EngineVersion: 16.10` is
 * "16.10", not the number 16.1.
 */

export interface TemplateResource {
  Type?: string;
  Properties?: Record<string, unknown>;
}

export interface Template {
  Parameters?: Record<string, { Default?: unknown }>;
  Resources?: Record<string, TemplateResource>;
}

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'If',
  'Not',
  'Equals',
  'And',
  'Or',
  'Condition',
];

/** `!Ref x` → `{Ref: x}`, `!GetAtt a.b` → `{Fn::GetAtt: [a, b]}`, `!Sub s` → `{Fn::Sub: s}`, and so on. */
export const CFN_SHORT_FORMS: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (v: string) => ({ Ref: v }) } as ScalarTag,
  ...FUNCTIONS.flatMap((fn) => {
    const key = fn === 'Condition' ? 'Condition' : `Fn::${fn}`;
    return [
      {
        tag: `!${fn}`,
        resolve: (v: string) => ({ [key]: fn === 'GetAtt' ? splitGetAtt(v) : v }),
      } as ScalarTag,
      { tag: `!${fn}`, collection: 'seq', resolve: (v) => ({ [key]: v.toJSON() }) } as CollectionTag,
      { tag: `!${fn}`, collection: 'map', resolve: (v) => ({ [key]: v.toJSON() }) } as CollectionTag,
    ];
  }),
];

function splitGetAtt(v: string): string[] {
  const dot = v.indexOf('.');
  return dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)];
}

/** Undefined when the body is not a template this can read; CloudFormation itself will say why at deploy time. */
export function readTemplate(body: string): Template | undefined {
  try {
    const raw: unknown = body.trimStart().startsWith('{')
      ? JSON.parse(body)
      : parseYaml(body, { schema: 'failsafe', customTags: CFN_SHORT_FORMS });
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Template) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A property's value as a string: a literal, or a `Ref` to a parameter given in the stack file or defaulted in the
 * template. Anything else (Fn::If, Fn::FindInMap, …) is only known to CloudFormation: undefined.
 */
export function resolveString(
  value: unknown,
  template: Template,
  parameters: Record<string, string>,
): { value: string; parameter?: string; given?: boolean } | undefined {
  if (typeof value === 'string') return { value };
  if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref !== 'string') return undefined;
  const given = parameters[ref];
  if (given !== undefined) return { value: given, parameter: ref, given: true };
  const def = template.Parameters?.[ref]?.Default;
  return def === undefined || typeof def === 'object' ? undefined : { value: String(def), parameter: ref };
}
