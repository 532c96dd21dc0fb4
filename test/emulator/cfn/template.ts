import { parse as parseYaml } from 'yaml';
import { CFN_SHORT_FORMS } from '../../../src/verify/aws/cfn-template.js';
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
      raw = parseYaml(body, { customTags: CFN_SHORT_FORMS, uniqueKeys: true });
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
