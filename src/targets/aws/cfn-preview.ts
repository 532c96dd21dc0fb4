import type { ChangePreview, Unit } from '../target.js';
import { awaitChangeSet, createChangeSet, describeChange } from './cfn-changeset.js';
import { decide, describeDestructive } from './cfn-protect.js';
import { findStack, stateProblem } from './cfn-state.js';
import type { AwsContext } from './context.js';

/** The longest `convoy plan` waits for CloudFormation to compute one change set. */
const PREVIEW_TIMEOUT_MS = 300_000;

/**
 * `convoy plan` for a CloudFormation phase: the change set a deployment would create, with the gate's verdict on
 * it, computed and then deleted again, also when the wait fails or is interrupted. A stack the change set had to
 * create (REVIEW_IN_PROGRESS) is deleted with it.
 */
export async function previewCfn(
  ctx: AwsContext,
  unit: Unit,
  signal?: AbortSignal,
): Promise<ChangePreview | undefined> {
  const cf = unit.service.cloudformation;
  if (cf?.templateBody === undefined) return undefined;
  const stack = await findStack(ctx.clients.cfn, cf.stackName);
  const problem = stateProblem(cf.stackName, stack?.StackStatus);
  if (problem) return { changes: [`${problem.message}; ${problem.fix}`], blocked: [], allowed: [] };
  const type = stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
  const arn = await createChangeSet(ctx, { ...cf, templateBody: cf.templateBody }, type, unit.revision);
  try {
    const outcome = await awaitChangeSet(
      ctx,
      arn,
      { timeoutMs: PREVIEW_TIMEOUT_MS, ...(signal ? { signal } : {}) },
      ctx.timing.pollMs,
    );
    if (outcome.kind === 'no-changes') return { changes: ['no changes'], blocked: [], allowed: [] };
    if (outcome.kind === 'failed')
      return { changes: [`the change set failed: ${outcome.reason}`], blocked: [], allowed: [] };
    const gate = decide(outcome.changes, cf.protect, ctx.allowReplace);
    return {
      changes: outcome.changes.map(describeChange),
      blocked: gate.blocked.map(describeDestructive),
      allowed: gate.allowed.map(describeDestructive),
      ...(gate.blocked.length
        ? { allowWith: `--allow-replace ${gate.blocked.map((d) => d.logicalId).join(' ')}` }
        : {}),
    };
  } finally {
    await ctx.clients.cfn.deleteChangeSet({ ChangeSetName: arn }).catch(() => undefined);
    if (!stack) await deleteReviewStack(ctx, cf.stackName).catch(() => undefined);
  }
}

/** The longest `convoy plan` waits for a stack it created only to preview to be gone again. */
const DELETE_WAIT_MS = 120_000;

/**
 * Deletes the stack a CREATE change set made, and waits until it is gone: a deployment started right after the plan
 * would otherwise find it DELETE_IN_PROGRESS. Not interruptible: cleaning up is what an interruption asks for.
 */
async function deleteReviewStack(ctx: AwsContext, stackName: string): Promise<void> {
  await ctx.clients.cfn.deleteStack({ StackName: stackName });
  const until = ctx.clock.now() + DELETE_WAIT_MS;
  while (ctx.clock.now() < until && (await findStack(ctx.clients.cfn, stackName)))
    await ctx.clock.sleep(ctx.timing.pollMs);
}

/** The stack's Outputs as `OutputKey` → `OutputValue`. */
export async function stackOutputs(ctx: AwsContext, stackName: string): Promise<Record<string, string>> {
  const stack = await findStack(ctx.clients.cfn, stackName);
  if (!stack) throw new Error(`CloudFormation stack ${stackName} does not exist`);
  return Object.fromEntries(
    (stack.Outputs ?? []).flatMap((o) => (o.OutputKey ? [[o.OutputKey, o.OutputValue ?? '']] : [])),
  );
}
