/**
 * When the aws target's next poll round comes. A healthy service's rollout can only complete right after a health
 * probe of one of its tasks (ECS probes each container every `interval` from its start) plus the moment the service
 * scheduler takes to act on it: between two such moments, a round learns nothing about it finishing. So the round
 * the back-off would run at `now + interval` moves onto such a moment (of the service holding up the most, inside the
 * window the engine expects it to finish in), and a service turning healthy is seen within a round trip instead of at
 * the next tick of a fixed grid. A round moves later by at most half an interval, and earlier only by as much as
 * earlier rounds ran late: moved rounds replace regular ones, so DescribeServices calls stay what the back-off makes.
 */

/** A moment a watched service may show it finished, and how much hangs on it (a higher weight is followed first). */
export interface Candidate {
  at: number;
  weight: number;
}

export interface NextRound {
  at: number;
  /** It was moved onto a probe's consequence. */
  onProbe: boolean;
}

/** The first probe of a task started at `startedAt` after `after`: probes run at start + k·interval, k ≥ 1. */
export function nextProbeAfter(startedAt: number, probeMs: number, after: number): number {
  const k = Math.max(1, Math.floor((after - startedAt) / probeMs) + 1);
  return startedAt + k * probeMs;
}

/**
 * The next round: at a candidate up to `now + 1.5·interval`, and before `now + interval` only by as much as earlier
 * rounds ran late (`creditMs`), so moved rounds never outnumber the back-off's. Of those, the one whose round sees
 * the most weight (a round at `t` also sees the candidates up to `shareMs` before it), the earliest of equals; else
 * `now + interval`.
 */
export function nextRound(
  now: number,
  intervalMs: number,
  candidates: readonly Candidate[],
  /** A round at `t` still sees a candidate this much before it soon enough: one round may serve several. */
  shareMs: number,
  /** How far rounds have run behind the back-off's own schedule so far: only that much may be caught up. */
  creditMs: number,
): NextRound {
  const from = now + intervalMs - Math.max(0, creditMs);
  const to = now + intervalMs * 1.5;
  const near = candidates.filter((c) => c.at >= from && c.at <= to).sort((a, b) => a.at - b.at);
  let best: NextRound = { at: now + intervalMs, onProbe: false };
  let most = 0;
  for (const c of near) {
    const seen = near.filter((x) => x.at <= c.at && x.at >= c.at - shareMs).reduce((w, x) => w + x.weight, 0);
    if (seen > most) [best, most] = [{ at: c.at, onProbe: true }, seen];
  }
  return best;
}

/**
 * How long after its last task's probe a completed rollout was marked so (`Deployment.updatedAt`): the latest probe
 * of any of its tasks at or before that moment decided it. Undefined when no probe explains it.
 */
export function settleOf(
  completedAt: number,
  startedAt: readonly number[],
  probeMs: number,
): number | undefined {
  let best: number | undefined;
  for (const s of startedAt) {
    const k = Math.floor((completedAt - s) / probeMs);
    if (k < 1) continue;
    const gap = completedAt - (s + k * probeMs);
    if (best === undefined || gap < best) best = gap;
  }
  return best;
}
