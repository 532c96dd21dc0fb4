import { AwsError } from '../core/errors.js';
import { checkReferences } from './intrinsics.js';
import { resolveParameters, type ParameterInput } from './params.js';
import type { Stack } from './stack.js';
import { parseTemplate, type Template } from './template.js';

/** What CloudFormation checks synchronously when a template is submitted (CreateStack, UpdateStack, change sets). */

const validation = (message: string) => new AwsError('ValidationError', message);

export interface Submission {
  TemplateBody?: string;
  TemplateURL?: string;
  UsePreviousTemplate?: boolean;
  Parameters?: ParameterInput[];
  Capabilities?: string[];
}

export function prepare(input: Submission, stack: Stack | undefined) {
  if (input.TemplateURL) throw validation('TemplateURL must be a supported URL.');
  let body: string;
  if (input.UsePreviousTemplate) {
    if (!stack) throw validation('UsePreviousTemplate can only be used with an existing stack.'); // unverified
    if (input.TemplateBody)
      throw validation('You cannot specify both usePreviousTemplate and Template Body/Template Url');
    body = stack.templateBody;
  } else {
    if (!input.TemplateBody) throw validation('Either Template URL or Template Body must be specified.');
    body = input.TemplateBody;
  }
  const template = parseTemplate(body);
  checkReferences(template.Resources, new Set(Object.keys(template.Parameters)));
  const params = resolveParameters(template, input.Parameters, stack?.parameters);
  const cap = requiredCapability(template);
  const given = input.Capabilities ?? [];
  const ok =
    cap === undefined ||
    given.includes(cap) ||
    (cap === 'CAPABILITY_IAM' && given.includes('CAPABILITY_NAMED_IAM'));
  if (!ok) throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${cap}]`);
  return { template, body, params };
}

export function checkName(name: unknown, what: 'stackName' | 'changeSetName'): string {
  const s = String(name ?? '');
  if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(s) || s.length > 128) {
    throw validation(
      `1 validation error detected: Value '${s}' at '${what}' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
  }
  return s;
}

/** IAM resources need CAPABILITY_IAM, or CAPABILITY_NAMED_IAM when they carry custom names. */
export function requiredCapability(t: Template): 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | undefined {
  const iam = Object.values(t.Resources).filter((r) => r.Type.startsWith('AWS::IAM::'));
  if (iam.length === 0) return undefined;
  const names = ['RoleName', 'UserName', 'GroupName', 'ManagedPolicyName', 'InstanceProfileName'];
  return iam.some((r) => names.some((k) => r.Properties?.[k] !== undefined))
    ? 'CAPABILITY_NAMED_IAM'
    : 'CAPABILITY_IAM';
}

export function iamResources(t: Template): string[] {
  return Object.entries(t.Resources)
    .filter(([, r]) => r.Type.startsWith('AWS::IAM::'))
    .map(([id]) => id);
}
