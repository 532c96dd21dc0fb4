import type { AwsContext } from '../core/context.js';
import { references, resolve, type Scope } from './intrinsics.js';
import { parameterValue } from './params.js';
import { refOf } from './resources.js';
import { dependencyOrder } from './runner.js';
import type { Template } from './template.js';

/** How a stack's template reads: what Ref and GetAtt resolve to, in which order resources go, what changed. */

type Props = Record<string, unknown>;

export interface ScopeSource {
  name: string;
  id: string;
  parameters: Record<string, string>;
  resources: Map<string, { type: string; physicalId: string; attrs: Record<string, string> }>;
}

export function stackScope(stack: ScopeSource, ctx: AwsContext, template: Template): Scope {
  const pseudo: Record<string, string> = {
    'AWS::Region': ctx.region,
    'AWS::AccountId': ctx.accountId,
    'AWS::StackName': stack.name,
    'AWS::StackId': stack.id,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  return {
    param: (n) => (n in stack.parameters ? parameterValue(template, n, stack.parameters[n]!) : undefined),
    pseudo: (n) => pseudo[n],
    ref: (id) => {
      const r = stack.resources.get(id);
      return r?.physicalId ? refOf(r.type, r.physicalId) : undefined;
    },
    getAtt: (id, attr) => {
      const r = stack.resources.get(id);
      return r?.attrs[attr] ?? (r?.physicalId && attr === 'Arn' ? r.physicalId : undefined);
    },
    isResource: (id) => id in template.Resources,
  };
}

/** Each resource's dependencies (Ref, GetAtt, Sub and DependsOn), in an order where dependencies come first. */
export function dependencies(template: Template): Map<string, string[]> {
  const isResource = (id: string) => id in template.Resources;
  const direct = new Map(
    Object.entries(template.Resources).map(([id, r]) => [
      id,
      [...references(r.Properties, isResource), ...[r.DependsOn ?? []].flat()].filter((d) => d !== id),
    ]),
  );
  return new Map(dependencyOrder(direct).map((id) => [id, direct.get(id)!]));
}

export function outputs(template: Template, scope: Scope) {
  return Object.entries(template.Outputs).map(([key, o]) => ({
    OutputKey: key,
    OutputValue: String(resolve(o.Value, scope)),
    ...(o.Description ? { Description: o.Description } : {}),
    ...(o.Export ? { ExportName: String(resolve(o.Export.Name, scope)) } : {}),
  }));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Props)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Deep equality that ignores key order, as CloudFormation compares properties. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function changedKeys(a: Props, b: Props): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !same(a[k], b[k]));
}
