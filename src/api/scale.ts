import { recordedRevisions } from '../engine/deploy.js';
import type { Subscriber } from '../engine/events.js';
import { runScale, type ScaleChange } from '../engine/scale.js';
import { InvalidInputError } from '../errors.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import type { Opened } from './open.js';
import { correlationIdFrom, whoAndWhere } from './who.js';

export interface ScaleOptions {
  /** Service name → how many copies to run. */
  replicas: Record<string, number>;
  correlationId?: string;
  waitLockMs?: number;
  cancelSuperseded?: boolean;
  subscribers?: Subscriber[];
}

/** `worker=2` → ["worker", 2]; exit 3 for anything else. */
export function parseScaleArg(arg: string): [string, number] {
  const m = /^([^=\s]+)=(-?\d+)$/.exec(arg);
  if (!m) throw new InvalidInputError(`scale takes SERVICE=N (e.g. worker=2), not "${arg}"`);
  return [m[1]!, Number(m[2])];
}

/**
 * Checks each request against the stack file before anything is locked: a service it has, a whole number, not
 * negative, within `scale.max`; locally more than one copy needs `scale.max` (copies take ports port+1, …).
 */
export function checkScale(o: Opened, replicas: Record<string, number>): void {
  const known = o.stack.services.map((s) => s.name);
  const where = `${o.stack.file}: services`;
  for (const [name, n] of Object.entries(replicas)) {
    const s = o.stack.services.find((x) => x.name === name);
    if (!s) throw unknownNameError('service', name, known, `in stack ${o.stack.name}`);
    if (s.kind !== 'service') throw new InvalidInputError(`${name} is a ${s.kind}: only services are scaled`);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new InvalidInputError(`${name}=${n}: a replica count is a whole number, 0 or more`);
    const max = s.scale?.max;
    if (max !== undefined && n > max)
      throw new InvalidInputError(`${name}=${n} is beyond ${where}.${name}.scale.max, which is ${max}`);
    if (o.stack.target === 'local' && max === undefined && n > 1)
      throw new InvalidInputError(
        `${name}=${n}: ${where}.${name} allows no replicas; set scale.max (copies listen on local.port + 1, + 2, …)`,
      );
    if (o.stack.target === 'local' && n > 1 && s.local?.port === undefined)
      throw new InvalidInputError(
        `${name}=${n}: replicas need ${where}.${name}.local.port (copy i listens on port + i)`,
      );
  }
}

/** How long added copies may take to pass their gate: the stack's deployment timeout. */
export async function scale(o: Opened, r: ScaleOptions): Promise<{ deploymentId: string }> {
  checkScale(o, r.replicas);
  const recorded = await recordedRevisions(o, o.stack);
  const now = new Map((await o.target.status(Object.keys(r.replicas))).map((s) => [s.name, s.replicas]));
  const changes: ScaleChange[] = Object.entries(r.replicas).map(([name, to]) => {
    const rec = recorded.get(name);
    if (!rec) throw new InvalidInputError(`${name} has never been deployed; deploy it before scaling it`);
    // The revision that runs is what gets copied, its secrets resolved again like a rollback's.
    const unit = {
      stack: o.stack.name,
      service: o.stack.unseal(rec.spec),
      revision: rec.revision,
      returning: true,
    };
    return { unit, from: now.get(name) ?? null, to };
  });
  return runScale(o, {
    stack: o.stack,
    correlationId: correlationIdFrom(r.correlationId, o.env),
    ...whoAndWhere(o.stack.dir, o.env),
    waitLockMs: r.waitLockMs ?? 0,
    cancelSuperseded: r.cancelSuperseded,
    subscribers: r.subscribers,
    changes,
    timeoutMs: o.stack.deploy.timeout,
  });
}
