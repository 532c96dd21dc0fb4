import type { Change, DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { GateOptions } from '../target.js';
import type { AwsContext } from './context.js';

/**
 * A create or update goes through a change set, so people see what will change before it does, and an update that
 * changes nothing is recognised as such instead of failing.
 */

export async function createChangeSet(
  ctx: AwsContext,
  cf: { stackName: string; templateBody: string; parameters: Record<string, string>; capabilities: string[] },
  type: 'CREATE' | 'UPDATE',
  revision: string,
): Promise<string> {
  const name = `convoy-${revision}-${ctx.clock.now().toString(36)}`;
  const out = await ctx.clients.cfn.createChangeSet({
    StackName: cf.stackName,
    ChangeSetName: name,
    ChangeSetType: type,
    TemplateBody: cf.templateBody,
    Parameters: Object.entries(cf.parameters).map(([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    })),
    ...(cf.capabilities.length ? { Capabilities: cf.capabilities as never } : {}),
    Description: `convoy ${ctx.stack.name} revision ${revision}`,
  });
  return out.Id!;
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

export type ChangeSetOutcome =
  { kind: 'ready'; changes: Change[] } | { kind: 'no-changes' } | { kind: 'failed'; reason: string };

/** Waits until CloudFormation has computed the change set, then reports its changes as progress lines. */
export async function awaitChangeSet(
  ctx: AwsContext,
  arn: string,
  opts: GateOptions,
  pollMs: number,
): Promise<ChangeSetOutcome> {
  for (;;) {
    const cs = await describeAll(ctx, arn);
    if (cs.Status === 'CREATE_COMPLETE') {
      const changes = cs.Changes ?? [];
      opts.progress?.({
        message: `change set ${cs.ChangeSetName}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`,
      });
      for (const c of changes) opts.progress?.({ message: describeChange(c) });
      return { kind: 'ready', changes };
    }
    if (cs.Status === 'FAILED') {
      if (NO_CHANGES.test(cs.StatusReason ?? '')) return { kind: 'no-changes' };
      return { kind: 'failed', reason: cs.StatusReason ?? 'the change set could not be created' };
    }
    await ctx.clock.sleep(pollMs, opts.signal);
  }
}

async function describeAll(ctx: AwsContext, arn: string): Promise<DescribeChangeSetCommandOutput> {
  const first = await ctx.clients.cfn.describeChangeSet({ ChangeSetName: arn });
  let next = first.NextToken;
  const changes = [...(first.Changes ?? [])];
  while (next) {
    const page = await ctx.clients.cfn.describeChangeSet({ ChangeSetName: arn, NextToken: next });
    changes.push(...(page.Changes ?? []));
    next = page.NextToken;
  }
  return { ...first, Changes: changes };
}

/** `Modify AWS::ECS::Service Service (replacement: False; Properties: TaskDefinition)`, as the console lists it. */
export function describeChange(c: Change): string {
  const r = c.ResourceChange;
  if (!r) return `${c.Type ?? 'change'}`;
  const props = (r.Details ?? [])
    .map((d) => d.Target?.Name ?? d.CausingEntity)
    .filter((n): n is string => !!n);
  const extra = [
    ...(r.Replacement ? [`replacement: ${r.Replacement}`] : []),
    ...(props.length ? [`properties: ${[...new Set(props)].join(', ')}`] : []),
  ];
  return `${r.Action} ${r.ResourceType} ${r.LogicalResourceId}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}
