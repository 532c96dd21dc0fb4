import type { Service } from '../spec/types.js';

export interface LockInfo {
  stack: string;
  /** Who holds it: "actor@host pid N". */
  holder: string;
  correlationId: string;
  /** Strictly increasing per stack across all acquisitions; every fenced write carries it. */
  token: number;
  /** Epoch ms. */
  acquiredAt: number;
  expiresAt: number;
}

export type AcquireResult =
  | {
      acquired: true;
      lock: LockInfo;
      /** set when an expired lease of another holder was taken over */ tookOver?: LockInfo;
    }
  | { acquired: false; holder: LockInfo };

/**
 * Every state a deployment record can be in. `failed`: failed and rolled back cleanly; `interrupted`: found
 * unfinished by a later run, which resumed or rolled it back.
 */
export const DEPLOYMENT_STATUSES = [
  'running',
  'rolling-back',
  'succeeded',
  'failed',
  'rollback-failed',
  'interrupted',
] as const;

export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * What was predicted at the start of a deployment or of one service's run (README "Estimates"), kept next to what
 * actually happened (the record's own start and end), so `convoy history --accuracy` can score it.
 */
export interface Prediction {
  lowMs: number;
  highMs: number;
  /** The interval's midpoint: the point whose error is measured. */
  midMs: number;
  basis: 'history' | 'guess' | 'mixed';
}

/**
 * `down`: `convoy down` stopped the stack's services (it takes the lock like a deployment); `restart`: `convoy
 * restart` started services again on the revision they ran, changing none; `scale`: `convoy scale` changed how many
 * copies of services run.
 */
export type DeploymentKind = 'deploy' | 'rollback' | 'down' | 'restart' | 'scale';

export interface DeploymentRecord {
  id: string;
  stack: string;
  kind: DeploymentKind;
  correlationId: string;
  actor: string;
  /** CI provider variables and git facts (GITHUB_RUN_ID, GITHUB_SHA, git author …). */
  context: Record<string, string>;
  status: DeploymentStatus;
  fencingToken: number;
  startedAt: number;
  endedAt?: number;
  /** One sentence: what happened. */
  summary?: string;
  /** Set on `interrupted` records: the deployment that found it, and what it did. */
  resolvedBy?: { deploymentId: string; action: 'resumed' | 'rolled-back' };
  /** How long it was predicted to take, once planned. */
  estimate?: Prediction;
}

export type StepState =
  | 'pending'
  | 'unchanged'
  | 'starting'
  | 'healthy' // reached its gate (healthy / started / completed)
  | 'failed'
  | 'skipped' // not started because the deployment stopped
  | 'rolling-back'
  | 'rolled-back'
  | 'rollback-failed';

/** Per-service progress of one deployment. */
export interface StepRecord {
  deploymentId: string;
  service: string;
  /** Revision running before this deployment (undefined: none). */
  fromRevision?: string;
  toRevision: string;
  state: StepState;
  startedAt?: number;
  endedAt?: number;
  /** Failure message, when failed. Never holds secret values. */
  detail?: string;
  /** How long the run was predicted to take when it started; a later put without one keeps it. */
  estimate?: Prediction;
}

/** Everything needed to run a revision again (rollback): the resolved service as deployed. */
export interface RevisionRecord {
  stack: string;
  service: string;
  revision: string;
  spec: Service;
  createdAt: number;
}

/** A deployment asking for its turn: who, and how long its entry lives without a renewal. */
export interface EnqueueRequest {
  stack: string;
  id: string;
  holder: string;
  correlationId: string;
  leaseMs: number;
  now: number;
}

/** The revision of a service that last passed its gate, i.e. the one to roll back to. */
export interface CurrentRevision {
  service: string;
  revision: string;
  deploymentId: string;
  at: number;
}

/** One event of a stack's stream (README "Events"). */
export interface StoredEvent {
  stack: string;
  /**
   * Numbers the stack's events 1, 2, 3… in the order they were stored: each append takes the next one, and none is
   * ever handed out twice, not even after pruning.
   */
  seq: number;
  /** Absent on events outside a deployment: the lock and its queue, pre-flight checks, degraded mode, `down`. */
  deploymentId?: string;
  at: number;
  code: string;
  /** The event's own fields as emitted (already redacted); not code, at, stack, deploymentId or seq. */
  data: Record<string, unknown>;
}

/** An event to append: the store assigns its seq. */
export type NewEvent = Omit<StoredEvent, 'seq'>;

/**
 * A notification channel's place in its stack's event stream (README "Notifications"): the events are durable and
 * ordered already, so "delivered up to seq N" plus the channel's own memory is the whole outbox.
 */
export interface DeliveryCursor {
  /** Every event up to this seq was delivered, or given up on and reported. */
  seq: number;
  /** The channel's memory as JSON, e.g. the Slack parent message's ts per deployment. Never secret. */
  state: Record<string, unknown>;
  /** The sender working on the channel and until when (epoch ms): other senders wait, so nothing goes out twice. */
  holder?: string;
  leaseUntil?: number;
  /** Bumped by every write; putCursor compares it. 0: never written. */
  version: number;
}

export interface HistoryFilter {
  stack?: string;
  status?: DeploymentStatus;
  correlationId?: string;
  actor?: string;
  /** Only deployments that changed (had a step for) this service. */
  service?: string;
  /** Epoch ms, inclusive: started at or after. */
  since?: number;
  /** Epoch ms, exclusive: started before. */
  until?: number;
  limit?: number;
}

/** A deployment waiting for the stack's lock. First come, first served by `ticket`. */
export interface QueueEntry {
  stack: string;
  /** The waiter's own id. */
  id: string;
  /** Store-assigned, strictly increasing per stack: the arrival order. */
  ticket: number;
  holder: string;
  correlationId: string;
  enqueuedAt: number;
  /** Renewed by the waiter while it waits; an entry past it belongs to a dead waiter and is skipped. */
  expiresAt: number;
  /** Correlation id of the newer deployment that replaced this one (--cancel-superseded). */
  supersededBy?: string;
}

/**
 * The decision at one pause of a deployment (README "Pauses"): CONTINUE or ROLLBACK for every service of the wave
 * held at `stage`, and who took it. Stored so that another process (`convoy approve`, the dashboard) can take it
 * while the deployment waits, and a deployment resumed after a crash finds it.
 */
export interface StoredPauseDecision {
  stack: string;
  deploymentId: string;
  wave: number;
  stage: string;
  services: string[];
  action: 'CONTINUE' | 'ROLLBACK';
  by: string;
  /** Epoch ms. */
  at: number;
}

export interface RetentionPolicy {
  /** Deployments (with their steps and events) that ended before this are deleted. */
  historyBefore: number;
  /** Queue entries enqueued before this are deleted, dead or alive. */
  queueBefore: number;
}

/**
 * Everything the engine persists goes through this interface (sqlite now, dynamodb later). Writes that take a
 * `token` are fenced: they fail with FencedOutError unless `token` is the stack's current lock token.
 */
export interface Store {
  acquireLock(req: {
    stack: string;
    holder: string;
    correlationId: string;
    leaseMs: number;
    now: number;
  }): Promise<AcquireResult>;
  /** Extends the lease; false when the lock is no longer ours (expired and taken, or force-released). */
  renewLock(stack: string, token: number, leaseMs: number, now: number): Promise<boolean>;
  releaseLock(stack: string, token: number): Promise<void>;
  forceReleaseLock(stack: string): Promise<LockInfo | undefined>;
  getLock(stack: string): Promise<LockInfo | undefined>;
  listLocks(): Promise<LockInfo[]>;
  /**
   * Every stack the store keeps a lock or history for, sorted by name: each that ever took its lock (a deployment, a
   * rollback, a `down`) or had a deployment imported. Still listed after its lock is released and its history
   * pruned. A stack that only queued or stored events, and never got the lock, is not listed.
   */
  listStacks(): Promise<string[]>;

  createDeployment(d: DeploymentRecord): Promise<void>;
  updateDeployment(
    id: string,
    patch: Partial<Pick<DeploymentRecord, 'status' | 'endedAt' | 'summary' | 'resolvedBy' | 'estimate'>>,
    token: number,
  ): Promise<void>;
  getDeployment(id: string): Promise<DeploymentRecord | undefined>;
  /** Newest first. */
  listDeployments(filter?: HistoryFilter): Promise<DeploymentRecord[]>;
  /** Deployments of the stack still `running` or `rolling-back` (their run died). */
  findUnfinished(stack: string): Promise<DeploymentRecord[]>;

  putStep(step: StepRecord, token: number): Promise<void>;
  listSteps(deploymentId: string): Promise<StepRecord[]>;

  /**
   * Stores the event as the next of its stack's stream and returns its seq. Concurrent appends from any number of
   * processes to one stack get distinct, consecutive seqs.
   */
  appendEvent(e: NewEvent): Promise<number>;
  /** The events of one deployment, in seq order. */
  listEvents(deploymentId: string): Promise<StoredEvent[]>;
  /**
   * The stack's events with seq above `afterSeq`, in seq order, at most `limit`: the cursor read behind
   * `convoy events --follow`. What it returns never changes later: a seq it skips was pruned, or declared lost
   * (the DynamoDB store's `event.lost`, see its appendEvent), and never appears afterwards.
   */
  listEventsAfter(stack: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;

  /** The channel's delivery cursor; undefined before its first write. */
  getCursor(stack: string, channel: string): Promise<DeliveryCursor | undefined>;
  /**
   * Compare-and-set: stores `next` only when the stored version is still `next.version - 1` (none stored: 0), so two
   * senders never both take a lease or advance past each other. False when someone else wrote first.
   */
  putCursor(stack: string, channel: string, next: DeliveryCursor): Promise<boolean>;

  saveRevision(r: RevisionRecord): Promise<void>;
  getRevision(stack: string, service: string, revision: string): Promise<RevisionRecord | undefined>;

  getCurrent(stack: string): Promise<CurrentRevision[]>;
  /** `revision: undefined` removes the service (it was rolled back to nothing). Fenced. */
  setCurrent(
    stack: string,
    service: string,
    value: { revision: string; deploymentId: string; at: number } | undefined,
    token: number,
  ): Promise<void>;
  /** Good revisions of a service, newest first (for `convoy rollback`). */
  listGoodRevisions(stack: string, service: string, limit?: number): Promise<CurrentRevision[]>;

  /** Joins the stack's queue; the store assigns the ticket. */
  enqueue(e: EnqueueRequest): Promise<QueueEntry>;
  /** Keeps a waiter's entry alive; undefined when it is gone (expired and pruned, or left). */
  renewQueue(stack: string, id: string, leaseMs: number, now: number): Promise<QueueEntry | undefined>;
  leaveQueue(stack: string, id: string): Promise<void>;
  /** Live entries (not expired, not superseded), in ticket order. */
  listQueue(stack: string, now: number): Promise<QueueEntry[]>;
  /** Marks every live entry with a lower ticket as superseded by `byCorrelationId`; returns them. */
  supersedeQueued(stack: string, ticket: number, byCorrelationId: string, now: number): Promise<QueueEntry[]>;

  /**
   * Stores the decision at a deployment's pause unless one is stored already (a conditional write: the first writer
   * wins, across processes). Returns the decision that stands and whether it is this one. Not fenced: whoever
   * answers a pause does not hold the lock.
   */
  recordPauseDecision(d: StoredPauseDecision): Promise<{ recorded: boolean; decision: StoredPauseDecision }>;
  getPauseDecision(
    deploymentId: string,
    wave: number,
    stage: string,
  ): Promise<StoredPauseDecision | undefined>;

  /**
   * Records a deployment made without the lock while the store was unreachable (--no-lock), once it is back.
   * Not fenced: it describes the past. Idempotent per deployment id.
   */
  importDeployment(d: DeploymentRecord, steps: StepRecord[], events: NewEvent[]): Promise<void>;

  /**
   * Deletes history and queue entries older than the policy's limits (DynamoDB also expires them by TTL), and the
   * stack's events from before `historyBefore`.
   */
  prune(stack: string, policy: RetentionPolicy): Promise<{ deployments: number; queue: number }>;

  close(): Promise<void>;
}
