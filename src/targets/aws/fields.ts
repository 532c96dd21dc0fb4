import type { Service } from '../../spec/types.js';
import type { Fields } from '../observed.js';
import { unwrapped } from './health-report.js';
import { registrationFor } from './taskdef.js';

/**
 * ECS task definitions and services as drift's fields (targets/observed.ts): the stack file's JSON and what
 * DescribeTaskDefinition / DescribeServices answer render alike, with ECS's defaults filled in on both sides so a
 * default ECS echoes back is no difference. Only what drift is about: per container the image, env, secrets'
 * sources, cpu and memory and health check; the task's cpu and memory; the service's desired count, network, load
 * balancers and deployment strategy.
 */

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

function put(fields: Fields, key: string, value: string | undefined): void {
  if (value !== undefined) fields[key] = value;
}

function healthCheck(hc: Json | undefined): string | undefined {
  const cmd = hc?.command as string[] | undefined;
  if (!cmd?.length) return undefined;
  const shown = unwrapped(cmd);
  const command = shown !== undefined ? `CMD-SHELL ${shown}` : cmd.join(' ');
  const n = (k: string, d: number) => Number(hc![k] ?? d);
  return `${command} (interval ${n('interval', 30)}s, timeout ${n('timeout', 5)}s, retries ${n('retries', 3)}, startPeriod ${n('startPeriod', 0)}s)`;
}

export function taskDefinitionFields(td: Json): Fields {
  const fields: Fields = {};
  put(fields, 'task.cpu', str(td.cpu));
  put(fields, 'task.memory', str(td.memory));
  for (const c of (td.containerDefinitions as Json[] | undefined) ?? []) {
    const at = `container ${String(c.name)}`;
    put(fields, `${at}.image`, str(c.image));
    put(fields, `${at}.cpu`, Number(c.cpu ?? 0) ? String(c.cpu) : undefined);
    put(fields, `${at}.memory`, str(c.memory));
    put(fields, `${at}.memoryReservation`, str(c.memoryReservation));
    if (c.essential === false) fields[`${at}.essential`] = 'false';
    for (const e of (c.environment as Json[] | undefined) ?? [])
      fields[`${at}.env.${String(e.name)}`] = String(e.value ?? '');
    for (const e of (c.secrets as Json[] | undefined) ?? [])
      fields[`${at}.secret.${String(e.name)}`] = `from ${String(e.valueFrom)}`;
    put(fields, `${at}.healthCheck`, healthCheck(c.healthCheck as Json | undefined));
  }
  return fields;
}

function network(n: Json | undefined): string | undefined {
  const v = n?.awsvpcConfiguration as Json | undefined;
  if (!v) return undefined;
  const list = (k: string) => ((v[k] as string[] | undefined) ?? []).slice().sort().join(',') || '(none)';
  return `subnets ${list('subnets')}; securityGroups ${list('securityGroups')}; assignPublicIp ${String(v.assignPublicIp ?? 'DISABLED')}`;
}

/**
 * The deployment strategy in words, ECS's defaults filled in: `rolling 100–200%, circuit breaker with rollback` (the
 * controller, minimum healthy to maximum percent, the circuit breaker).
 */
export function strategy(def: Json): string {
  const controller = String((def.deploymentController as Json | undefined)?.type ?? 'ECS');
  const dc = (def.deploymentConfiguration as Json | undefined) ?? {};
  const breaker = dc.deploymentCircuitBreaker as Json | undefined;
  const parts = [
    `${controller === 'ECS' ? 'rolling' : controller} ${Number(dc.minimumHealthyPercent ?? 100)}–${Number(dc.maximumPercent ?? 200)}%`,
    `circuit breaker ${breaker?.enable ? (breaker.rollback ? 'with rollback' : 'on') : 'off'}`,
  ];
  return parts.join(', ');
}

/**
 * A service definition (or DescribeServices' service) as fields. `desiredCount` only where the file sets one: without
 * it Convoy keeps the count a service runs with, so it cannot have drifted.
 */
export function serviceFields(def: Json, withDesiredCount: boolean): Fields {
  const fields: Fields = {};
  if (withDesiredCount) put(fields, 'service.desiredCount', str(def.desiredCount ?? 1));
  const providers = (def.capacityProviderStrategy as Json[] | undefined) ?? [];
  put(
    fields,
    'service.capacity',
    providers.length
      ? providers
          .map(
            (p) =>
              `${String(p.capacityProvider)} weight ${Number(p.weight ?? 0)} base ${Number(p.base ?? 0)}`,
          )
          .sort()
          .join('; ')
      : str(def.launchType),
  );
  put(fields, 'service.network', network(def.networkConfiguration as Json | undefined));
  const lbs = ((def.loadBalancers as Json[] | undefined) ?? [])
    .map(
      (l) =>
        `${String(l.targetGroupArn ?? l.loadBalancerName)} → ${String(l.containerName)}:${String(l.containerPort)}`,
    )
    .sort();
  put(fields, 'service.loadBalancers', lbs.length ? lbs.join('; ') : undefined);
  fields['service.strategy'] = strategy(def);
  const grace = Number(def.healthCheckGracePeriodSeconds ?? 0);
  if (grace) fields['service.healthCheckGracePeriodSeconds'] = String(grace);
  return fields;
}

/** The stack file's side: the task definition Convoy registers (with the stack's health check) and the service. */
export function fileFields(service: Service, stack: string): Fields {
  if (!service.aws) return {};
  const td = registrationFor(service, '', stack).input as unknown as Json;
  const def = service.aws.serviceDefinition;
  return {
    ...taskDefinitionFields(td),
    ...(service.kind === 'service' ? serviceFields(def ?? {}, def?.desiredCount !== undefined) : {}),
  };
}
