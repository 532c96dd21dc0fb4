import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue } from '../core/queue.js';
import type { Random } from '../core/random.js';
import { computeChanges, type ResourceChange } from './diff.js';
import type { CfnSettings } from './settings.js';
import type { Stack } from './stack.js';
import { checkName, prepare, type Submission } from './submission.js';
import type { Template } from './template.js';
import { paramView } from './views.js';

/** Change sets: computed after a short delay, executed as a stack create or update, made obsolete by another. */

interface ChangeSet {
  id: string;
  name: string;
  stack: Stack;
  type: 'CREATE' | 'UPDATE';
  status: string;
  executionStatus: string;
  statusReason?: string;
  creationTime: number;
  template: Template;
  body: string;
  params: Record<string, string>;
  capabilities: string[];
  description?: string;
  changes: ResourceChange[];
}

export interface ChangeSetSummary {
  name: string;
  stackName: string;
  status: string;
  executionStatus: string;
}

/** What change sets need from the stack registry. */
export interface StackDirectory {
  readonly queue: EventQueue;
  readonly rng: Random;
  readonly ctx: AwsContext;
  readonly settings: CfnSettings;
  lookup(ref: unknown): Stack | undefined;
  find(ref: unknown, deletedToo?: boolean): Stack;
  newStack(
    name: string,
    template: Template,
    body: string,
    params: Record<string, string>,
    input: object,
  ): Stack;
}

export interface ChangeSetInput extends Submission {
  StackName?: string;
  ChangeSetName?: string;
  ChangeSetType?: string;
  Description?: string;
}

const validation = (message: string) => new AwsError('ValidationError', message);

export class ChangeSets {
  private sets = new Map<string, ChangeSet>();

  constructor(private readonly dir: StackDirectory) {}

  create(input: ChangeSetInput) {
    const { queue, rng, ctx, settings } = this.dir;
    if (input.ChangeSetType === 'IMPORT')
      throw validation('ChangeSetType IMPORT is not supported by the emulator');
    const type: 'CREATE' | 'UPDATE' = input.ChangeSetType === 'CREATE' ? 'CREATE' : 'UPDATE';
    const name = checkName(input.ChangeSetName, 'changeSetName');
    let stack = this.dir.lookup(input.StackName);
    if (type === 'CREATE') {
      if (stack && !stack.deleted && stack.status !== 'REVIEW_IN_PROGRESS') {
        throw new AwsError('AlreadyExistsException', `Stack [${stack.name}] already exists`);
      }
    } else {
      if (!stack || stack.deleted) throw validation(`Stack [${input.StackName}] does not exist`);
      stack.assertUpdatable();
    }
    const { template, body, params } = prepare(input, type === 'UPDATE' ? stack : undefined);
    if (!stack || stack.deleted) {
      stack = this.dir.newStack(checkName(input.StackName, 'stackName'), template, body, params, input);
      stack.review();
    }
    if ([...this.sets.values()].some((c) => c.stack === stack && c.name === name)) {
      throw new AwsError('AlreadyExistsException', `ChangeSet [${name}] already exists`); // unverified wording
    }
    const cs: ChangeSet = {
      id: `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:changeSet/${name}/${rng.uuid()}`,
      name,
      stack,
      type,
      status: 'CREATE_PENDING',
      executionStatus: 'UNAVAILABLE',
      creationTime: queue.now,
      template,
      body,
      params,
      capabilities: input.Capabilities ?? [],
      description: input.Description,
      changes: [],
    };
    this.sets.set(cs.id, cs);
    queue.after(500, 'change set computing', () => (cs.status = 'CREATE_IN_PROGRESS'));
    queue.after(settings.changeSetSeconds * 1000, 'change set computed', () => this.compute(cs));
    return { Id: cs.id, StackId: stack.id };
  }

  describe(input: { ChangeSetName?: string; StackName?: string }) {
    const cs = this.get(input.ChangeSetName, input.StackName);
    return {
      ChangeSetName: cs.name,
      ChangeSetId: cs.id,
      StackId: cs.stack.id,
      StackName: cs.stack.name,
      ...(cs.description ? { Description: cs.description } : {}),
      Parameters: paramView(cs.template, cs.params),
      CreationTime: new Date(cs.creationTime),
      ExecutionStatus: cs.executionStatus,
      Status: cs.status,
      ...(cs.statusReason ? { StatusReason: cs.statusReason } : {}),
      NotificationARNs: [],
      RollbackConfiguration: {},
      Capabilities: cs.capabilities,
      Changes: cs.changes,
      IncludeNestedStacks: false,
    };
  }

