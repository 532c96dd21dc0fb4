import type { Service } from '../../spec/types.js';

/**
 * Copies of a local service (`convoy scale`): copy i (from 1) is the service's own command on port `port + i`,
 * recorded as its own service `NAME#i`, so starting, following, stopping and logging work on it unchanged. Copy 0
 * is the service itself.
 */
export const REPLICA_MARK = '#';

export function replicaName(name: string, i: number): string {
  return `${name}${REPLICA_MARK}${i}`;
}

/** The copy number of `recordName` when it is a copy of `name`; undefined otherwise. */
export function replicaIndex(recordName: string, name: string): number | undefined {
  const prefix = `${name}${REPLICA_MARK}`;
  if (!recordName.startsWith(prefix)) return undefined;
  const i = Number(recordName.slice(prefix.length));
  return Number.isInteger(i) && i > 0 ? i : undefined;
}

export const isReplica = (recordName: string) => recordName.includes(REPLICA_MARK);

/**
 * Copy i of the service: PORT (when its env sets one), `local.port` and a health check that probes that port
 * (HTTP URL or TCP) move to `port + i`; a health command runs as written, with the copy's PORT in its environment.
 */
export function replicaService(service: Service, i: number): Service {
  const local = service.local;
  if (i === 0 || !local || local.port === undefined) return service;
  const from = local.port;
  const to = from + i;
  const env = { ...local.env };
  if (env.PORT && !env.PORT.sealed) env.PORT = { ...env.PORT, value: String(to) };
  const hc = service.healthCheck;
  let healthCheck = hc;
  if (hc?.http) {
    const url = new URL(hc.http.url);
    if (url.port === String(from)) url.port = String(to);
    healthCheck = { ...hc, http: { ...hc.http, url: url.toString() } };
  } else if (hc?.tcp && hc.tcp.port === from) healthCheck = { ...hc, tcp: { ...hc.tcp, port: to } };
  return {
    ...service,
    name: replicaName(service.name, i),
    local: { ...local, port: to, env },
    ...(healthCheck ? { healthCheck } : {}),
  };
}
