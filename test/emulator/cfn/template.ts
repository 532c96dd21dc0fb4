import { parse as parseYaml, type ScalarTag, type CollectionTag, type YAMLMap, type YAMLSeq } from 'yaml';
import { AwsError } from '../core/errors.js';

/** A template as CloudFormation reads it: JSON or YAML (with the `!Ref`-style short forms), validated lightly. */

export interface ResourceDecl {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
}

export interface ParameterDecl {
  Type?: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  Description?: string;
  NoEcho?: boolean | string;
}

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters: Record<string, ParameterDecl>;
  Resources: Record<string, ResourceDecl>;
  Outputs: Record<string, { Value: unknown; Description?: string; Export?: { Name: unknown } }>;
}

const formatError = (detail: string) => new AwsError('ValidationError', `Template format error: ${detail}`);

const FN = [
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
];

/** `!Ref x` → `{Ref: x}`, `!GetAtt a.b` → `{Fn::GetAtt: [a, b]}`, `!Sub s` → `{Fn::Sub: s}`, and so on. */
const shortForms: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (v: string) => ({ Ref: v }) } as ScalarTag,
  ...FN.flatMap((fn) => {
    const key = `Fn::${fn}`;
    const scalar: ScalarTag = {
      tag: `!${fn}`,
      resolve: (v: string) => ({ [key]: fn === 'GetAtt' ? splitGetAtt(v) : v }),
    };
    const seq: CollectionTag = {
      tag: `!${fn}`,
      collection: 'seq',
      resolve: (v: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [key]: v.toJSON() }),
    };
    const map: CollectionTag = {
      tag: `!${fn}`,
      collection: 'map',
      resolve: (v: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [key]: v.toJSON() }),
    };
    return [scalar, seq, map];
  }),
];

function splitGetAtt(v: string): string[] {
  const dot = v.indexOf('.');
  return dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)];
}

export function parseTemplate(body: string | undefined): Template {
  // unverified wording
  if (!body || body.trim() === '') throw new AwsError('ValidationError', 'Template body is empty');
  let raw: unknown;
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      raw = JSON.parse(body);
    } catch {
      throw formatError('JSON not well-formed.');
    }
  } else {
    try {
      raw = parseYaml(body, { customTags: shortForms, uniqueKeys: true });
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw formatError(`YAML not well-formed.${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}`);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw formatError('unsupported structure.');
  const t = raw as Partial<Template>;
  if (!t.Resources || typeof t.Resources !== 'object' || Object.keys(t.Resources).length === 0) {
    throw formatError('At least one Resources member must be defined.');
  }
  for (const [id, r] of Object.entries(t.Resources)) {
    if (!r || typeof r !== 'object' || typeof (r as ResourceDecl).Type !== 'string') {
      throw formatError(`[/Resources/${id}] Every Resources object must contain a Type member.`);
    }
  }
  return {
    ...t,
    Parameters: t.Parameters ?? {},
    Resources: t.Resources,
    Outputs: t.Outputs ?? {},
  } as Template;
}
