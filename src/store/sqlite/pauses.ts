import type Database from 'better-sqlite3';
import type { StoredPauseDecision } from '../store.js';

interface PauseRow {
  deployment_id: string;
  wave: number;
  stage: string;
  stack: string;
  services: string;
  action: string;
  decided_by: string;
  at: number;
}

const toDecision = (r: PauseRow): StoredPauseDecision => ({
  stack: r.stack,
  deploymentId: r.deployment_id,
  wave: r.wave,
  stage: r.stage,
  services: JSON.parse(r.services) as string[],
  action: r.action as StoredPauseDecision['action'],
  by: r.decided_by,
  at: r.at,
});

/** Pause decisions: one row per (deployment, wave, stage); INSERT OR IGNORE lets the first writer win. */
export function pauseOps(db: Database.Database) {
  const q = {
    get: db.prepare<[string, number, string], PauseRow>(
      'SELECT * FROM pause_decisions WHERE deployment_id = ? AND wave = ? AND stage = ?',
    ),
    insert: db.prepare<PauseRow>(
      `INSERT OR IGNORE INTO pause_decisions (deployment_id, wave, stage, stack, services, action, decided_by, at)
       VALUES (@deployment_id, @wave, @stage, @stack, @services, @action, @decided_by, @at)`,
    ),
    prune: db.prepare<[string]>('DELETE FROM pause_decisions WHERE deployment_id = ?'),
  };
  return {
    get(deploymentId: string, wave: number, stage: string): StoredPauseDecision | undefined {
      const r = q.get.get(deploymentId, wave, stage);
      return r && toDecision(r);
    },
    /** Runs inside the caller's transaction, so the read after the insert sees the row that won. */
    record(d: StoredPauseDecision): { recorded: boolean; decision: StoredPauseDecision } {
      const recorded =
        q.insert.run({
          deployment_id: d.deploymentId,
          wave: d.wave,
          stage: d.stage,
          stack: d.stack,
          services: JSON.stringify(d.services),
          action: d.action,
          decided_by: d.by,
          at: d.at,
        }).changes === 1;
      return { recorded, decision: this.get(d.deploymentId, d.wave, d.stage)! };
    },
    prune(deploymentId: string): void {
      q.prune.run(deploymentId);
    },
  };
}
