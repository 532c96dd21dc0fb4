import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type {
  DeliveryCursor,
  StoredPauseDecision,
  AcquireResult,
  CurrentRevision,
  DeploymentRecord,
  EnqueueRequest,
  HistoryFilter,
  LockInfo,
  NewEvent,
  QueueEntry,
  RetentionPolicy,
  RevisionRecord,
  StepRecord,
  StoredEvent,
  Store,
} from '../store.js';
import { getCursor, putCursor } from './cursors.js';
import { getPauseDecision, recordPauseDecision } from './pauses.js';
import { DEFAULT_EVENT_GRACE_MS, EventStream } from './events.js';
import { Expr, N, S, num, pad, str, tick, type Item } from './expr.js';
import { Fencer, change, create, type FencingMode } from './fence.js';
import { changesService, defined, History, lockItems } from './history.js';
import * as L from './layout.js';
import { DynamoQueue } from './queue.js';
import { isConditionFailed, Table } from './table.js';

export interface DynamoStoreOptions {
  table: string;
  region?: string;
  /** e.g. http://127.0.0.1:8000 for a local emulator. */
  endpoint?: string;
  /** Used as is and not destroyed by close(); region and endpoint are then ignored. */
  client?: DynamoDBClient;
  /** Deployments, steps and events expire (DynamoDB TTL) this many days after they were written. Default 90. */
  retentionDays?: number;
  /** Queue entries expire this many days after they were last renewed. Default 7. */
  queueRetentionDays?: number;
  /** How long readers wait for a missing event seq before declaring it lost (events.ts). Default 10 s. */
  eventGraceMs?: number;
}

export interface DynamoStore extends Store {
  /** How fenced writes are enforced; known after the first fenced write (see fence.ts). */
  readonly fencing: FencingMode;
}

/** More attempts than the SDK default (3): a heartbeat should ride out a short throttling burst. */
const MAX_ATTEMPTS = 6;

export function dynamoClient(opts: { region?: string; endpoint?: string }): DynamoDBClient {
  return new DynamoDBClient({
    region: opts.region,
    endpoint: opts.endpoint,
    retryMode: 'standard',
    maxAttempts: MAX_ATTEMPTS,
  });
}

export function openDynamoStore(opts: DynamoStoreOptions): DynamoStore {
  const owned = !opts.client;
  const client = opts.client ?? dynamoClient(opts);
  return new DynamoStoreImpl(
    new Table(client, opts.table),
    owned,
    { history: opts.retentionDays ?? 90, queue: opts.queueRetentionDays ?? 7 },
    opts.eventGraceMs ?? DEFAULT_EVENT_GRACE_MS,
  );
}

/** TTL counts from the wall clock at write time, not from record times (callers may pass any `now`). */
const ttlIn = (days: number) => () => N(Math.floor(Date.now() / 1000) + days * 86_400);

class DynamoStoreImpl implements DynamoStore {
  private readonly fencer: Fencer;
  private readonly history: History;
  private readonly queue: DynamoQueue;
  private readonly events: EventStream;
  private readonly expiresAt: () => AttributeValue;
  /** deployment id → its stack partition and sort key; immutable once written, so safe to cache. */
  private readonly refs = new Map<string, { stack: string; sk: string }>();

  constructor(
    private readonly table: Table,
    private readonly ownsClient: boolean,
    retentionDays: { history: number; queue: number },
    eventGraceMs: number,
  ) {
    this.fencer = new Fencer(table);
    this.expiresAt = ttlIn(retentionDays.history);
    this.history = new History(table, this.expiresAt);
    this.queue = new DynamoQueue(table, ttlIn(retentionDays.queue));
    this.events = new EventStream(table, this.expiresAt, eventGraceMs);
  }

  get fencing(): FencingMode {
    return this.fencer.mode;
  }

