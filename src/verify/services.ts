import { resolve } from 'node:path';
import type { Env } from '../spec/interpolate.js';
import type { Service, Stack } from '../spec/types.js';

/** What checks read of a service, for both targets. */

export function envValues(s: Service): Record<string, string> {
  return Object.fromEntries(Object.entries(s.local?.env ?? {}).map(([k, v]) => [k, v.value]));
}

/** The folder the local target runs the service (and its command health checks) in. */
export function cwdOf(stack: Stack, s: Service): string {
  return resolve(stack.dir, s.local?.cwd ?? '.');
}

/** The local target starts services with convoy's environment plus their own env, so their PATH wins. */
export function pathOf(s: Service, env: Env): string | undefined {
  return s.local?.env.PATH?.value ?? env.PATH;
}

export interface Container {
  /** Index in containerDefinitions, for messages. */
  index: number;
  name: string;
  image?: string;
  essential: boolean;
  healthCheck?: string[];
  env: Record<string, string>;
  command: string[];
  ports: number[];
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Containers of an ECS task definition, read defensively: the file is the user's JSON, not our schema. */
export function containers(s: Service): Container[] {
  const defs = s.aws?.taskDefinition?.containerDefinitions;
  if (!Array.isArray(defs)) return [];
  return defs.flatMap((d: unknown, index): Container[] => {
    if (!d || typeof d !== 'object') return [];
    const c = d as Record<string, unknown>;
    const env: Record<string, string> = {};
    for (const e of Array.isArray(c.environment) ? c.environment : []) {
      const kv = e as { name?: unknown; value?: unknown };
      if (typeof kv?.name === 'string') env[kv.name] = String(kv.value ?? '');
    }
    const hc = (c.healthCheck as { command?: unknown } | undefined)?.command;
    const ports = (Array.isArray(c.portMappings) ? c.portMappings : [])
      .map((m) => Number((m as { containerPort?: unknown })?.containerPort))
      .filter((p) => Number.isInteger(p) && p > 0);
    return [
      {
        index,
        name: typeof c.name === 'string' ? c.name : `container ${index}`,
        ...(typeof c.image === 'string' ? { image: c.image } : {}),
        essential: c.essential !== false,
        ...(Array.isArray(hc) ? { healthCheck: strings(hc) } : {}),
        env,
        command: strings(c.command),
        ports,
      },
    ];
  });
}

/** Whether the ECS service puts its tasks behind a load balancer (a target group). */
export function behindLoadBalancer(s: Service): boolean {
  const lbs = s.aws?.serviceDefinition?.loadBalancers;
  return Array.isArray(lbs) && lbs.length > 0;
}
