import { InvalidInputError } from '../../errors.js';
import type { Gate, GateOptions, Unit, Verdict } from '../target.js';
import { passed } from '../verdicts.js';
import { fail, timedOut, type Failure } from './failure.js';
import { awaitChangeSet, createChangeSet } from './cfn-changeset.js';
import { blockedMessage, decide, describeDestructive } from './cfn-protect.js';
import { COMPLETE, findStack, ROLLED_BACK_OK, stateProblem } from './cfn-state.js';
import { watchStack, type WatchEnd } from './cfn-watch.js';
import type { AwsContext, CfnRun } from './context.js';
import { stackLink } from './links.js';
import { errorMessage } from './util.js';

/**
 * A CloudFormation phase. start() refuses stacks a person must repair first and creates the change set; awaitGate()
 * reports it, executes it and follows the stack to its end. Without a template the phase only watches the stack.
 */
export async function startCfn(ctx: AwsContext, unit: Unit): Promise<CfnRun> {
  const cf = unit.service.cloudformation!;
  const stack = await findStack(ctx.clients.cfn, cf.stackName);
  const problem = stateProblem(cf.stackName, stack?.StackStatus);
  if (problem?.kind === 'refuse')
    throw new InvalidInputError(problem.message, undefined, `fix: ${problem.fix}`);
  if (problem) throw new Error(`${problem.message}; ${problem.fix}`);
  const run: CfnRun = {
    kind: 'cloudformation',
    revision: unit.revision,
    stackName: cf.stackName,
    stackId: stack?.StackId,
    seenEvents: new Set(),
    startedAt: ctx.clock.now(),
  };
  if (stack) {
    const page = await ctx.clients.cfn.describeStackEvents({ StackName: stack.StackId ?? cf.stackName });
    for (const e of page.StackEvents ?? []) if (e.EventId) run.seenEvents.add(e.EventId);
  }
  if (cf.templateBody !== undefined) {
    const type = stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
    const body = { ...cf, templateBody: cf.templateBody };
    run.changeSet = { arn: await createChangeSet(ctx, body, type, unit.revision), type };
  }
  return run;
}

const TIMED_OUT = Symbol('timeout');

