import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FencedOutError } from '../../errors.js';
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
import { cursorOps } from './cursors.js';
import { pauseOps } from './pauses.js';
import { eventOps } from './events.js';
import {
  fromDeployment,
  fromLock,
  fromRevision,
  fromStep,
  toCurrent,
  toDeployment,
  toLock,
  toRevision,
  toStep,
  type CurrentRow,
  type DeploymentRow,
  type LockRow,
  type RevisionRow,
  type StepRow,
} from './rows.js';
import { queueOps } from './queue.js';
import { migrate } from './schema.js';

/** Several convoy processes (CI jobs, a developer's terminal) may share one file; they queue rather than fail. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Switching a fresh file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without its busy
 * handler, when processes opening the file together would otherwise deadlock (seen: 4 processes opening one new
 * file). So the switch is retried here, within the same budget as any other wait for the file.
 */
function useWal(db: Database.Database): void {
  // Counted in pauses, not read from the wall clock: the store also runs inside the virtual-time simulator.
  for (let pauses = 0; ; pauses++) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || pauses * PAUSE_MS >= BUSY_TIMEOUT_MS)
        throw err;
      Atomics.wait(PAUSE, 0, 0, PAUSE_MS); // a synchronous pause: opening a store is synchronous
    }
  }
}

const PAUSE_MS = 25;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') ownerOnly(file);
  const db = new Database(file);
  try {
    // busy_timeout first: switching to WAL and migrating both need locks another process may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    useWal(db);
    migrate(db, file);
    return new SqliteStore(db);
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The file (and its folder) only for its owner: it holds history a team may not want shared. SQLite gives its -wal
 * and -shm files the database file's mode, so creating it 0600 first covers them; an older file is tightened.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  try {
    chmodSync(file, 0o600);
  } catch {
    // Someone else's file (a shared CI cache): theirs to tighten.
  }
}

class SqliteStore implements Store {
  private readonly q;
  private readonly queue;
  private readonly events;
  private readonly cursors;
  private readonly pauses;

  constructor(private readonly db: Database.Database) {
    this.q = prepare(db);
    this.queue = queueOps(db);
    this.events = eventOps(db);
    this.cursors = cursorOps(db);
    this.pauses = pauseOps(db);
  }

  /**
   * Every write that reads before it writes runs IMMEDIATE: a deferred transaction that upgrades from read to write
   * gets SQLITE_BUSY at once in WAL mode instead of waiting on busy_timeout, and could act on a stale read.
   */
  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Standard fencing: the token must still be the one in the lock row. An expired lease nobody took over is still ours. */
  private assertToken(stack: string, token: number): void {
    const row = this.q.getLock.get(stack);
    if (row?.token === token) return;
    throw new FencedOutError(
      row
        ? `lock token ${token} for stack "${stack}" is no longer current (current: ${row.token} held by ${row.holder}, correlation ${row.correlation_id}); another deployment took over`
        : `lock token ${token} for stack "${stack}" is no longer current (current: none, the lock was released or force-released); this deployment no longer owns the stack`,
    );
  }

  private stackOf(deploymentId: string): string {
    const row = this.q.getDeployment.get(deploymentId);
    if (!row) throw new Error(`deployment ${deploymentId} not found in the store`);
    return row.stack;
  }

  async acquireLock(req: {
    stack: string;
    holder: string;
    correlationId: string;
    leaseMs: number;
    now: number;
  }): Promise<AcquireResult> {
    return this.write((): AcquireResult => {
      const existing = this.q.getLock.get(req.stack);
      if (existing && existing.expires_at > req.now) return { acquired: false, holder: toLock(existing) };
      const { last_token: token } = this.q.nextToken.get(req.stack)!;
      const lock: LockInfo = {
        stack: req.stack,
        holder: req.holder,
        correlationId: req.correlationId,
        token,
        acquiredAt: req.now,
        expiresAt: req.now + req.leaseMs,
      };
      this.q.putLock.run(fromLock(lock));
      // Any expired row belonged to an earlier acquisition (a different token), so it is a takeover even if the
      // holder string happens to match: that run's writes are fenced out from now on.
      return existing ? { acquired: true, lock, tookOver: toLock(existing) } : { acquired: true, lock };
    });
  }

  async renewLock(stack: string, token: number, leaseMs: number, now: number): Promise<boolean> {
    return this.q.renewLock.run(now + leaseMs, stack, token).changes > 0;
  }

