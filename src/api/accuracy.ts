import type { HistoryFilter, Prediction, Store } from '../store/store.js';
import type { Opened } from './open.js';

/**
 * How good the stack's estimates were (`convoy history --accuracy`): each prediction the store kept next to what
 * actually happened, scored. A deployment counts once it succeeded, a service run once it reached its gate; a
 * prediction holds when the actual duration fell inside its interval.
 */

export interface AccuracyRow {
  /** The stack's name for its deployments, a service's name for its runs. */
  name: string;
  predictions: number;
  /** How many actual durations fell inside their predicted interval. */
  held: number;
  /** held / predictions (null without predictions); the intervals aim at 0.8. */
  coverage: number | null;
  /** Median of |midpoint − actual|, in ms and as a share of the actual duration (%). */
  medianAbsErrorMs: number | null;
  medianAbsErrorPct: number | null;
  /** How many of the predictions were guesses from the stack file (no history yet). */
  guesses: number;
}

export interface Accuracy {
  stack: AccuracyRow;
  services: AccuracyRow[];
}

interface Scored {
  predicted: Prediction;
  actualMs: number;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function scoreRow(name: string, scored: readonly Scored[]): AccuracyRow {
  const held = scored.filter(
    (s) => s.predicted.lowMs <= s.actualMs && s.actualMs <= s.predicted.highMs,
  ).length;
  const err = scored.map((s) => Math.abs(s.predicted.midMs - s.actualMs));
  const pct = scored.map((s) => (100 * Math.abs(s.predicted.midMs - s.actualMs)) / Math.max(1, s.actualMs));
  const mae = median(err);
  const maePct = median(pct);
  return {
    name,
    predictions: scored.length,
    held,
    coverage: scored.length ? Math.round((1000 * held) / scored.length) / 1000 : null,
    medianAbsErrorMs: mae === null ? null : Math.round(mae),
    medianAbsErrorPct: maePct === null ? null : Math.round(10 * maePct) / 10,
    guesses: scored.filter((s) => s.predicted.basis === 'guess').length,
  };
}

/** Scores the predictions of the deployments `filter` selects (a stack's, by default all of them kept). */
export async function loadAccuracy(
  store: Store,
  filter: HistoryFilter & { stack: string },
): Promise<Accuracy> {
  const deployments = (await store.listDeployments(filter)).filter((d) => d.kind !== 'down');
  const whole: Scored[] = [];
  const byService = new Map<string, Scored[]>();
  for (const d of deployments) {
    if (d.status === 'succeeded' && d.estimate && d.endedAt !== undefined)
      whole.push({ predicted: d.estimate, actualMs: d.endedAt - d.startedAt });
    for (const s of await store.listSteps(d.id)) {
      if (s.state !== 'healthy' || !s.estimate || s.startedAt === undefined || s.endedAt === undefined)
        continue;
      const list = byService.get(s.service) ?? [];
      list.push({ predicted: s.estimate, actualMs: s.endedAt - s.startedAt });
      byService.set(s.service, list);
    }
  }
  return {
    stack: scoreRow(filter.stack, whole),
    services: [...byService]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, scored]) => scoreRow(name, scored)),
  };
}

/** How good the open stack's estimates were, over the deployments the filter selects. */
export function accuracy(o: Opened, filter: Omit<HistoryFilter, 'stack'> = {}): Promise<Accuracy> {
  return loadAccuracy(o.store, { ...filter, stack: o.stack.name });
}