export async function awaitCfn(
  ctx: AwsContext,
  unit: Unit,
  run: CfnRun,
  gate: Gate,
  opts: GateOptions,
): Promise<Verdict> {
  const region = await ctx.region();
  const link = () => `stack: ${stackLink(region, run.stackId ?? run.stackName)}`;
  const name = unit.service.name;
  const remember = (verdict: Failure, end?: WatchEnd) => {
    const ecs = end && !end.ok ? end.ecs : undefined;
    ctx.memory.failures.set(name, {
      revision: unit.revision,
      verdict,
      stackName: run.stackName,
      cluster: ecs?.cluster,
      serviceName: ecs?.serviceName,
      service: ecs?.snapshot.service,
      tasks: ecs?.snapshot.tasks ?? [],
      ...(ecs?.taskArn ? { focus: ecs.taskArn } : {}),
    });
    return verdict;
  };
  // One signal for the engine's stop and our own timeout, so every wait below ends on either.
  const inner = new AbortController();
  const onAbort = () => inner.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = new AbortController();
  ctx.clock.sleep(opts.timeoutMs, timer.signal).then(
    () => inner.abort(TIMED_OUT),
    () => {},
  );
  const o: GateOptions = { ...opts, signal: inner.signal };
  let status = '';
  try {
    const started = await begin(ctx, run, o, link, unit.service.cloudformation!.protect);
    if (started !== 'follow') return started.ok ? started : remember(started);
    const end = await watchStack(
      ctx,
      run,
      o,
      { ...ctx.timing, stallWarningMs: unit.service.cloudformation!.stallWarning },
      (s) => {
        status = s?.StackStatus ?? status;
        if (s?.StackId) run.stackId = s.StackId;
      },
    );
    return end.ok ? passed(gate, ctx.clock.now()) : remember(endVerdict(ctx, run, end, link()), end);
  } catch (err) {
    if (inner.signal.reason !== TIMED_OUT) throw err;
    return remember(
      timedOut(gate, opts.timeoutMs, ctx.clock.now(), {
        check: 'CloudFormation stack',
        output: `stack ${run.stackName} is ${status || 'not settled'}\n${link()}`,
      }),
    );
  } finally {
    timer.abort();
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/** Executes the change set (or settles a no-op); for a watch-only phase, decides at once when nothing runs. */
async function begin(
  ctx: AwsContext,
  run: CfnRun,
  opts: GateOptions,
  link: () => string,
  protect: readonly string[] | undefined,
): Promise<Verdict | 'follow'> {
  const { cfn } = ctx.clients;
  const now = () => ctx.clock.now();
  if (run.changeSet) {
    const outcome = await awaitChangeSet(ctx, run.changeSet.arn, opts, ctx.timing.pollMs);
    if (outcome.kind === 'no-changes') {
      opts.progress?.({ message: `no changes: stack ${run.stackName} is already up to date` });
      await cfn.deleteChangeSet({ ChangeSetName: run.changeSet.arn }).catch(() => undefined);
      return passed('completed', now());
    }
    if (outcome.kind === 'failed') {
      if (run.changeSet.type === 'CREATE')
        await cfn.deleteStack({ StackName: run.stackName }).catch(() => undefined);
      return fail(
        'start-failed',
        now(),
        `the change set for stack ${run.stackName} failed: ${outcome.reason}`,
        {
          check: 'CloudFormation change set',
          output: `${outcome.reason}\n${link()}`,
        },
      );
    }
    const gate = decide(outcome.changes, protect, ctx.allowReplace);
    for (const d of gate.allowed)
      opts.progress?.({ message: `allowed by --allow-replace: ${describeDestructive(d)}`, warning: true });
    if (gate.blocked.length) {
      // Nothing half-done: the change set goes, and so does a stack it would have created.
      await cfn.deleteChangeSet({ ChangeSetName: run.changeSet.arn }).catch(() => undefined);
      if (run.changeSet.type === 'CREATE')
        await cfn.deleteStack({ StackName: run.stackName }).catch(() => undefined);
      return {
        ...fail('start-failed', now(), blockedMessage(run.stackName, gate.blocked), {
          check: 'CloudFormation change set (protected resources)',
          output: `${gate.blocked.map(describeDestructive).join('\n')}\n${link()}`,
        }),
        refused: true,
      };
    }
    await cfn.executeChangeSet({ ChangeSetName: run.changeSet.arn });
    return 'follow';
  }
  const stack = await findStack(cfn, run.stackName);
  if (!stack) {
    return fail(
      'start-failed',
      now(),
      `stack ${run.stackName} does not exist, and the phase has no template to create it`,
      {
        check: 'CloudFormation stack',
      },
    );
  }
  const status = stack.StackStatus ?? '';
  if (status.endsWith('_IN_PROGRESS')) return 'follow';
  if (COMPLETE.has(status)) return passed('completed', now());
  if (ROLLED_BACK_OK.has(status)) {
    opts.progress?.({
      message: `stack ${run.stackName} is ${status}: usable, on the template of its last successful update`,
    });
    return passed('completed', now());
  }
  return fail('start-failed', now(), `stack ${run.stackName} is in ${status}`, {
    check: 'CloudFormation stack',
    output: `${stack.StackStatusReason ?? status}\n${link()}`,
  });
}

function endVerdict(
  ctx: AwsContext,
  run: CfnRun,
  end: Extract<WatchEnd, { ok: false }>,
  link: string,
): Failure {
  const now = ctx.clock.now();
  if (end.ecs) {
    const e = end.ecs;
    const what = end.cancelled
      ? `Convoy cancelled the stack update and CloudFormation rolled it back (${end.status})`
      : end.status === 'CREATE_IN_PROGRESS'
        ? 'CloudFormation cannot cancel a creation and would wait up to 3 hours for this service before rolling back; Convoy stopped waiting'
        : `the stack ended in ${end.status}`;
    return fail(
      e.reason,
      now,
      `ECS service ${e.serviceName} (${e.logicalId}) in stack ${run.stackName} failed: ${e.message}; ${what}`,
      {
        check: e.check,
        output: [e.output, `stack ${run.stackName}: ${end.status}`, link].filter(Boolean).join('\n'),
        exitCode: e.exitCode,
        decidedBy: e.decidedBy,
      },
    );
  }
  const r = end.failedResource;
  const where = r ? `${r.LogicalResourceId} (${r.ResourceType}) ${r.ResourceStatus}: ` : '';
  return fail('start-failed', now, `stack ${run.stackName} ended in ${end.status}: ${where}${end.reason}`, {
    check: 'CloudFormation stack',
    output: `${r ? `${r.LogicalResourceId} ${r.ResourceStatus}: ${r.ResourceStatusReason ?? ''}` : end.reason}\n${link}`,
  });
}

/** Exported for a pre-flight check: a stack a person must repair, in words and with the command that does it. */
export async function cloudFormationProblems(
  ctx: Pick<AwsContext, 'clients'>,
  stackNames: readonly string[],
): Promise<{ stackName: string; message: string; fix: string }[]> {
  const out: { stackName: string; message: string; fix: string }[] = [];
  for (const stackName of stackNames) {
    try {
      const p = stateProblem(stackName, (await findStack(ctx.clients.cfn, stackName))?.StackStatus);
      if (p?.kind === 'refuse') out.push({ stackName, message: p.message, fix: p.fix });
    } catch (err) {
      out.push({
        stackName,
        message: `could not read stack ${stackName}: ${errorMessage(err)}`,
        fix: 'check the credentials and region',
      });
    }
  }
  return out;
}
