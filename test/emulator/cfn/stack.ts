import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue } from '../core/queue.js';
import type { Random } from '../core/random.js';
import type { EcsModel } from '../ecs/model.js';
import { resolve, type Scope } from './intrinsics.js';
import { handlerFor, type HandlerEnv, type Job } from './resources.js';
import { Runner, type Action } from './runner.js';
import { changedKeys, dependencies, outputs, same, stackScope } from './scope.js';
import type { CfnSettings } from './settings.js';
import type { Template } from './template.js';

/**
 * One stack and its operations — create, update (with cleanup), rollback, cancel, continue-rollback, delete — as a
 * state machine on the event queue, emitting the stack events CloudFormation emits, in its words.
 */

type Props = Record<string, unknown>;

export interface StackEnv {
  queue: EventQueue;
  rng: Random;
  ctx: AwsContext;
  ecs: EcsModel;
  settings: CfnSettings;
}

export interface StackResource {
  logicalId: string;
  type: string;
  physicalId: string;
  attrs: Record<string, string>;
  status: string;
  reason?: string;
  updatedAt: number;
  props: Props;
  /** Whether the physical resource exists (so a rollback or delete must remove it). */
  exists: boolean;
}

export interface StackEvent {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: number;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
}

interface Previous {
  physicalId: string;
  attrs: Record<string, string>;
  props: Props;
  type: string;
}

interface UpdateMemo {
  template: Template;
  body: string;
  params: Record<string, string>;
  added: Set<string>;
  inPlace: Map<string, Previous>;
  replaced: Map<string, { old: Previous; newPhysical?: string; newProps?: Props }>;
  cancelRequested: boolean;
  /** Resources whose rollback failed, for ContinueUpdateRollback. */
  pending: Set<string>;
}

const UPDATABLE = [
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
];

export class Stack {
  readonly id: string;
  status = 'REVIEW_IN_PROGRESS';
  statusReason?: string;
  readonly creationTime: number;
  lastUpdatedTime?: number;
  deletionTime?: number;
  resources = new Map<string, StackResource>();
  events: StackEvent[] = [];
  outputs: { OutputKey: string; OutputValue: string; Description?: string; ExportName?: string }[] = [];
  changeSetId?: string;
  private runner?: Runner;
  private memo?: UpdateMemo;
  private eventIds = new Set<string>();

  constructor(
    private readonly env: StackEnv,
    readonly name: string,
    public template: Template,
    public templateBody: string,
    public parameters: Record<string, string>,
    readonly options: {
      capabilities: string[];
      tags: unknown[];
      disableRollback: boolean;
      description?: string;
    },
  ) {
    const { ctx, rng } = env;
    this.id = `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${name}/${rng.uuid()}`;
    this.creationTime = env.queue.now;
  }

  get deleted(): boolean {
    return this.status === 'DELETE_COMPLETE';
  }

  assertUpdatable(): void {
    if (!UPDATABLE.includes(this.status)) {
      throw new AwsError(
        'ValidationError',
        `Stack:${this.id} is in ${this.status} state and can not be updated.`,
      );
    }
  }

  review(): void {
    this.stackEvent('REVIEW_IN_PROGRESS', 'User Initiated');
  }

  // ── create ────────────────────────────────────────────────────────────────────────────────────────────────────

