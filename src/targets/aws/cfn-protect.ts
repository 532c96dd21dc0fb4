import type { Change } from '@aws-sdk/client-cloudformation';

/**
 * The gate on destructive changes: a change set that would remove a protected resource, or replace it (`Modify`
 * with `Replacement: True` or `Conditional`), stops before it runs unless the user named the resource with
 * `--allow-replace`. Protected by default: stateful resources and load balancers.
 */
export const DEFAULT_PROTECTED: readonly string[] = [
  'AWS::RDS::',
  'AWS::DynamoDB::',
  'AWS::S3::',
  'AWS::EFS::',
  'AWS::ElastiCache::',
  'AWS::ElasticLoadBalancingV2::',
  'AWS::ECS::Service',
];

export interface DestructiveChange {
  logicalId: string;
  type: string;
  action: 'Remove' | 'Modify';
  /** For a Modify: `True` or `Conditional`. */
  replacement?: string;
  /** The properties that cause the replacement, as CloudFormation names them. */
  properties: string[];
}

export interface GateDecision {
  /** Destructive changes on protected types that nobody allowed: the change set must not run. */
  blocked: DestructiveChange[];
  /** Destructive changes the user allowed with --allow-replace. */
  allowed: DestructiveChange[];
}

export function destructiveChanges(
  changes: readonly Change[],
  protect: readonly string[] = DEFAULT_PROTECTED,
): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const c of changes) {
    const r = c.ResourceChange;
    if (!r?.LogicalResourceId || !r.ResourceType) continue;
    if (!protect.some((p) => r.ResourceType!.startsWith(p))) continue;
    const replaces = r.Action === 'Modify' && (r.Replacement === 'True' || r.Replacement === 'Conditional');
    if (r.Action !== 'Remove' && !replaces) continue;
    const causing = (r.Details ?? [])
      .filter((d) => d.Target?.RequiresRecreation !== 'Never')
      .map((d) => d.Target?.Name ?? d.CausingEntity)
      .filter((n): n is string => !!n);
    out.push({
      logicalId: r.LogicalResourceId,
      type: r.ResourceType,
      action: r.Action === 'Remove' ? 'Remove' : 'Modify',
      ...(replaces ? { replacement: r.Replacement } : {}),
      properties: [...new Set(causing)],
    });
  }
  return out;
}

export function decide(
  changes: readonly Change[],
  protect: readonly string[] | undefined,
  allowReplace: ReadonlySet<string>,
): GateDecision {
  const destructive = destructiveChanges(changes, protect ?? DEFAULT_PROTECTED);
  return {
    blocked: destructive.filter((d) => !allowReplace.has(d.logicalId)),
    allowed: destructive.filter((d) => allowReplace.has(d.logicalId)),
  };
}

/** `Database (AWS::RDS::DBInstance): Modify, replacement True, caused by Engine, DBInstanceIdentifier`. */
export function describeDestructive(d: DestructiveChange): string {
  const what = d.action === 'Remove' ? 'Remove' : `Modify, replacement ${d.replacement}`;
  const why = d.properties.length ? `, caused by ${d.properties.join(', ')}` : '';
  return `${d.logicalId} (${d.type}): ${what}${why}`;
}

/** The stop, in words: what would be lost, and the flag that lets it happen. */
export function blockedMessage(stackName: string, blocked: readonly DestructiveChange[]): string {
  const ids = blocked.map((d) => d.logicalId);
  return (
    `the change set for stack ${stackName} would remove or replace ${blocked.length === 1 ? 'a protected resource' : `${blocked.length} protected resources`}: ` +
    `${blocked.map(describeDestructive).join('; ')}. Nothing was executed and the change set was deleted; ` +
    `to let it happen, deploy again with --allow-replace ${ids.join(' ')}`
  );
}