  async releaseLock(stack: string, token: number): Promise<void> {
    this.q.releaseLock.run(stack, token);
  }

  async forceReleaseLock(stack: string): Promise<LockInfo | undefined> {
    const row = this.q.deleteLock.get(stack);
    return row && toLock(row);
  }

  async getLock(stack: string): Promise<LockInfo | undefined> {
    const row = this.q.getLock.get(stack);
    return row && toLock(row);
  }

  async listLocks(): Promise<LockInfo[]> {
    return this.q.listLocks.all().map(toLock);
  }

  async listStacks(): Promise<string[]> {
    return this.q.listStacks.all().map((r) => r.stack);
  }

  async createDeployment(d: DeploymentRecord): Promise<void> {
    this.write(() => {
      this.assertToken(d.stack, d.fencingToken);
      this.q.insertDeployment.run(fromDeployment(d));
    });
  }

  async updateDeployment(
    id: string,
    patch: Partial<Pick<DeploymentRecord, 'status' | 'endedAt' | 'summary' | 'resolvedBy' | 'estimate'>>,
    token: number,
  ): Promise<void> {
    this.write(() => {
      this.assertToken(this.stackOf(id), token);
      this.q.updateDeployment.run({
        id,
        status: patch.status ?? null,
        ended_at: patch.endedAt ?? null,
        summary: patch.summary ?? null,
        resolved_by: patch.resolvedBy === undefined ? null : JSON.stringify(patch.resolvedBy),
        estimate: patch.estimate === undefined ? null : JSON.stringify(patch.estimate),
      });
    });
  }

