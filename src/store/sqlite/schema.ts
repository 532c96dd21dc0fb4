import type Database from 'better-sqlite3';

/**
 * Append-only: migration i takes the database from user_version i to i+1. Never edit a shipped entry; files written
 * by an older convoy are upgraded in place by the newer one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE locks (
    stack          TEXT PRIMARY KEY,
    holder         TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    token          INTEGER NOT NULL,
    acquired_at    INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL
  );
  -- Separate from locks so the counter survives release / force-release and a token is never handed out twice.
  CREATE TABLE fencing (
    stack      TEXT PRIMARY KEY,
    last_token INTEGER NOT NULL
  );
  CREATE TABLE deployments (
    id             TEXT PRIMARY KEY,
    stack          TEXT NOT NULL,
    kind           TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    actor          TEXT NOT NULL,
    context        TEXT NOT NULL,
    status         TEXT NOT NULL,
    fencing_token  INTEGER NOT NULL,
    started_at     INTEGER NOT NULL,
    ended_at       INTEGER,
    summary        TEXT,
    resolved_by    TEXT
  );
  CREATE INDEX deployments_by_stack ON deployments (stack, started_at);
  CREATE INDEX deployments_by_correlation ON deployments (correlation_id);
  CREATE INDEX deployments_by_status ON deployments (status);
  CREATE TABLE steps (
    deployment_id TEXT NOT NULL,
    service       TEXT NOT NULL,
    from_revision TEXT,
    to_revision   TEXT NOT NULL,
    state         TEXT NOT NULL,
    started_at    INTEGER,
    ended_at      INTEGER,
    detail        TEXT,
    PRIMARY KEY (deployment_id, service)
  );
  CREATE TABLE events (
    deployment_id TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    code          TEXT NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (deployment_id, seq)
  );
  CREATE TABLE revisions (
    stack      TEXT NOT NULL,
    service    TEXT NOT NULL,
    revision   TEXT NOT NULL,
    spec       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (stack, service, revision)
  );
  CREATE TABLE current (
    stack         TEXT NOT NULL,
    service       TEXT NOT NULL,
    revision      TEXT NOT NULL,
    deployment_id TEXT NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (stack, service)
  );
  -- AUTOINCREMENT: ids are never reused, so id order is append order even after rows are pruned.
  CREATE TABLE good_revisions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    stack         TEXT NOT NULL,
    service       TEXT NOT NULL,
    revision      TEXT NOT NULL,
    deployment_id TEXT NOT NULL,
    at            INTEGER NOT NULL
  );
  CREATE INDEX good_revisions_by_service ON good_revisions (stack, service, id);
  `,
  `
  -- AUTOINCREMENT ticket: arrival order across every process sharing the file, never reused.
  CREATE TABLE queue (
    ticket         INTEGER PRIMARY KEY AUTOINCREMENT,
    stack          TEXT NOT NULL,
    id             TEXT NOT NULL UNIQUE,
    holder         TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    enqueued_at    INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    superseded_by  TEXT
  );
  CREATE INDEX queue_by_stack ON queue (stack, ticket);
  CREATE INDEX steps_by_service ON steps (service, deployment_id);
  `,
  `
  -- Events become one stream per stack: seq counts the stack's events 1, 2, 3… (issue 12), and lock, queue and
  -- other events outside a deployment have no deployment id.
  CREATE TABLE stack_events (
    stack         TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    deployment_id TEXT,
    at            INTEGER NOT NULL,
    code          TEXT NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (stack, seq)
  );
  -- Apart from the events so that pruning them never lets a seq be handed out twice.
  CREATE TABLE event_seq (
    stack    TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
  );
  -- Deployments of a stack never overlapped (the lock), so start order then per-deployment seq is stream order.
  -- Events of deployments already pruned have no known stack and are dropped with them.
  INSERT INTO stack_events (stack, seq, deployment_id, at, code, data)
    SELECT d.stack, ROW_NUMBER() OVER (PARTITION BY d.stack ORDER BY d.started_at, d.rowid, e.seq),
           e.deployment_id, e.at, e.code, e.data
    FROM events e JOIN deployments d ON d.id = e.deployment_id;
  INSERT INTO event_seq (stack, last_seq) SELECT stack, MAX(seq) FROM stack_events GROUP BY stack;
  DROP TABLE events;
  ALTER TABLE stack_events RENAME TO events;
  CREATE INDEX events_by_deployment ON events (deployment_id, seq);
  CREATE INDEX events_by_time ON events (stack, at);
  `,
  `
  -- Notification channels read the event stream: how far each got, its memory and who is sending (issue 14).
  CREATE TABLE delivery_cursors (
    stack       TEXT NOT NULL,
    channel     TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    state       TEXT NOT NULL,
    holder      TEXT,
    lease_until INTEGER,
    version     INTEGER NOT NULL,
    PRIMARY KEY (stack, channel)
  );
  `,
  `
  -- Each prediction next to what happened: the deployment's and each service run's interval, as JSON (issue 17).
  ALTER TABLE deployments ADD COLUMN estimate TEXT;
  ALTER TABLE steps ADD COLUMN estimate TEXT;
  `,
  `
  -- The decision at a deployment's pause, taken by whoever answers first (issue 18): the primary key makes the
  -- first writer win.
  CREATE TABLE pause_decisions (
    deployment_id TEXT NOT NULL,
    wave          INTEGER NOT NULL,
    stage         TEXT NOT NULL,
    stack         TEXT NOT NULL,
    services      TEXT NOT NULL,
    action        TEXT NOT NULL,
    decided_by    TEXT NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (deployment_id, wave, stage)
  );
  `,
];

export const schemaVersion = migrations.length;

export function migrate(db: Database.Database, file: string): void {
  // Cheap read first so the common case (already current) never takes the write lock.
  if (version(db) === schemaVersion) return;
  // IMMEDIATE and re-read inside: several processes may open a fresh file at once; only the first migrates.
  db.transaction(() => {
    const from = version(db);
    if (from > schemaVersion) {
      throw new Error(
        `${file} has store schema version ${from}, newer than this convoy understands (${schemaVersion}); upgrade convoy`,
      );
    }
    for (const sql of migrations.slice(from)) db.exec(sql);
    db.pragma(`user_version = ${schemaVersion}`);
  }).immediate();
}

function version(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
