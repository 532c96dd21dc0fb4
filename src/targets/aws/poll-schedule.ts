/**
 * When to describe one ECS service next. A healthy service's deployment can only complete right after a health probe
 * of its last task still starting (ECS probes each container every `interval` from the container's start) plus the
 * moment the service scheduler takes to act on it. Inside the window where the engine expects the service to reach
 * its gate, the poll moves onto those moments, so a service that turns healthy is seen at once instead of at the
 * next tick of a fixed grid. It is never later than 1.5 × the back-off interval, and a poll moved onto a probe replaces
 * the regular one rather than adding to it, so the number of calls stays what the back-off alone would make.
 */

export interface PollInput {
  now: number;
  /** The service's back-off interval: where the next poll falls without a probe to follow. */
  intervalMs: number;
  /** When the engine expects the service to reach its gate (clock ms); without it, the regular poll. */
  expected?: { lowAt: number; highAt: number };
  /** The health check interval of its checked containers (ms); none: nothing to follow. */
  probeMs?: number;
  /** When each of its running tasks that is not healthy yet started (clock ms). */
  starting: readonly number[];
  /** How long after a probe ECS shows its consequence (the scheduler's reaction), learned from past rollouts. */
  settleMs: number;
}

export interface NextPoll {
  at: number;
  /** On a probe: not to be moved earlier to share a call, or it would come before the change it waits for. */
  onProbe: boolean;
}

/** The first probe of a task started at `startedAt` whose consequence shows after `after`: start + k·interval, k ≥ 1. */
export function nextProbeAfter(startedAt: number, probeMs: number, after: number): number {
  const k = Math.max(1, Math.floor((after - startedAt) / probeMs) + 1);
  return startedAt + k * probeMs;
}

export function nextPoll(p: PollInput): NextPoll {
  const regular = { at: p.now + p.intervalMs, onProbe: false };
  if (!p.expected || !p.probeMs || !p.starting.length) return regular;
  // A probe's window is the estimate widened by one probe: an 80 % interval misses one service in five.
  const from = p.expected.lowAt - p.probeMs;
  const to = p.expected.highAt + p.probeMs;
  let best = Infinity;
  for (const s of p.starting) {
    const at = nextProbeAfter(s, p.probeMs, p.now - p.settleMs) + p.settleMs;
    if (at >= from && at <= to) best = Math.min(best, at);
  }
  return best <= regular.at + p.intervalMs / 2 ? { at: best, onProbe: true } : regular;
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