  list(input: { StackName?: string }) {
    const stack = this.dir.find(input.StackName, true);
    return {
      Summaries: [...this.sets.values()]
        .filter((c) => c.stack === stack)
        .map((c) => ({
          StackId: stack.id,
          StackName: stack.name,
          ChangeSetId: c.id,
          ChangeSetName: c.name,
          ExecutionStatus: c.executionStatus,
          Status: c.status,
          StatusReason: c.statusReason,
          CreationTime: new Date(c.creationTime),
          IncludeNestedStacks: false,
        })),
    };
  }

  delete(input: { ChangeSetName?: string; StackName?: string }) {
    const cs = this.get(input.ChangeSetName, input.StackName);
    if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
      throw new AwsError('InvalidChangeSetStatus', `Cannot delete ChangeSet in status ${cs.executionStatus}`);
    }
    this.sets.delete(cs.id);
    return {};
  }

  execute(input: { ChangeSetName?: string; StackName?: string }) {
    const cs = this.get(input.ChangeSetName, input.StackName);
    // unverified wording for both
    if (cs.status !== 'CREATE_COMPLETE') {
      throw new AwsError(
        'InvalidChangeSetStatus',
        `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.status}]`,
      );
    }
    if (cs.executionStatus !== 'AVAILABLE') {
      throw new AwsError(
        'InvalidChangeSetStatus',
        `ChangeSet [${cs.id}] cannot be executed in its current execution status of [${cs.executionStatus}]`,
      );
    }
    const stack = cs.stack;
    if (cs.type === 'CREATE') {
      Object.assign(stack, { template: cs.template, templateBody: cs.body, parameters: cs.params });
      stack.create();
    } else {
      stack.assertUpdatable();
      stack.update(cs.template, cs.body, cs.params);
    }
    for (const other of this.sets.values())
      if (other.stack === stack && other !== cs) other.executionStatus = 'OBSOLETE';
    cs.executionStatus = 'EXECUTE_IN_PROGRESS';
    stack.changeSetId = cs.id;
    this.watch(cs);
    return {};
  }

  /** Every change set not deleted, of every stack (for tests: what a command left behind). */
  all(): ChangeSetSummary[] {
    return [...this.sets.values()].map((c) => ({
      name: c.name,
      stackName: c.stack.name,
      status: c.status,
      executionStatus: c.executionStatus,
    }));
  }

  templateBody(ref: unknown, stackRef: unknown): string {
    return this.get(ref, stackRef).body;
  }

  private compute(cs: ChangeSet): void {
    const s = cs.stack;
    const update = cs.type === 'UPDATE';
    cs.changes = computeChanges(
      update ? s : undefined,
      update ? s.template : undefined,
      s.parameters,
      cs.template,
      cs.params,
      s.name,
    );
    const unchanged = cs.changes.length === 0 && JSON.stringify(cs.params) === JSON.stringify(s.parameters);
    if (update && unchanged) {
      cs.status = 'FAILED';
      cs.statusReason =
        "The submitted information didn't contain changes. Submit different information to create a change set.";
    } else {
      cs.status = 'CREATE_COMPLETE';
      cs.executionStatus = 'AVAILABLE';
    }
  }

  private watch(cs: ChangeSet): void {
    this.dir.queue.after(1000, 'change set execution watch', () => {
      const status = cs.stack.status;
      if (status.endsWith('_IN_PROGRESS')) return this.watch(cs);
      cs.executionStatus =
        status.includes('ROLLBACK') || status.endsWith('FAILED') ? 'EXECUTE_FAILED' : 'EXECUTE_COMPLETE';
    });
  }

  private get(ref: unknown, stackRef: unknown): ChangeSet {
    const s = String(ref ?? '');
    const cs = s.startsWith('arn:')
      ? this.sets.get(s)
      : [...this.sets.values()].find(
          (c) => c.name === s && (!stackRef || c.stack === this.dir.lookup(stackRef)),
        );
    if (!cs) throw new AwsError('ChangeSetNotFound', `ChangeSet [${s}] does not exist`, 404);
    return cs;
  }
}
