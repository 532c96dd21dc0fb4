import type {
  CurrentRevision,
  DeploymentRecord,
  Prediction,
  LockInfo,
  RevisionRecord,
  StepRecord,
  StoredEvent,
} from '../store.js';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { sealService } from '../../spec/secrets.js';
import { N, S, num, pad, str, type Item } from './expr.js';

/*
 * Single-table layout. Keys: `pk` (S, hash) and `sk` (S, range); no secondary index, so every read can be strongly
 * consistent. `expiresAt` (epoch seconds) is the table's TTL attribute; items without it are kept forever.
 *
 *   pk             sk                                    item                                  expiresAt
 *   locks          <stack>                               lock + fencing counter of the stack   never
 *   stack#<stack>  dep#<startedAt:15>#<tick:16>#<id>     deployment (newest last in sk order)  creation + retention
 *   stack#<stack>  cur#<service>                         current revision; removal leaves a    never
 *                                                        tombstone that keeps the fence
 *   stack#<stack>  good#<service>#<token:12>#<tick:16>   good revision, append-only            never
 *   stack#<stack>  rev#<service>#<revision>              resolved spec of a revision           never
 *   stack#<stack>  qseq, q#<id>                          queue ticket counter, waiters         see queue.ts
 *   stack#<stack>  evtseq, evt#<seq:10>                  the stack's event stream              see events.ts
 *   stack#<stack>  notify#<channel>                      notification delivery cursor          never
 *   dep#<id>       ref                                   stack and sk of the deployment        creation + retention
 *   dep#<id>       step#<service>                        step                                  last write + retention
 *   dep#<id>       pause#<wave:4>#<stage>                decision at a pause (first writer     write + retention
 *                                                        wins, see pauses.ts)
 *   dep#<id>       evt#<seq:10>                          copy of a stream event of the         write + retention
 *                                                        deployment (seq: the stack's)
 *   dep#<id>       evtimport                             first seq of its imported events      write + retention
 *   dep#<id>       evtseq                                (before issue 12: per-deployment seq) last write + retention
 *
 * Stack and service names cannot contain "#" (spec schema), so prefixes never collide. All locks share one
 * partition so `listLocks` is a Query, and because lock items are never deleted (they carry the counter) that
 * partition also enumerates every stack that has history (`listStacks`; an import writes a lock item too). Fenced items carry `fence`: the token that last wrote them.
 * A deployment item's `changed` (string set) names the services it changed, for history's service filter.
 */

export const LOCKS_PK = 'locks';
export const stackPk = (stack: string) => `stack#${stack}`;
export const depPk = (id: string) => `dep#${id}`;
export const REF_SK = 'ref';
export const EVENT_SEQ_SK = 'evtseq';
export const EVENT_IMPORT_SK = 'evtimport';
export const EVENT_PREFIX = 'evt#';
export const depSk = (startedAt: number, tick: number, id: string) =>
  `dep#${pad(startedAt, 15)}#${pad(tick, 16)}#${id}`;
export const curSk = (service: string) => `cur#${service}`;
export const goodPrefix = (service: string) => `good#${service}#`;
export const goodSk = (service: string, token: number, tick: number) =>
  `${goodPrefix(service)}${pad(token, 12)}#${pad(tick, 16)}`;
export const revSk = (service: string, revision: string) => `rev#${service}#${revision}`;
export const stepSk = (service: string) => `step#${service}`;
export const eventSk = (seq: number) => `${EVENT_PREFIX}${pad(seq, 10)}`;

export const key = (pk: string, sk: string): Item => ({ pk: S(pk), sk: S(sk) });
export const lockKey = (stack: string) => key(LOCKS_PK, stack);

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`malformed store item: ${what} missing`);
  return v;
};
const reqS = (item: Item, name: string) => need(str(item, name), name);
const reqN = (item: Item, name: string) => need(num(item, name), name);
const optS = (v: string | undefined) => (v === undefined ? undefined : S(v));
const optN = (v: number | undefined) => (v === undefined ? undefined : N(v));

/** Drops undefined properties so records read back deep-equal the ones written. */
function compact<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[k];
  return o;
}

/** A lock item exists forever (it holds the counter); it is held only while it has a holder. */
export function toLock(item: Item | undefined): LockInfo | undefined {
  if (!item || str(item, 'holder') === undefined) return undefined;
  return {
    stack: reqS(item, 'stack'),
    holder: reqS(item, 'holder'),
    correlationId: reqS(item, 'correlationId'),
    token: reqN(item, 'token'),
    acquiredAt: reqN(item, 'acquiredAt'),
    expiresAt: reqN(item, 'leaseExpiresAt'),
  };
}

export const LOCK_HOLDER_FIELDS = ['holder', 'correlationId', 'acquiredAt', 'leaseExpiresAt'] as const;

