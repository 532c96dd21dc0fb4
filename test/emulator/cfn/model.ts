import { defaultContext, type AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue } from '../core/queue.js';
import { Random } from '../core/random.js';
import type { EcsModel } from '../ecs/model.js';
import { ChangeSets, type ChangeSetSummary, type ChangeSetInput, type StackDirectory } from './changesets.js';
import { checkReferences } from './intrinsics.js';
import { defaultCfnSettings, type CfnSettings } from './settings.js';
import { Stack } from './stack.js';
import { checkName, iamResources, prepare, requiredCapability } from './submission.js';
import { parseTemplate, type Template } from './template.js';
import { resourceView, stackView, summaryView } from './views.js';

/** The CloudFormation API over the stack state machines: stacks, change sets, events and resources. */

/* eslint-disable @typescript-eslint/no-explicit-any -- query-protocol input is open-ended */
type Input = Record<string, any>;

const validation = (message: string) => new AwsError('ValidationError', message);
const token = (n: number) => Buffer.from(String(n)).toString('base64');
const fromToken = (t: unknown) => (t ? Number(Buffer.from(String(t), 'base64').toString()) : undefined);

export class CfnModel implements StackDirectory {
  readonly settings: CfnSettings;
  readonly ctx: AwsContext;
  readonly rng: Random;
  private stacks: Stack[] = [];
  private readonly changeSets = new ChangeSets(this);

  constructor(
    readonly queue: EventQueue,
    private readonly ecs: EcsModel,
    opts: { ctx?: AwsContext; rng?: Random; settings?: Partial<CfnSettings> } = {},
  ) {
    this.ctx = opts.ctx ?? defaultContext;
    this.rng = opts.rng ?? new Random(7);
    this.settings = { ...defaultCfnSettings, ...opts.settings };
  }

  // ── stacks ────────────────────────────────────────────────────────────────────────────────────────────────────

  createStack(input: Input) {
    const name = checkName(input.StackName, 'stackName');
    if (this.byName(name)) throw new AwsError('AlreadyExistsException', `Stack [${name}] already exists`);
    const { template, body, params } = prepare(input, undefined);
    const stack = this.newStack(name, template, body, params, input);
    stack.create();
    return { StackId: stack.id };
  }

  updateStack(input: Input) {
    const stack = this.find(input.StackName);
    stack.assertUpdatable();
    const { template, body, params } = prepare(input, stack);
    if (body === stack.templateBody && JSON.stringify(params) === JSON.stringify(stack.parameters)) {
      throw validation('No updates are to be performed.');
    }
    stack.update(template, body, params);
    return { StackId: stack.id };
  }

  deleteStack(input: Input) {
    const stack = this.lookup(input.StackName);
    if (!stack || stack.deleted || stack.status === 'DELETE_IN_PROGRESS') return {};
    if (stack.status !== 'REVIEW_IN_PROGRESS' && stack.status.endsWith('_IN_PROGRESS')) {
      throw validation(`Stack [${stack.name}] cannot be deleted while in status ${stack.status}`); // unverified wording
    }
    stack.delete(() => {});
    return {};
  }

  cancelUpdateStack(input: Input) {
    this.find(input.StackName).cancelUpdate();
    return {};
  }

  continueUpdateRollback(input: Input) {
    this.find(input.StackName).continueRollback(input.ResourcesToSkip ?? []);
    return {};
  }

  describeStacks(input: Input) {
    const stacks = input.StackName
      ? [this.find(input.StackName, true)]
      : this.stacks.filter((s) => !s.deleted);
    return { Stacks: stacks.map(stackView) };
  }

  listStacks(input: Input) {
    const filter: string[] = input.StackStatusFilter ?? [];
    const stacks = [...this.stacks].reverse().filter((s) => filter.length === 0 || filter.includes(s.status));
    return { StackSummaries: stacks.map(summaryView) };
  }

  /** Newest first; the token marks a position in the stack's history, so new events do not shift pages. */
  describeStackEvents(input: Input) {
    const stack = this.find(input.StackName, true);
    const end = fromToken(input.NextToken) ?? stack.events.length;
    if (!Number.isInteger(end)) throw validation('Invalid NextToken');
    const start = Math.max(0, end - this.settings.eventsPageSize);
    const page = stack.events.slice(start, end).reverse();
    return {
      StackEvents: page.map((e) => ({ ...e, Timestamp: new Date(e.Timestamp) })),
      ...(start > 0 ? { NextToken: token(start) } : {}),
    };
  }