  async acquireLock(req: {
    stack: string;
    holder: string;
    correlationId: string;
    leaseMs: number;
    now: number;
  }): Promise<AcquireResult> {
    for (;;) {
      const e = new Expr();
      const [holder, lease] = [e.n('holder'), e.n('leaseExpiresAt')];
      const now = e.v(N(req.now));
      try {
        // One conditional write takes the lease and bumps the counter: no token is ever handed out twice, and
        // the counter survives release because the item is never deleted.
        const old = await this.table.update({
          Key: L.lockKey(req.stack),
          UpdateExpression:
            `${e.setRemove({
              type: S('lock'),
              stack: S(req.stack),
              holder: S(req.holder),
              correlationId: S(req.correlationId),
              acquiredAt: N(req.now),
              leaseExpiresAt: N(req.now + req.leaseMs),
            })} ` + `ADD ${e.n('token')} ${e.v(N(1))}`,
          ConditionExpression: `attribute_not_exists(${holder}) OR ${lease} <= ${now}`,
          ExpressionAttributeNames: e.names,
          ExpressionAttributeValues: e.values,
          ReturnValues: 'ALL_OLD',
        });
        const lock: LockInfo = {
          stack: req.stack,
          holder: req.holder,
          correlationId: req.correlationId,
          token: (old ? (num(old, 'token') ?? 0) : 0) + 1,
          acquiredAt: req.now,
          expiresAt: req.now + req.leaseMs,
        };
        // Any previous holder had an earlier token, so this is a takeover even if the holder string matches.
        const tookOver = L.toLock(old);
        return tookOver ? { acquired: true, lock, tookOver } : { acquired: true, lock };
      } catch (err) {
        if (!isConditionFailed(err)) throw err;
      }
      const current = L.toLock(await this.table.get(L.lockKey(req.stack)));
      if (current && current.expiresAt > req.now) return { acquired: false, holder: current };
      // Released or expired between our write and our read: try again.
    }
  }

  async renewLock(stack: string, token: number, leaseMs: number, now: number): Promise<boolean> {
    const e = new Expr();
    try {
      await this.table.update({
        Key: L.lockKey(stack),
        UpdateExpression: `SET ${e.n('leaseExpiresAt')} = ${e.v(N(now + leaseMs))}`,
        ConditionExpression: this.heldWith(e, token),
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
      });
      return true;
    } catch (err) {
      if (isConditionFailed(err)) return false;
      throw err;
    }
  }

  async releaseLock(stack: string, token: number): Promise<void> {
    await this.unlock(stack, token);
  }

  async forceReleaseLock(stack: string): Promise<LockInfo | undefined> {
    return this.unlock(stack, undefined);
  }

  /** Removes the holder but keeps the item: it carries the fencing counter. */
  private async unlock(stack: string, token: number | undefined): Promise<LockInfo | undefined> {
    const e = new Expr();
    try {
      const old = await this.table.update({
        Key: L.lockKey(stack),
        UpdateExpression: `REMOVE ${L.LOCK_HOLDER_FIELDS.map((f) => e.n(f)).join(', ')}`,
        ConditionExpression:
          token === undefined ? `attribute_exists(${e.n('holder')})` : this.heldWith(e, token),
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
        ReturnValues: 'ALL_OLD',
      });
      return L.toLock(old);
    } catch (err) {
      if (isConditionFailed(err)) return undefined;
      throw err;
    }
  }

  private heldWith(e: Expr, token: number): string {
    return `attribute_exists(${e.n('holder')}) AND ${e.n('token')} = ${e.v(N(token))}`;
  }

  async getLock(stack: string): Promise<LockInfo | undefined> {
    return L.toLock(await this.table.get(L.lockKey(stack)));
  }

  async listLocks(): Promise<LockInfo[]> {
    return (await lockItems(this.table))
      .map((i) => L.toLock(i))
      .filter((l): l is LockInfo => l !== undefined);
  }

  /**
   * One Query of the locks partition, not a Scan. The single table has no index across stacks (so every read can be
   * strongly consistent), and a Scan would read every deployment, step and event of every stack to find a few
   * names. The lock items already are the table's list of stacks: one per stack, written by the first acquire (or
   * an import, history.ts), never deleted because they carry the fencing counter, and sorted by stack in the key.
   */
  async listStacks(): Promise<string[]> {
    return (await lockItems(this.table)).map((i) => str(i, 'sk')!);
  }

