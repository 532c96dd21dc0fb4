import { resolve, type Scope } from './intrinsics.js';
import { handlerFor } from './resources.js';
import { changedKeys, same } from './scope.js';
import type { Stack } from './stack.js';
import type { Template } from './template.js';

/**
 * DescribeChangeSet's `Changes`: a resource diff between the stack's template and the proposed one. Values that
 * depend on other resources stay symbolic, so a resource whose reference will change shows as a Dynamic Modify.
 */

export interface ResourceChange {
  Type: 'Resource';
  ResourceChange: {
    Action: 'Add' | 'Modify' | 'Remove';
    LogicalResourceId: string;
    PhysicalResourceId?: string;
    ResourceType: string;
    Replacement?: 'True' | 'False' | 'Conditional';
    PolicyAction?: string;
    Scope: string[];
    Details: unknown[];
  };
}

function symbolicScope(template: Template, params: Record<string, string>, stackName: string): Scope {
  return {
    param: (n) => params[n],
    pseudo: (n) => (n === 'AWS::StackName' ? stackName : n.startsWith('AWS::') ? `{${n}}` : undefined),
    ref: (id) => `{Ref:${id}}`,
    getAtt: (id, attr) => `{GetAtt:${id}.${attr}}`,
    isResource: (id) => id in template.Resources,
  };
}

export function computeChanges(
  stack: Stack | undefined,
  oldTemplate: Template | undefined,
  oldParams: Record<string, string>,
  next: Template,
  nextParams: Record<string, string>,
  stackName: string,
): ResourceChange[] {
  const changes: ResourceChange[] = [];
  const replaced = new Set<string>();
  const maybe = new Set<string>();
  const modified = new Map<string, string[]>();
  const oldRes = stack?.resources.size ? (oldTemplate?.Resources ?? {}) : {};
  for (const [id, decl] of Object.entries(next.Resources)) {
    const before = oldRes[id];
    if (!before) continue;
    const a = resolve(before.Properties ?? {}, symbolicScope(oldTemplate!, oldParams, stackName)) as Record<
      string,
      unknown
    >;
    const b = resolve(decl.Properties ?? {}, symbolicScope(next, nextParams, stackName)) as Record<
      string,
      unknown
    >;
    if (before.Type === decl.Type && same(a, b)) continue;
    const keys = changedKeys(a, b);
    modified.set(id, keys);
    const h = handlerFor(decl.Type);
    if (before.Type !== decl.Type || h.replaceOn === 'all' || keys.some((k) => h.replaceOn.includes(k)))
      replaced.add(id);
    else if (keys.some((k) => h.replaceMaybe?.includes(k))) maybe.add(id);
  }
  // A resource referring to a replaced one gets a new value for that reference.
  for (const [id, decl] of Object.entries(next.Resources)) {
    if (!oldRes[id] || modified.has(id)) continue;
    const text = JSON.stringify(decl.Properties ?? {});
    const refs = [...replaced].filter((r) => text.includes(`"${r}"`) || text.includes(`\${${r}`));
    if (refs.length) modified.set(id, [`@dynamic:${refs.join(',')}`]);
  }
  for (const [id, decl] of Object.entries(next.Resources)) {
    if (!oldRes[id]) {
      changes.push(change('Add', id, decl.Type, undefined, undefined, []));
      continue;
    }
    const keys = modified.get(id);
    if (!keys) continue;
    const physical = stack?.resources.get(id)?.physicalId;
    const dynamic = keys[0]?.startsWith('@dynamic:');
    const details = dynamic
      ? keys[0]!
          .slice('@dynamic:'.length)
          .split(',')
          .map((src) => ({
            Target: { Attribute: 'Properties', RequiresRecreation: 'Never' },
            Evaluation: 'Dynamic',
            ChangeSource: 'ResourceReference',
            CausingEntity: src,
          }))
      : keys.map((k) => ({
          Target: {
            Attribute: 'Properties',
            Name: k,
            RequiresRecreation: recreation(handlerFor(decl.Type), k, oldRes[id]!.Type !== decl.Type),
          },
          Evaluation: 'Static',
          ChangeSource: 'DirectModification',
        }));
    // The most impact decides: any Always is True, else any Conditionally is Conditional.
    const replacement = replaced.has(id) ? 'True' : maybe.has(id) ? 'Conditional' : 'False';
    changes.push(change('Modify', id, decl.Type, physical, replacement, details));
  }
  for (const [id, decl] of Object.entries(oldRes)) {
    if (!(id in next.Resources))
      changes.push(change('Remove', id, decl.Type, stack?.resources.get(id)?.physicalId, undefined, []));
  }
  return changes;
}

function recreation(h: ReturnType<typeof handlerFor>, key: string, typeChanged: boolean): string {
  if (typeChanged || h.replaceOn === 'all' || h.replaceOn.includes(key)) return 'Always';
  return h.replaceMaybe?.includes(key) ? 'Conditionally' : 'Never';
}

function change(
  action: 'Add' | 'Modify' | 'Remove',
  id: string,
  type: string,
  physical: string | undefined,
  replacement: 'True' | 'False' | 'Conditional' | undefined,
  details: unknown[],
): ResourceChange {
  // unverified: PolicyAction as the API reference lists it, for the default DeletionPolicy (Delete).
  const policy = action === 'Remove' ? 'Delete' : replacement === 'True' ? 'ReplaceAndDelete' : undefined;
  return {
    Type: 'Resource',
    ResourceChange: {
      ...(policy ? { PolicyAction: policy } : {}),
      Action: action,
      LogicalResourceId: id,
      ...(physical ? { PhysicalResourceId: physical } : {}),
      ResourceType: type,
      ...(replacement ? { Replacement: replacement } : {}),
      Scope: action === 'Modify' ? ['Properties'] : [],
      Details: details,
    },
  };
}