  describeStackResources(input: Input) {
    let ref = input.StackName;
    if (!ref && input.PhysicalResourceId) {
      const owner = this.stacks.find((s) =>
        [...s.resources.values()].some((r) => r.physicalId === input.PhysicalResourceId),
      );
      if (!owner) throw validation(`Stack for ${input.PhysicalResourceId} does not exist`);
      ref = owner.id;
    }
    const stack = this.find(ref, true);
    const resources = [...stack.resources.values()].filter(
      (r) =>
        (!input.LogicalResourceId || r.logicalId === input.LogicalResourceId) &&
        (!input.PhysicalResourceId || r.physicalId === input.PhysicalResourceId),
    );
    return {
      StackResources: resources.map((r) => ({ ...resourceView(stack, r), Timestamp: new Date(r.updatedAt) })),
    };
  }

  describeStackResource(input: Input) {
    const stack = this.find(input.StackName, true);
    const r = stack.resources.get(input.LogicalResourceId ?? '');
    if (!r) throw validation(`Resource ${input.LogicalResourceId} does not exist for stack ${stack.name}`);
    return {
      StackResourceDetail: {
        ...resourceView(stack, r),
        LastUpdatedTimestamp: new Date(r.updatedAt),
        Metadata: '{}',
      },
    };
  }

  listStackResources(input: Input) {
    const stack = this.find(input.StackName, true);
    const all = [...stack.resources.values()];
    const start = fromToken(input.NextToken) || 0;
    const page = all.slice(start, start + 100).map((r) => {
      const { StackName: _n, StackId: _i, ...summary } = resourceView(stack, r);
      return { ...summary, LastUpdatedTimestamp: new Date(r.updatedAt) };
    });
    return {
      StackResourceSummaries: page,
      ...(start + 100 < all.length ? { NextToken: token(start + 100) } : {}),
    };
  }

  getTemplate(input: Input) {
    const body = input.ChangeSetName
      ? this.changeSets.templateBody(input.ChangeSetName, input.StackName)
      : this.find(input.StackName, true).templateBody;
    return { TemplateBody: body, StagesAvailable: ['Original', 'Processed'] };
  }

  validateTemplate(input: Input) {
    const template = parseTemplate(input.TemplateBody);
    checkReferences(template.Resources, new Set(Object.keys(template.Parameters)));
    const cap = requiredCapability(template);
    return {
      Parameters: Object.entries(template.Parameters).map(([k, p]) => ({
        ParameterKey: k,
        ...(p.Default !== undefined ? { DefaultValue: String(p.Default) } : {}),
        NoEcho: String(p.NoEcho) === 'true',
        ...(p.Description ? { Description: p.Description } : {}),
      })),
      ...(template.Description ? { Description: template.Description } : {}),
      ...(cap
        ? {
            Capabilities: [cap],
            CapabilitiesReason: `The following resource(s) require capabilities: [${iamResources(template).join(', ')}]`,
          }
        : {}),
    };
  }

  // ── change sets ───────────────────────────────────────────────────────────────────────────────────────────────

  createChangeSet(input: ChangeSetInput) {
    return this.changeSets.create(input);
  }

  describeChangeSet(input: Input) {
    return this.changeSets.describe(input);
  }

  listChangeSets(input: Input) {
    return this.changeSets.list(input);
  }

  deleteChangeSet(input: Input) {
    return this.changeSets.delete(input);
  }

  executeChangeSet(input: Input) {
    return this.changeSets.execute(input);
  }

  // ── the stack registry ────────────────────────────────────────────────────────────────────────────────────────

  allChangeSets(): ChangeSetSummary[] {
    return this.changeSets.all();
  }

  allStacks(): readonly Stack[] {
    return this.stacks;
  }

  newStack(
    name: string,
    template: Template,
    body: string,
    params: Record<string, string>,
    input: Input,
  ): Stack {
    const env = { queue: this.queue, rng: this.rng, ctx: this.ctx, ecs: this.ecs, settings: this.settings };
    const stack = new Stack(env, name, template, body, params, {
      capabilities: input.Capabilities ?? [],
      tags: input.Tags ?? [],
      disableRollback: input.DisableRollback === true || input.OnFailure === 'DO_NOTHING',
      description: template.Description,
    });
    this.stacks.push(stack);
    return stack;
  }

  lookup(ref: unknown): Stack | undefined {
    const s = String(ref ?? '');
    return s.startsWith('arn:') ? this.stacks.find((x) => x.id === s) : this.byName(s);
  }

  /** Deleted stacks answer only to their ARN, and only where `deletedToo` (describe calls). */
  find(ref: unknown, deletedToo = false): Stack {
    const s = this.lookup(ref);
    if (!s || (s.deleted && !(deletedToo && String(ref).startsWith('arn:')))) {
      throw validation(`Stack with id ${String(ref ?? '')} does not exist`);
    }
    return s;
  }

  private byName(name: string): Stack | undefined {
    return [...this.stacks].reverse().find((s) => s.name === name && !s.deleted);
  }
}