  async createDeployment(d: DeploymentRecord): Promise<void> {
    const sk = L.depSk(d.startedAt, tick(), d.id);
    const what = `deployment "${d.id}"`;
    const expiresAt = this.expiresAt();
    const ref = {
      ...L.key(L.depPk(d.id), L.REF_SK),
      type: S('ref'),
      stack: S(d.stack),
      depSk: S(sk),
      expiresAt,
    };
    const item = { ...L.key(L.stackPk(d.stack), sk), ...defined(L.deploymentFields(d)), expiresAt };
    // The ref first: in per-item mode a crash in between leaves only a ref, which no read can see.
    await this.fencer.write(d.stack, d.fencingToken, [
      create(ref, d.fencingToken, what),
      create(item, d.fencingToken, what),
    ]);
    this.refs.set(d.id, { stack: d.stack, sk });
  }

  private async ref(id: string): Promise<{ stack: string; sk: string } | undefined> {
    const cached = this.refs.get(id);
    if (cached) return cached;
    const item = await this.table.get(L.key(L.depPk(id), L.REF_SK));
    const [stack, sk] = item ? [str(item, 'stack'), str(item, 'depSk')] : [];
    if (stack === undefined || sk === undefined) return undefined;
    this.refs.set(id, { stack, sk });
    return { stack, sk };
  }

  private async requireRef(id: string) {
    const ref = await this.ref(id);
    if (!ref) throw new Error(`deployment ${id} not found in the store`);
    return ref;
  }

  async updateDeployment(
    id: string,
    patch: Partial<Pick<DeploymentRecord, 'status' | 'endedAt' | 'summary' | 'resolvedBy' | 'estimate'>>,
    token: number,
  ): Promise<void> {
    const { stack, sk } = await this.requireRef(id);
    // A patch only ever sets fields: leave out what it does not mention (undefined would REMOVE).
    const fields = Object.fromEntries(
      Object.entries({
        status: patch.status && S(patch.status),
        endedAt: patch.endedAt === undefined ? undefined : N(patch.endedAt),
        summary: patch.summary === undefined ? undefined : S(patch.summary),
        resolvedBy: patch.resolvedBy && S(JSON.stringify(patch.resolvedBy)),
        estimate: patch.estimate && S(JSON.stringify(patch.estimate)),
      }).filter(([, v]) => v !== undefined),
    );
    await this.fencer.write(stack, token, [
      change('update', L.key(L.stackPk(stack), sk), token, fields, `deployment "${id}"`),
    ]);
  }

