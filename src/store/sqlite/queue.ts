import type Database from 'better-sqlite3';
import type { EnqueueRequest, QueueEntry } from '../store.js';

interface QueueRow {
  ticket: number;
  stack: string;
  id: string;
  holder: string;
  correlation_id: string;
  enqueued_at: number;
  expires_at: number;
  superseded_by: string | null;
}

function toEntry(r: QueueRow): QueueEntry {
  const e: QueueEntry = {
    stack: r.stack,
    id: r.id,
    ticket: r.ticket,
    holder: r.holder,
    correlationId: r.correlation_id,
    enqueuedAt: r.enqueued_at,
    expiresAt: r.expires_at,
  };
  if (r.superseded_by !== null) e.supersededBy = r.superseded_by;
  return e;
}

/** The fair queue's statements; kept apart from the store class so each file stays about one thing. */
export function queueOps(db: Database.Database) {
  const q = {
    insert: db.prepare<
      {
        stack: string;
        id: string;
        holder: string;
        correlation_id: string;
        enqueued_at: number;
        expires_at: number;
      },
      QueueRow
    >(
      `INSERT INTO queue (stack, id, holder, correlation_id, enqueued_at, expires_at)
       VALUES (@stack, @id, @holder, @correlation_id, @enqueued_at, @expires_at) RETURNING *`,
    ),
    renew: db.prepare<[number, string, string], QueueRow>(
      'UPDATE queue SET expires_at = ? WHERE stack = ? AND id = ? RETURNING *',
    ),
    leave: db.prepare<[string, string]>('DELETE FROM queue WHERE stack = ? AND id = ?'),
    live: db.prepare<[string, number], QueueRow>(
      'SELECT * FROM queue WHERE stack = ? AND expires_at > ? AND superseded_by IS NULL ORDER BY ticket',
    ),
    supersede: db.prepare<[string, string, number, number], QueueRow>(
      `UPDATE queue SET superseded_by = ? WHERE stack = ? AND ticket < ? AND expires_at > ? AND superseded_by IS NULL
       RETURNING *`,
    ),
    prune: db.prepare<[string, number]>('DELETE FROM queue WHERE stack = ? AND enqueued_at < ?'),
  };
  return {
    enqueue: (e: EnqueueRequest) =>
      toEntry(
        q.insert.get({
          stack: e.stack,
          id: e.id,
          holder: e.holder,
          correlation_id: e.correlationId,
          enqueued_at: e.now,
          expires_at: e.now + e.leaseMs,
        })!,
      ),
    renew: (stack: string, id: string, leaseMs: number, now: number) => {
      const row = q.renew.get(now + leaseMs, stack, id);
      return row && toEntry(row);
    },
    leave: (stack: string, id: string) => void q.leave.run(stack, id),
    list: (stack: string, now: number) => q.live.all(stack, now).map(toEntry),
    supersede: (stack: string, ticket: number, by: string, now: number) =>
      q.supersede
        .all(by, stack, ticket, now)
        .map(toEntry)
        .sort((a, b) => a.ticket - b.ticket),
    prune: (stack: string, before: number) => q.prune.run(stack, before).changes,
  };
}
