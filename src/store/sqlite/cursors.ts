import type Database from 'better-sqlite3';
import type { DeliveryCursor } from '../store.js';

interface CursorRow {
  stack: string;
  channel: string;
  seq: number;
  state: string;
  holder: string | null;
  lease_until: number | null;
  version: number;
}

const toCursor = (r: CursorRow): DeliveryCursor => ({
  seq: r.seq,
  state: JSON.parse(r.state) as Record<string, unknown>,
  ...(r.holder === null ? {} : { holder: r.holder }),
  ...(r.lease_until === null ? {} : { leaseUntil: r.lease_until }),
  version: r.version,
});

/** Notification delivery cursors: one row per (stack, channel), written by compare-and-set on `version`. */
export function cursorOps(db: Database.Database) {
  const q = {
    get: db.prepare<[string, string], CursorRow>(
      'SELECT * FROM delivery_cursors WHERE stack = ? AND channel = ?',
    ),
    insert: db.prepare<CursorRow>(
      `INSERT OR IGNORE INTO delivery_cursors (stack, channel, seq, state, holder, lease_until, version)
       VALUES (@stack, @channel, @seq, @state, @holder, @lease_until, @version)`,
    ),
    update: db.prepare<CursorRow>(
      `UPDATE delivery_cursors SET seq = @seq, state = @state, holder = @holder, lease_until = @lease_until,
       version = @version WHERE stack = @stack AND channel = @channel AND version = @version - 1`,
    ),
  };
  return {
    get(stack: string, channel: string): DeliveryCursor | undefined {
      const r = q.get.get(stack, channel);
      return r && toCursor(r);
    },
    put(stack: string, channel: string, c: DeliveryCursor): boolean {
      const row: CursorRow = {
        stack,
        channel,
        seq: c.seq,
        state: JSON.stringify(c.state),
        holder: c.holder ?? null,
        lease_until: c.leaseUntil ?? null,
        version: c.version,
      };
      return (c.version === 1 ? q.insert.run(row) : q.update.run(row)).changes === 1;
    },
  };
}
