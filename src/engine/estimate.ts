import type { DeploymentRecord, Store } from '../store/store.js';

/** With no history yet, a deployment is assumed to take a minute. */
const DEFAULT_DURATION_MS = 60_000;

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Recent successful deployments of the stack, newest first; a `down` or a `scale` deploys nothing, so tells nothing. */
async function recentSuccesses(store: Store, stack: string): Promise<DeploymentRecord[]> {
  const recent = await store.listDeployments({ stack, status: 'succeeded', limit: 20 });
  return recent.filter((d) => d.kind !== 'down' && d.kind !== 'scale');
}

/** Typical duration of a deployment of this stack: the median of its recent successful ones. */
export async function typicalDuration(store: Store, stack: string): Promise<number> {
  const recent = await recentSuccesses(store, stack);
  return (
    median(recent.filter((d) => d.endedAt !== undefined).map((d) => d.endedAt! - d.startedAt)) ??
    DEFAULT_DURATION_MS
  );
}

/**
 * How long each service took to reach its gate in the stack's last successful deployment: what the next one can
 * expect of the same service.
 */
export async function lastUnitDurations(store: Store, stack: string): Promise<Map<string, number>> {
  const [last] = await recentSuccesses(store, stack);
  if (!last) return new Map();
  return new Map(
    (await store.listSteps(last.id))
      .filter((s) => s.state === 'healthy' && s.startedAt !== undefined && s.endedAt !== undefined)
      .map((s) => [s.service, s.endedAt! - s.startedAt!] as const),
  );
}

/**
 * How long until the holder is done: its share of services still to go times the typical duration; before it has
 * planned any step, what remains of the typical duration on the clock.
 */
export async function holderRemaining(
  store: Store,
  stack: string,
  typical: number,
  now: number,
): Promise<number> {
  const [running] = await store.listDeployments({ stack, status: 'running', limit: 1 });
  if (!running) return 0;
  const steps = await store.listSteps(running.id);
  const elapsed = now - running.startedAt;
  const done = steps.filter((s) => s.state === 'healthy' || s.state === 'unchanged').length;
  return steps.length ? typical * (1 - done / steps.length) : Math.max(0, typical - elapsed);
}

/** When a waiter with `ahead` deployments before it (holder excluded) will likely start. */
export async function estimateStart(
  store: Store,
  stack: string,
  ahead: number,
  holderPresent: boolean,
  now: number,
): Promise<number> {
  const typical = await typicalDuration(store, stack);
  const holder = holderPresent ? await holderRemaining(store, stack, typical, now) : 0;
  return now + holder + ahead * typical;
}
