import type { Service } from '../spec/types.js';
import type { EcsServiceState, Health } from '../targets/target.js';
import type { Opened } from './open.js';

/** One service as `convoy status --json` shows it; field names are part of the public contract. */
export interface ServiceStatus {
  name: string;
  kind: Service['kind'];
  revision: string | null;
  pid: number | null;
  health: Health;
  uptimeSeconds: number | null;
  exitCode?: number | null;
  /** aws: an ECS service's running, pending and desired counts, rollout state, strategy and console link. */
  ecs?: EcsServiceState;
  /** How many copies run (`convoy scale`). */
  replicas?: number;
}

/** What runs now, for every service of the stack file (a service the target does not know is stopped). */
export async function status(o: Opened): Promise<ServiceStatus[]> {
  const states = new Map((await o.target.status()).map((s) => [s.name, s]));
  const now = o.clock.now();
  return o.stack.services.map((svc) => {
    const s = states.get(svc.name);
    const up = s?.startedAt && s.health !== 'stopped' ? Math.round((now - s.startedAt) / 1000) : null;
    return {
      name: svc.name,
      kind: svc.kind,
      revision: s?.revision ?? null,
      pid: s?.health === 'stopped' ? null : (s?.pid ?? null),
      health: s?.health ?? 'stopped',
      uptimeSeconds: up,
      ...(s?.exitCode != null ? { exitCode: s.exitCode } : {}),
      ...(s?.ecs ? { ecs: s.ecs } : {}),
      ...(s?.replicas !== undefined ? { replicas: s.replicas } : {}),
    };
  });
}
