import type { StepRecord } from './store.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** A step as `convoy history --json` and the HTTP API show it; its field names are part of the public contract. */
export function stepView(s: StepRecord) {
  return {
    service: s.service,
    from: s.fromRevision ?? null,
    to: s.toRevision,
    state: s.state,
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    durationMs: s.startedAt !== undefined && s.endedAt !== undefined ? s.endedAt - s.startedAt : null,
    detail: s.detail ?? null,
    estimate: s.estimate ?? null,
  };
}