export function deploymentFields(d: DeploymentRecord): Record<string, AttributeValue | undefined> {
  return {
    type: S('deployment'),
    id: S(d.id),
    stack: S(d.stack),
    kind: S(d.kind),
    correlationId: S(d.correlationId),
    actor: S(d.actor),
    context: S(JSON.stringify(d.context)),
    status: S(d.status),
    fencingToken: N(d.fencingToken),
    startedAt: N(d.startedAt),
    endedAt: optN(d.endedAt),
    summary: optS(d.summary),
    resolvedBy: d.resolvedBy === undefined ? undefined : S(JSON.stringify(d.resolvedBy)),
    estimate: d.estimate === undefined ? undefined : S(JSON.stringify(d.estimate)),
  };
}

export function toDeployment(item: Item): DeploymentRecord {
  const resolvedBy = str(item, 'resolvedBy');
  return compact({
    id: reqS(item, 'id'),
    stack: reqS(item, 'stack'),
    kind: reqS(item, 'kind') as DeploymentRecord['kind'],
    correlationId: reqS(item, 'correlationId'),
    actor: reqS(item, 'actor'),
    context: JSON.parse(reqS(item, 'context')) as Record<string, string>,
    status: reqS(item, 'status') as DeploymentRecord['status'],
    fencingToken: reqN(item, 'fencingToken'),
    startedAt: reqN(item, 'startedAt'),
    endedAt: num(item, 'endedAt'),
    summary: str(item, 'summary'),
    resolvedBy:
      resolvedBy === undefined ? undefined : (JSON.parse(resolvedBy) as DeploymentRecord['resolvedBy']),
    estimate: prediction(item),
  });
}

/** Every field of a step; undefined ones are removed on upsert, as the sqlite store overwrites them with NULL. */
export function stepFields(s: StepRecord): Record<string, AttributeValue | undefined> {
  return {
    type: S('step'),
    deploymentId: S(s.deploymentId),
    service: S(s.service),
    fromRevision: optS(s.fromRevision),
    toRevision: S(s.toRevision),
    state: S(s.state),
    startedAt: optN(s.startedAt),
    endedAt: optN(s.endedAt),
    detail: optS(s.detail),
    // Absent, not undefined: a later put without a prediction (the run's end) keeps the one made at its start.
    ...(s.estimate === undefined ? {} : { estimate: S(JSON.stringify(s.estimate)) }),
  };
}

export function toStep(item: Item): StepRecord {
  return compact({
    deploymentId: reqS(item, 'deploymentId'),
    service: reqS(item, 'service'),
    fromRevision: str(item, 'fromRevision'),
    toRevision: reqS(item, 'toRevision'),
    state: reqS(item, 'state') as StepRecord['state'],
    startedAt: num(item, 'startedAt'),
    endedAt: num(item, 'endedAt'),
    detail: str(item, 'detail'),
    estimate: prediction(item),
  });
}

function prediction(item: Item): Prediction | undefined {
  const v = str(item, 'estimate');
  return v === undefined ? undefined : (JSON.parse(v) as Prediction);
}

/** An event as stored in partition `pk` (the stack's stream, or its deployment's copy); `storedAt`: wall-clock ms. */
export const eventItem = (ev: StoredEvent, pk: string, storedAt: number): Item => ({
  ...key(pk, eventSk(ev.seq)),
  type: S('event'),
  stack: S(ev.stack),
  ...(ev.deploymentId === undefined ? {} : { deploymentId: S(ev.deploymentId) }),
  seq: N(ev.seq),
  at: N(ev.at),
  code: S(ev.code),
  data: S(JSON.stringify(ev.data)),
  storedAt: N(storedAt),
});

/** `stack` for items written before events carried it (deployment copies only). */
export const toEvent = (item: Item, stack?: string): StoredEvent =>
  compact({
    stack: str(item, 'stack') ?? need(stack, 'stack'),
    seq: reqN(item, 'seq'),
    deploymentId: str(item, 'deploymentId'),
    at: reqN(item, 'at'),
    code: reqS(item, 'code'),
    data: JSON.parse(reqS(item, 'data')) as Record<string, unknown>,
  });

export const revisionItem = (r: RevisionRecord): Item => ({
  ...key(stackPk(r.stack), revSk(r.service, r.revision)),
  type: S('revision'),
  stack: S(r.stack),
  service: S(r.service),
  revision: S(r.revision),
  // Secrets as where they come from, never their values (spec/secrets.ts): the whole team reads this table.
  spec: S(JSON.stringify(sealService(r.spec))),
  createdAt: N(r.createdAt),
});

export const toRevision = (item: Item): RevisionRecord => ({
  stack: reqS(item, 'stack'),
  service: reqS(item, 'service'),
  revision: reqS(item, 'revision'),
  spec: JSON.parse(reqS(item, 'spec')) as RevisionRecord['spec'],
  createdAt: reqN(item, 'createdAt'),
});

export const currentFields = (c: Omit<CurrentRevision, 'service'> | undefined) => ({
  revision: optS(c?.revision),
  deploymentId: optS(c?.deploymentId),
  at: optN(c?.at),
});

export const toCurrent = (item: Item): CurrentRevision => ({
  service: reqS(item, 'service'),
  revision: reqS(item, 'revision'),
  deploymentId: reqS(item, 'deploymentId'),
  at: reqN(item, 'at'),
});