  async getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    const ref = await this.ref(id);
    const item = ref && (await this.table.get(L.key(L.stackPk(ref.stack), ref.sk)));
    return item && L.toDeployment(item);
  }

  async listDeployments(filter: HistoryFilter = {}): Promise<DeploymentRecord[]> {
    return this.history.list(filter);
  }

  async findUnfinished(stack: string): Promise<DeploymentRecord[]> {
    return this.history.unfinished(stack);
  }

  async putStep(step: StepRecord, token: number): Promise<void> {
    const { stack, sk } = await this.requireRef(step.deploymentId);
    const what = `step "${step.service}" of deployment "${step.deploymentId}"`;
    // First-put order: the token orders holders (strictly increasing), tick orders writes within one.
    const ord = S(`${pad(token, 12)}#${pad(tick(), 16)}`);
    const writes = [
      change(
        'upsert',
        L.key(L.depPk(step.deploymentId), L.stepSk(step.service)),
        token,
        { ...L.stepFields(step), expiresAt: this.expiresAt() },
        what,
        { set: (e) => [`${e.n('ord')} = if_not_exists(${e.n('ord')}, ${e.v(ord)})`] },
      ),
    ];
    if (changesService(step.state)) {
      writes.push(
        change('update', L.key(L.stackPk(stack), sk), token, {}, `deployment "${step.deploymentId}"`, {
          add: (e) => [`${e.n('changed')} ${e.v({ SS: [step.service] })}`],
        }),
      );
    }
    await this.fencer.write(stack, token, writes);
  }

  async listSteps(deploymentId: string): Promise<StepRecord[]> {
    const items = await this.table.queryPrefix(L.depPk(deploymentId), 'step#');
    return items.sort((a, b) => (str(a, 'ord')! < str(b, 'ord')! ? -1 : 1)).map(L.toStep);
  }

  appendEvent(ev: NewEvent): Promise<number> {
    return this.events.append(ev);
  }

  listEvents(deploymentId: string): Promise<StoredEvent[]> {
    return this.events.listForDeployment(deploymentId, async () => (await this.ref(deploymentId))?.stack);
  }

  listEventsAfter(stack: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.events.listAfter(stack, afterSeq, limit);
  }

  getCursor(stack: string, channel: string): Promise<DeliveryCursor | undefined> {
    return getCursor(this.table, stack, channel);
  }

  putCursor(stack: string, channel: string, next: DeliveryCursor): Promise<boolean> {
    return putCursor(this.table, stack, channel, next);
  }

  recordPauseDecision(d: StoredPauseDecision): Promise<{ recorded: boolean; decision: StoredPauseDecision }> {
    return recordPauseDecision(this.table, d, this.expiresAt());
  }

  getPauseDecision(
    deploymentId: string,
    wave: number,
    stage: string,
  ): Promise<StoredPauseDecision | undefined> {
    return getPauseDecision(this.table, deploymentId, wave, stage);
  }

  async saveRevision(r: RevisionRecord): Promise<void> {
    const e = new Expr();
    try {
      // A revision id names one resolved spec; saving it again keeps the first record.
      await this.table.put({
        Item: L.revisionItem(r),
        ConditionExpression: `attribute_not_exists(${e.n('pk')})`,
        ExpressionAttributeNames: e.names,
      });
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
    }
  }

  async getRevision(stack: string, service: string, revision: string): Promise<RevisionRecord | undefined> {
    const item = await this.table.get(L.key(L.stackPk(stack), L.revSk(service, revision)));
    return item && L.toRevision(item);
  }

  async getCurrent(stack: string): Promise<CurrentRevision[]> {
    const items = await this.table.queryPrefix(L.stackPk(stack), 'cur#');
    return items.filter((i) => str(i, 'revision') !== undefined).map(L.toCurrent);
  }

  async setCurrent(
    stack: string,
    service: string,
    value: { revision: string; deploymentId: string; at: number } | undefined,
    token: number,
  ): Promise<void> {
    const what = `current revision of "${service}" in stack "${stack}"`;
    const current = change(
      'upsert',
      L.key(L.stackPk(stack), L.curSk(service)),
      token,
      { type: S('current'), service: S(service), ...L.currentFields(value) },
      what,
    );
    if (value === undefined) return this.fencer.write(stack, token, [current]);
    const good: Item = {
      ...L.key(L.stackPk(stack), L.goodSk(service, token, tick())),
      type: S('good'),
      service: S(service),
      revision: S(value.revision),
      deploymentId: S(value.deploymentId),
      at: N(value.at),
    };
    await this.fencer.write(stack, token, [current, create(good, token, `good revision of "${service}"`)]);
  }

  async listGoodRevisions(stack: string, service: string, limit?: number): Promise<CurrentRevision[]> {
    return (await this.table.queryPrefix(L.stackPk(stack), L.goodPrefix(service), false, limit)).map(
      L.toCurrent,
    );
  }

  enqueue(e: EnqueueRequest): Promise<QueueEntry> {
    return this.queue.enqueue(e);
  }

  renewQueue(stack: string, id: string, leaseMs: number, now: number): Promise<QueueEntry | undefined> {
    return this.queue.renew(stack, id, leaseMs, now);
  }

  leaveQueue(stack: string, id: string): Promise<void> {
    return this.queue.leave(stack, id);
  }

  listQueue(stack: string, now: number): Promise<QueueEntry[]> {
    return this.queue.list(stack, now);
  }

  supersedeQueued(
    stack: string,
    ticket: number,
    byCorrelationId: string,
    now: number,
  ): Promise<QueueEntry[]> {
    return this.queue.supersede(stack, ticket, byCorrelationId, now);
  }

  importDeployment(d: DeploymentRecord, steps: StepRecord[], events: NewEvent[]): Promise<void> {
    return this.history.import(d, steps, () => this.events.import(d.id, events));
  }

  async prune(stack: string, policy: RetentionPolicy): Promise<{ deployments: number; queue: number }> {
    const deployments = await this.history.prune(stack, policy.historyBefore);
    await this.events.prune(stack, policy.historyBefore);
    return { deployments, queue: await this.queue.prune(stack, policy.queueBefore) };
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.table.client.destroy();
  }
}
