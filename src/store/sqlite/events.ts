import type Database from 'better-sqlite3';
import type { NewEvent, StoredEvent } from '../store.js';

interface EventRow {
  stack: string;
  seq: number;
  deployment_id: string | null;
  at: number;
  code: string;
  data: string;
}

function toEvent(r: EventRow): StoredEvent {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const e: StoredEvent = { stack: r.stack, seq: r.seq, at: r.at, code: r.code, data };
  if (r.deployment_id !== null) e.deploymentId = r.deployment_id;
  return e;
}

/**
 * The per-stack event stream's statements. `append` must run inside an IMMEDIATE transaction (the store's `write`):
 * taking the next seq and inserting the event is then one step for every connection to the file, so seqs have no
 * gaps and no duplicates however many processes append at once.
 */
export function eventOps(db: Database.Database) {
  const q = {
    nextSeq: db.prepare<[string], { last_seq: number }>(
      `INSERT INTO event_seq (stack, last_seq) VALUES (?, 1)
       ON CONFLICT (stack) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    ),
    insert: db.prepare<EventRow>(
      `INSERT INTO events (stack, seq, deployment_id, at, code, data)
       VALUES (@stack, @seq, @deployment_id, @at, @code, @data)`,
    ),
    byDeployment: db.prepare<[string], EventRow>('SELECT * FROM events WHERE deployment_id = ? ORDER BY seq'),
    after: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stack = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    pruneBefore: db.prepare<[string, number]>('DELETE FROM events WHERE stack = ? AND at < ?'),
    pruneDeployment: db.prepare<[string]>('DELETE FROM events WHERE deployment_id = ?'),
  };
  return {
    append(e: NewEvent): number {
      const { last_seq: seq } = q.nextSeq.get(e.stack)!;
      q.insert.run({
        stack: e.stack,
        seq,
        deployment_id: e.deploymentId ?? null,
        at: e.at,
        code: e.code,
        data: JSON.stringify(e.data),
      });
      return seq;
    },
    listForDeployment: (id: string) => q.byDeployment.all(id).map(toEvent),
    listAfter: (stack: string, after: number, limit: number) => q.after.all(stack, after, limit).map(toEvent),
    /** The stream before `before`, and every event of the given (pruned) deployments. */
    prune(stack: string, before: number, deployments: string[]): void {
      q.pruneBefore.run(stack, before);
      for (const id of deployments) q.pruneDeployment.run(id);
    },
  };
}