  async getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    const row = this.q.getDeployment.get(id);
    return row && toDeployment(row);
  }

  async listDeployments(filter: HistoryFilter = {}): Promise<DeploymentRecord[]> {
    const conditions: [string, string | number | undefined][] = [
      ['stack = ?', filter.stack],
      ['status = ?', filter.status],
      ['correlation_id = ?', filter.correlationId],
      ['actor = ?', filter.actor],
      ['started_at >= ?', filter.since],
      ['started_at < ?', filter.until],
      [
        `id IN (SELECT deployment_id FROM steps WHERE service = ? AND state NOT IN ('unchanged', 'skipped', 'pending'))`,
        filter.service,
      ],
    ];
    const used = conditions.filter((c): c is [string, string | number] => c[1] !== undefined);
    const where = used.map(([sql]) => sql);
    const params: (string | number)[] = used.map(([, value]) => value);
    // rowid breaks ties between deployments started in the same millisecond: later insert is newer.
    const sql =
      `SELECT * FROM deployments ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ` +
      `ORDER BY started_at DESC, rowid DESC LIMIT ?`;
    params.push(filter.limit ?? -1);
    return this.db
      .prepare<unknown[], DeploymentRow>(sql)
      .all(...params)
      .map(toDeployment);
  }

  async findUnfinished(stack: string): Promise<DeploymentRecord[]> {
    return this.q.findUnfinished.all(stack).map(toDeployment);
  }

  async putStep(step: StepRecord, token: number): Promise<void> {
    this.write(() => {
      this.assertToken(this.stackOf(step.deploymentId), token);
      this.q.upsertStep.run(fromStep(step));
    });
  }

  async listSteps(deploymentId: string): Promise<StepRecord[]> {
    return this.q.listSteps.all(deploymentId).map(toStep);
  }

  async appendEvent(e: NewEvent): Promise<number> {
    return this.write(() => this.events.append(e));
  }

  async listEvents(deploymentId: string): Promise<StoredEvent[]> {
    return this.events.listForDeployment(deploymentId);
  }

  async listEventsAfter(stack: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.events.listAfter(stack, afterSeq, limit);
  }

  async getCursor(stack: string, channel: string): Promise<DeliveryCursor | undefined> {
    return this.cursors.get(stack, channel);
  }

  async putCursor(stack: string, channel: string, next: DeliveryCursor): Promise<boolean> {
    return this.cursors.put(stack, channel, next);
  }

  async saveRevision(r: RevisionRecord): Promise<void> {
    this.q.saveRevision.run(fromRevision(r));
  }

  async getRevision(stack: string, service: string, revision: string): Promise<RevisionRecord | undefined> {
    const row = this.q.getRevision.get(stack, service, revision);
    return row && toRevision(row);
  }

  async getCurrent(stack: string): Promise<CurrentRevision[]> {
    return this.q.getCurrent.all(stack).map(toCurrent);
  }

  async setCurrent(
    stack: string,
    service: string,
    value: { revision: string; deploymentId: string; at: number } | undefined,
    token: number,
  ): Promise<void> {
    this.write(() => {
      this.assertToken(stack, token);
      if (value === undefined) {
        this.q.deleteCurrent.run(stack, service);
        return;
      }
      const row = {
        stack,
        service,
        revision: value.revision,
        deployment_id: value.deploymentId,
        at: value.at,
      };
      this.q.upsertCurrent.run(row);
      this.q.appendGood.run(row);
    });
  }

  async listGoodRevisions(stack: string, service: string, limit?: number): Promise<CurrentRevision[]> {
    return this.q.listGood.all(stack, service, limit ?? -1).map(toCurrent);
  }

  async enqueue(e: EnqueueRequest): Promise<QueueEntry> {
    return this.queue.enqueue(e);
  }

  async renewQueue(stack: string, id: string, leaseMs: number, now: number): Promise<QueueEntry | undefined> {
    return this.queue.renew(stack, id, leaseMs, now);
  }

  async leaveQueue(stack: string, id: string): Promise<void> {
    this.queue.leave(stack, id);
  }

  async listQueue(stack: string, now: number): Promise<QueueEntry[]> {
    return this.queue.list(stack, now);
  }

  async supersedeQueued(
    stack: string,
    ticket: number,
    byCorrelationId: string,
    now: number,
  ): Promise<QueueEntry[]> {
    return this.write(() => this.queue.supersede(stack, ticket, byCorrelationId, now));
  }

  async recordPauseDecision(
    d: StoredPauseDecision,
  ): Promise<{ recorded: boolean; decision: StoredPauseDecision }> {
    return this.write(() => this.pauses.record(d));
  }

  async getPauseDecision(
    deploymentId: string,
    wave: number,
    stage: string,
  ): Promise<StoredPauseDecision | undefined> {
    return this.pauses.get(deploymentId, wave, stage);
  }

  async importDeployment(d: DeploymentRecord, steps: StepRecord[], events: NewEvent[]): Promise<void> {
    this.write(() => {
      if (this.q.getDeployment.get(d.id)) return;
      // A stack only ever deployed without the lock stays listed (listStacks) once its history is pruned.
      this.q.registerStack.run(d.stack);
      this.q.insertDeployment.run(fromDeployment(d));
      for (const st of steps) this.q.upsertStep.run(fromStep(st));
      // They join the end of the stream: followers that are past their time still see them.
      for (const e of events) this.events.append(e);
    });
  }

  async prune(stack: string, policy: RetentionPolicy): Promise<{ deployments: number; queue: number }> {
    return this.write(() => {
      const old = this.db
        .prepare<[string, number], { id: string }>(
          `SELECT id FROM deployments WHERE stack = ? AND ended_at IS NOT NULL AND ended_at < ?`,
        )
        .all(stack, policy.historyBefore)
        .map((r) => r.id);
      for (const id of old) {
        this.db.prepare('DELETE FROM steps WHERE deployment_id = ?').run(id);
        this.pauses.prune(id);
        this.db.prepare('DELETE FROM deployments WHERE id = ?').run(id);
      }
      this.events.prune(stack, policy.historyBefore, old);
      return { deployments: old.length, queue: this.queue.prune(stack, policy.queueBefore) };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    getLock: db.prepare<[string], LockRow>('SELECT * FROM locks WHERE stack = ?'),
    listLocks: db.prepare<[], LockRow>('SELECT * FROM locks ORDER BY stack'),
    // fencing keeps a row per stack that ever took the lock (or was imported into); deployments adds stacks
    // imported before imports wrote that row. BINARY order: the same as the DynamoDB store's sort keys.
    listStacks: db.prepare<[], { stack: string }>(
      'SELECT stack FROM fencing UNION SELECT stack FROM deployments ORDER BY stack',
    ),
    // Token 0: the next acquire still hands out 1.
    registerStack: db.prepare<[string]>(
      'INSERT INTO fencing (stack, last_token) VALUES (?, 0) ON CONFLICT (stack) DO NOTHING',
    ),
    putLock: db.prepare<LockRow>(
      `INSERT OR REPLACE INTO locks (stack, holder, correlation_id, token, acquired_at, expires_at)
       VALUES (@stack, @holder, @correlation_id, @token, @acquired_at, @expires_at)`,
    ),
    nextToken: db.prepare<[string], { last_token: number }>(
      `INSERT INTO fencing (stack, last_token) VALUES (?, 1)
       ON CONFLICT (stack) DO UPDATE SET last_token = last_token + 1
       RETURNING last_token`,
    ),
    renewLock: db.prepare<[number, string, number]>(
      'UPDATE locks SET expires_at = ? WHERE stack = ? AND token = ?',
    ),
    releaseLock: db.prepare<[string, number]>('DELETE FROM locks WHERE stack = ? AND token = ?'),
    deleteLock: db.prepare<[string], LockRow>('DELETE FROM locks WHERE stack = ? RETURNING *'),

    insertDeployment: db.prepare<DeploymentRow>(
      `INSERT INTO deployments (id, stack, kind, correlation_id, actor, context, status, fencing_token, started_at,
                                ended_at, summary, resolved_by, estimate)
       VALUES (@id, @stack, @kind, @correlation_id, @actor, @context, @status, @fencing_token, @started_at,
               @ended_at, @summary, @resolved_by, @estimate)`,
    ),
    // NULL means "not in the patch": a patch only ever sets fields.
    updateDeployment: db.prepare<{
      id: string;
      status: string | null;
      ended_at: number | null;
      summary: string | null;
      resolved_by: string | null;
      estimate: string | null;
    }>(
      `UPDATE deployments SET
         status      = COALESCE(@status, status),
         ended_at    = COALESCE(@ended_at, ended_at),
         summary     = COALESCE(@summary, summary),
         resolved_by = COALESCE(@resolved_by, resolved_by),
         estimate    = COALESCE(@estimate, estimate)
       WHERE id = @id`,
    ),
    getDeployment: db.prepare<[string], DeploymentRow>('SELECT * FROM deployments WHERE id = ?'),
    findUnfinished: db.prepare<[string], DeploymentRow>(
      `SELECT * FROM deployments WHERE stack = ? AND status IN ('running', 'rolling-back')
       ORDER BY started_at DESC, rowid DESC`,
    ),

    // ON CONFLICT DO UPDATE keeps the rowid, so listSteps stays in first-put (plan) order.
    upsertStep: db.prepare<StepRow>(
      `INSERT INTO steps (deployment_id, service, from_revision, to_revision, state, started_at, ended_at, detail,
                          estimate)
       VALUES (@deployment_id, @service, @from_revision, @to_revision, @state, @started_at, @ended_at, @detail,
               @estimate)
       ON CONFLICT (deployment_id, service) DO UPDATE SET
         from_revision = excluded.from_revision, to_revision = excluded.to_revision, state = excluded.state,
         started_at = excluded.started_at, ended_at = excluded.ended_at, detail = excluded.detail,
         estimate = COALESCE(excluded.estimate, steps.estimate)`,
    ),
    listSteps: db.prepare<[string], StepRow>('SELECT * FROM steps WHERE deployment_id = ? ORDER BY rowid'),

    // A revision id names one resolved spec; saving it again (a redeploy, a rollback) keeps the first record.
    saveRevision: db.prepare<RevisionRow>(
      `INSERT INTO revisions (stack, service, revision, spec, created_at)
       VALUES (@stack, @service, @revision, @spec, @created_at)
       ON CONFLICT DO NOTHING`,
    ),
    getRevision: db.prepare<[string, string, string], RevisionRow>(
      'SELECT * FROM revisions WHERE stack = ? AND service = ? AND revision = ?',
    ),

    getCurrent: db.prepare<[string], CurrentRow>(
      'SELECT service, revision, deployment_id, at FROM current WHERE stack = ? ORDER BY service',
    ),
    upsertCurrent: db.prepare<CurrentRow & { stack: string }>(
      `INSERT INTO current (stack, service, revision, deployment_id, at)
       VALUES (@stack, @service, @revision, @deployment_id, @at)
       ON CONFLICT (stack, service) DO UPDATE SET
         revision = excluded.revision, deployment_id = excluded.deployment_id, at = excluded.at`,
    ),
    deleteCurrent: db.prepare<[string, string]>('DELETE FROM current WHERE stack = ? AND service = ?'),
    appendGood: db.prepare<CurrentRow & { stack: string }>(
      `INSERT INTO good_revisions (stack, service, revision, deployment_id, at)
       VALUES (@stack, @service, @revision, @deployment_id, @at)`,
    ),
    listGood: db.prepare<[string, string, number], CurrentRow>(
      `SELECT service, revision, deployment_id, at FROM good_revisions WHERE stack = ? AND service = ?
       ORDER BY id DESC LIMIT ?`,
    ),
  };
}