  create(): void {
    this.stackEvent('CREATE_IN_PROGRESS', 'User Initiated');
    const deps = this.deps(this.template);
    const actions = [...deps].map(([id, d]) => this.createAction(id, d));
    this.run(actions, (failed, cancelled) => {
      if (failed.length + cancelled.length === 0) return this.complete('CREATE_COMPLETE');
      const reason = `The following resource(s) failed to create: [${[...failed, ...cancelled].join(', ')}]. `;
      if (this.options.disableRollback) return this.later(() => this.stackEvent('CREATE_FAILED', reason));
      this.later(() => {
        this.stackEvent('ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`);
        this.deleteResources([...this.resources.keys()], this.template, (bad) =>
          bad.length
            ? this.stackEvent('ROLLBACK_FAILED', deleteReason(bad))
            : this.stackEvent('ROLLBACK_COMPLETE'),
        );
      });
    });
  }

  private createAction(id: string, deps: string[]): Action {
    return {
      id,
      deps,
      start: (done) => {
        const type = this.template.Resources[id]!.Type;
        const props = this.resolveProps(id);
        const r: StackResource = {
          logicalId: id,
          type,
          physicalId: '',
          attrs: {},
          status: '',
          updatedAt: 0,
          props,
          exists: false,
        };
        this.resources.set(id, r);
        this.resEvent(r, 'CREATE_IN_PROGRESS', undefined, props);
        return handlerFor(type).create(this.handlerEnv(id, type), props, {
          initiated: (pid) => {
            r.physicalId = pid;
            r.exists = true;
            this.resEvent(r, 'CREATE_IN_PROGRESS', 'Resource creation Initiated', props);
          },
          ok: (pid, attrs) => {
            r.physicalId = pid || r.physicalId;
            r.attrs = attrs ?? {};
            r.exists = true;
            this.resEvent(r, 'CREATE_COMPLETE');
            done();
          },
          fail: (reason) => {
            this.resEvent(r, 'CREATE_FAILED', reason);
            done(reason);
          },
        });
      },
      cancelled: () => {
        const r = this.resources.get(id);
        if (r) this.resEvent(r, 'CREATE_FAILED', 'Resource creation cancelled');
      },
    };
  }

  // ── update ────────────────────────────────────────────────────────────────────────────────────────────────────

  update(template: Template, body: string, params: Record<string, string>): void {
    const memo: UpdateMemo = {
      template: this.template,
      body: this.templateBody,
      params: this.parameters,
      added: new Set(),
      inPlace: new Map(),
      replaced: new Map(),
      cancelRequested: false,
      pending: new Set(),
    };
    this.memo = memo;
    this.template = template;
    this.templateBody = body;
    this.parameters = params;
    this.lastUpdatedTime = this.env.queue.now;
    this.stackEvent('UPDATE_IN_PROGRESS', 'User Initiated');
    const deps = this.deps(template);
    const actions = [...deps].map(([id, d]) => {
      if (this.resources.get(id)?.exists) return this.updateAction(id, d, memo);
      memo.added.add(id);
      return this.createAction(id, d);
    });
    this.run(actions, (failed, cancelled) => {
      if (failed.length + cancelled.length === 0 && !memo.cancelRequested) return this.cleanUpUpdate(memo);
      if (memo.cancelRequested) return this.rollBack(memo, [...memo.inPlace.keys(), ...memo.replaced.keys()]);
      const verb = failed.every((id) => memo.added.has(id)) ? 'create' : 'update';
      this.later(() => {
        this.stackEvent(
          'UPDATE_ROLLBACK_IN_PROGRESS',
          `The following resource(s) failed to ${verb}: [${[...failed, ...cancelled].join(', ')}]. `,
        );
        this.rollBack(memo, [...memo.inPlace.keys(), ...memo.replaced.keys()]);
      });
    });
  }

  private updateAction(id: string, deps: string[], memo: UpdateMemo): Action {
    return {
      id,
      deps,
      start: (done) => {
        const r = this.resources.get(id)!;
        const type = this.template.Resources[id]!.Type;
        const props = this.resolveProps(id);
        if (type === r.type && same(props, r.props)) {
          done();
          return { cancel: () => {} };
        }
        const handler = handlerFor(type);
        const changed = changedKeys(r.props, props);
        const previous: Previous = { physicalId: r.physicalId, attrs: r.attrs, props: r.props, type: r.type };
        const env = this.handlerEnv(id, type);
        const replace =
          type !== r.type ||
          handler.replaceOn === 'all' ||
          changed.some((k) => handler.replaceOn.includes(k));
        if (replace) {
          const entry: { old: Previous; newPhysical?: string; newProps?: Props } = {
            old: previous,
            newProps: props,
          };
          memo.replaced.set(id, entry);
          this.resEvent(
            r,
            'UPDATE_IN_PROGRESS',
            'Requested update requires the creation of a new physical resource; hence creating one.',
            props,
          );
          return handler.create(env, props, {
            initiated: (pid) => {
              entry.newPhysical = pid;
              r.physicalId = pid;
              this.resEvent(r, 'UPDATE_IN_PROGRESS', 'Resource creation Initiated', props);
            },
            ok: (pid, attrs) => {
              entry.newPhysical = pid || entry.newPhysical;
              Object.assign(r, { physicalId: entry.newPhysical, attrs: attrs ?? {}, props, type });
              this.resEvent(r, 'UPDATE_COMPLETE');
              done();
            },
            fail: (reason) => {
              this.resEvent(r, 'UPDATE_FAILED', reason);
              done(reason);
            },
          });
        }
        memo.inPlace.set(id, previous);
        r.props = props;
        this.resEvent(r, 'UPDATE_IN_PROGRESS', undefined, props);
        return handler.update(env, r.physicalId, props, previous.props, {
          initiated: () => {},
          ok: (_pid, attrs) => {
            r.attrs = { ...r.attrs, ...attrs };
            this.resEvent(r, 'UPDATE_COMPLETE');
            done();
          },
          fail: (reason) => {
            this.resEvent(r, 'UPDATE_FAILED', reason);
            done(reason);
          },
        });
      },
      cancelled: () => {
        const r = this.resources.get(id);
        if (r) this.resEvent(r, 'UPDATE_FAILED', 'Resource update cancelled');
      },
    };
  }

  private cleanUpUpdate(memo: UpdateMemo): void {
    this.later(() => {
      this.stackEvent('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
      const removed = [...this.resources.keys()].filter((id) => !(id in this.template.Resources));
      const ghosts = [...memo.replaced].map(([id, e]) => this.ghost(id, e.old));
      this.deleteResources(
        removed,
        memo.template,
        () => {
          for (const id of removed) this.resources.delete(id);
          this.memo = undefined;
          this.complete('UPDATE_COMPLETE');
        },
        ghosts,
      );
    });
  }

  cancelUpdate(): void {
    if (this.status !== 'UPDATE_IN_PROGRESS' || !this.runner || !this.memo) {
      throw new AwsError('ValidationError', 'CancelUpdateStack cannot be called from current stack status');
    }
    this.memo.cancelRequested = true;
    this.stackEvent('UPDATE_ROLLBACK_IN_PROGRESS', 'Stack update cancelled');
    this.runner.cancel();
  }

  /** Puts the touched resources back as they were, in the previous template's dependency order. */
  private rollBack(memo: UpdateMemo, ids: string[]): void {
    const deps = this.deps(memo.template);
    const touched = new Set(ids);
    const actions: Action[] = [...deps]
      .filter(([id]) => touched.has(id))
      .map(([id, d]) => ({
        id,
        deps: d,
        start: (done) => {
          const r = this.resources.get(id)!;
          const replaced = memo.replaced.get(id);
          const previous = replaced?.old ?? memo.inPlace.get(id)!;
          this.resEvent(r, 'UPDATE_IN_PROGRESS', undefined, previous.props);
          if (replaced) {
            Object.assign(r, {
              physicalId: previous.physicalId,
              attrs: previous.attrs,
              props: previous.props,
              type: previous.type,
            });
            const ev = this.env.queue.after(1000, 'cfn switch back', () => {
              this.resEvent(r, 'UPDATE_COMPLETE');
              done();
            });
            return { cancel: () => this.env.queue.cancel(ev) };
          }
          const attempted = r.props;
          return handlerFor(previous.type).update(
            this.handlerEnv(id, previous.type),
            r.physicalId,
            previous.props,
            attempted,
            {
              initiated: () => {},
              ok: (_pid, attrs) => {
                r.props = previous.props;
                r.attrs = { ...r.attrs, ...attrs };
                this.resEvent(r, 'UPDATE_COMPLETE');
                done();
              },
              fail: (reason) => {
                this.resEvent(r, 'UPDATE_FAILED', reason);
                done(reason);
              },
            },
          );
        },
        cancelled: () => {},
      }));
    this.run(actions, (failed) => {
      if (failed.length) {
        memo.pending = new Set(failed);
        return this.later(() =>
          this.stackEvent(
            'UPDATE_ROLLBACK_FAILED',
            `The following resource(s) failed to update: [${failed.join(', ')}]. `,
          ),
        );
      }
      this.later(() => {
        this.stackEvent('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
        const ghosts = [...memo.replaced]
          .filter(([, e]) => e.newPhysical)
          .map(([id, e]) =>
            this.ghost(id, { ...e.old, physicalId: e.newPhysical!, props: e.newProps ?? e.old.props }),
          );
        const added = [...memo.added].filter((id) => this.resources.has(id));
        this.deleteResources(
          added,
          this.template,
          () => {
            for (const id of added) this.resources.delete(id);
            this.template = memo.template;
            this.templateBody = memo.body;
            this.parameters = memo.params;
            this.memo = undefined;
            this.complete('UPDATE_ROLLBACK_COMPLETE');
          },
          ghosts,
        );
      });
    });
  }

  continueRollback(skip: string[]): void {
    const memo = this.memo;
    if (this.status !== 'UPDATE_ROLLBACK_FAILED' || !memo) {
      throw new AwsError(
        'ValidationError',
        'ContinueUpdateRollback cannot be called from current stack status',
      );
    }
    for (const id of skip) {
      // unverified wording
      if (!memo.pending.has(id))
        throw new AwsError(
          'ValidationError',
          `Resource [${id}] is not in a failed state and cannot be skipped`,
        );
    }
    this.stackEvent('UPDATE_ROLLBACK_IN_PROGRESS');
    for (const id of skip) {
      const r = this.resources.get(id);
      if (r) this.resEvent(r, 'UPDATE_COMPLETE');
    }
    this.rollBack(
      memo,
      [...memo.pending].filter((id) => !skip.includes(id)),
    );
  }

  // ── delete ────────────────────────────────────────────────────────────────────────────────────────────────────

  delete(onDeleted: () => void): void {
    this.stackEvent('DELETE_IN_PROGRESS', 'User Initiated');
    this.deleteResources([...this.resources.keys()], this.template, (bad) => {
      if (bad.length) return this.stackEvent('DELETE_FAILED', deleteReason(bad));
      this.deletionTime = this.env.queue.now;
      this.stackEvent('DELETE_COMPLETE');
      onDeleted();
    });
  }

  /** Deletes in reverse dependency order; `ghosts` are superseded physical resources (replacements) to remove too. */
  private deleteResources(
    ids: string[],
    template: Template,
    finish: (failed: string[]) => void,
    ghosts: StackResource[] = [],
  ): void {
    const deps = this.deps(template);
    const set = new Set(ids);
    const dependents = (id: string) => ids.filter((o) => (deps.get(o) ?? []).includes(id));
    const del = (r: StackResource, done: (e?: string) => void): Job => {
      if (r.status === 'DELETE_COMPLETE') {
        done();
        return { cancel: () => {} };
      }
      this.resEvent(r, 'DELETE_IN_PROGRESS');
      if (!r.exists) {
        const ev = this.env.queue.after(500, 'cfn delete nothing', () => {
          this.resEvent(r, 'DELETE_COMPLETE');
          done();
        });
        return { cancel: () => this.env.queue.cancel(ev) };
      }
      return handlerFor(r.type).delete(this.handlerEnv(r.logicalId, r.type), r.physicalId, r.props, {
        initiated: () => {},
        ok: () => {
          r.exists = false;
          this.resEvent(r, 'DELETE_COMPLETE');
          done();
        },
        fail: (reason) => {
          this.resEvent(r, 'DELETE_FAILED', reason);
          done(reason);
        },
      });
    };
    const actions: Action[] = [
      ...ghosts.map((g, i) => ({
        id: `ghost:${i}`,
        deps: [],
        start: (done: (e?: string) => void) => del(g, done),
        cancelled: () => {},
      })),
      ...[...set].map((id) => ({
        id,
        deps: dependents(id),
        start: (done: (e?: string) => void) => del(this.resources.get(id)!, done),
        cancelled: () => {},
      })),
    ];
    this.run(actions, (failed) => this.later(() => finish(failed.filter((f) => !f.startsWith('ghost:')))));
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

  private run(actions: Action[], finish: (failed: string[], cancelled: string[]) => void): void {
    const runner = new Runner(actions, (failed, cancelled) => {
      if (this.runner === runner) this.runner = undefined;
      finish(failed, cancelled);
    });
    this.runner = runner;
    runner.start();
  }

  private complete(status: string): void {
    this.later(() => {
      this.outputs = this.resolveOutputs();
      this.stackEvent(status);
    });
  }

  private later(run: () => void): void {
    this.env.queue.after(1000, `stack ${this.name}`, run);
  }

  private ghost(id: string, prev: Previous): StackResource {
    return {
      logicalId: id,
      type: prev.type,
      physicalId: prev.physicalId,
      attrs: prev.attrs,
      status: 'UPDATE_COMPLETE',
      updatedAt: 0,
      props: prev.props,
      exists: true,
    };
  }

  scope(template: Template = this.template): Scope {
    return stackScope(this, this.env.ctx, template);
  }

  resolveProps(id: string, template: Template = this.template): Props {
    return resolve(template.Resources[id]?.Properties ?? {}, this.scope(template)) as Props;
  }

  deps(template: Template): Map<string, string[]> {
    return dependencies(template);
  }

  private resolveOutputs() {
    return outputs(this.template, this.scope());
  }

  private handlerEnv(logicalId: string, type: string): HandlerEnv {
    const { queue, rng, ctx, ecs, settings } = this.env;
    return { queue, rng, ctx, ecs, settings, stackName: this.name, logicalId, type };
  }

  private stackEvent(status: string, reason?: string): void {
    this.status = status;
    this.statusReason = reason;
    this.push({
      EventId: this.env.rng.uuid(),
      LogicalResourceId: this.name,
      PhysicalResourceId: this.id,
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: status,
      ResourceStatusReason: reason,
    });
  }

  private resEvent(r: StackResource, status: string, reason?: string, props?: Props): void {
    const now = this.env.queue.now;
    r.status = status;
    r.reason = reason;
    r.updatedAt = now;
    let id = `${r.logicalId}-${status}-${new Date(now).toISOString()}`;
    if (this.eventIds.has(id)) id = this.env.rng.uuid();
    this.push({
      EventId: id,
      LogicalResourceId: r.logicalId,
      PhysicalResourceId: r.physicalId,
      ResourceType: r.type,
      ResourceStatus: status,
      ResourceStatusReason: reason,
      ResourceProperties: props ? JSON.stringify(props) : undefined,
    });
  }

  private push(e: Omit<StackEvent, 'StackId' | 'StackName' | 'Timestamp'>): void {
    this.eventIds.add(e.EventId);
    this.events.push({ ...e, StackId: this.id, StackName: this.name, Timestamp: this.env.queue.now });
  }
}

function deleteReason(ids: string[]): string {
  return `The following resource(s) failed to delete: [${ids.join(', ')}]. `;
}
