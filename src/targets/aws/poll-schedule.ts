/**
 * When the aws target's next poll round comes. A healthy service's rollout can only complete right after a health
 * probe of one of its tasks (ECS probes each container every `interval` from its start) plus the moment the service
 * scheduler takes to act on it: between two such moments, a round learns nothing about it finishing. So the round
 * the back-off would run at `now + interval` moves onto such a moment (of the service holding up the most, inside the
 * window the engine expects it to finish in), and a service turning healthy is seen within a round trip instead of at
 * the next tick of a fixed grid. The rounds before such a moment are spaced so that one lands on it, as many as the
 * back-off would run meanwhile: moved rounds replace regular ones, so DescribeServices calls stay what it makes.
 */

/** A moment a watched service may show it finished, and how much hangs on it (a higher weight is followed first). */
export interface Candidate {
  at: number;
  weight: number;
}

/**
 * Steps to a target are its distance in intervals rounded down unless the rest is at least this much: a little over
 * half the time steps are longer than the interval, which pays for the rounds a new target costs.
 */
const ROUNDING = 0.15;

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
 * The next round. The candidate that holds up the most (the highest weight, the earliest of equals) is the target:
 * the rounds up to it are spread evenly, as many as the back-off would run in that time (rounded), so the last lands
 * on it and the count stays the back-off's. The first of them moves onto another candidate near its slot (from half
 * a step before to half a step after), the one whose round sees the most weight (a round at `t` also sees the
 * candidates up to `shareMs` before it). A target too close for a step of its own (under 1 − ROUNDING intervals)
 * is taken only as far earlier than `now + interval` as earlier rounds ran late (`creditMs`): with an interval longer
 * than the probes' (hundreds of services in flight), aiming would otherwise outrun the back-off. Without a candidate,
 * `now + interval`.
 */
export function nextRound(
  now: number,
  intervalMs: number,
  candidates: readonly Candidate[],
  /** A round at `t` still sees a candidate this much before it soon enough: one round may serve several. */
  shareMs: number,
  /** How far rounds have run behind the back-off's own schedule so far: what a round too close may catch up. */
  creditMs: number,
): NextRound {
  const ahead = candidates.filter((c) => c.at > now);
  let target: Candidate | undefined;
  for (const c of ahead) {
    if (!target || c.weight > target.weight || (c.weight === target.weight && c.at < target.at)) target = c;
  }
  const steps = target ? Math.floor((target.at - now) / intervalMs + ROUNDING) : 0;
  if (!target || steps === 0) {
    // Too close for a round of its own: only as far earlier as earlier rounds ran late, else at a candidate up to
    // half an interval later.
    if (target && target.at >= now + intervalMs - creditMs) return { at: target.at, onProbe: true };
    return bestSeen(ahead, now + intervalMs, now + intervalMs * 1.5, shareMs, now + intervalMs);
  }
  if (steps === 1) return { at: target.at, onProbe: true };
  const step = (target.at - now) / steps;
  return bestSeen(ahead, now + step / 2, now + step * 1.5, shareMs, Math.round(now + step));
}

/** Of the candidates from `from` to `to`, the one whose round sees the most weight, the earliest of equals. */
function bestSeen(
  candidates: readonly Candidate[],
  from: number,
  to: number,
  shareMs: number,
  otherwise: number,
): NextRound {
  const near = candidates.filter((c) => c.at >= from && c.at <= to).sort((a, b) => a.at - b.at);
  let best: NextRound = { at: otherwise, onProbe: false };
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
