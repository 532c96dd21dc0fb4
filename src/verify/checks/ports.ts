import type { HealthCheckSpec, Service } from '../../spec/types.js';
import type { Check } from '../types.js';

type FieldPath = readonly (string | number)[];

/** A health check on the wrong port fails forever, and a wrong `local.port` misleads everyone reading it. */
const check: Check = {
  id: 'ports',
  passes: 'local.port, env PORT and the health check agree on each service port',
  targets: ['local'],
  run({ stack }) {
    return stack.services.flatMap((s) =>
      portProblems(s).map((p) => ({
        message: p.message,
        fix: p.fix,
        location: stack.locate(['services', s.name, ...p.path]),
      })),
    );
  },
};
export default check;

const SELF = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|::1)$/i;

/** The port a health check probes on the service's own host, and where it is written; undefined if elsewhere. */
export function healthPort(hc: HealthCheckSpec): { port: number; path: FieldPath } | undefined {
  if (hc.http) {
    try {
      const u = new URL(hc.http.url);
      if (!SELF.test(u.hostname)) return undefined;
      return {
        port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
        path: ['healthCheck', 'http', 'url'],
      };
    } catch {
      return undefined;
    }
  }
  if (hc.tcp)
    return SELF.test(hc.tcp.host) ? { port: hc.tcp.port, path: ['healthCheck', 'tcp', 'port'] } : undefined;
  const text = hc.command?.slice(1).join(' ') ?? '';
  const m = /(?:(https?):\/\/)?(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d{1,5}))?/i.exec(text);
  if (!m || (!m[1] && !m[3])) return undefined;
  return { port: Number(m[3] ?? (m[1] === 'https' ? 443 : 80)), path: ['healthCheck', 'command'] };
}

export interface PortProblem {
  message: string;
  fix: string;
  path: FieldPath;
}

export function portProblems(s: Service): PortProblem[] {
  const local = s.local;
  if (!local) return [];
  const out: PortProblem[] = [];
  const envPort = /^\d+$/.test(local.env.PORT?.value ?? '') ? Number(local.env.PORT!.value) : undefined;
  if (local.port !== undefined && envPort !== undefined && local.port !== envPort) {
    out.push({
      message: `${s.name}: local.port is ${local.port} but env PORT is ${envPort}; the app listens on PORT, so convoy would watch the wrong port`,
      fix: `make them the same: local.port: ${envPort}, or PORT: '${local.port}'`,
      path: ['local', 'env', 'PORT'],
    });
  }
  const listen = envPort ?? local.port;
  const hp = s.healthCheck && healthPort(s.healthCheck);
  if (listen === undefined || !hp) return out;
  // Other *_PORT settings (an admin or metrics port) are legitimate health check targets.
  const known = new Set([listen, local.port, envPort]);
  for (const [k, v] of Object.entries(local.env))
    if (/(^|_)PORT$/.test(k) && /^\d+$/.test(v.value)) known.add(Number(v.value));
  if (!known.has(hp.port)) {
    const source = envPort !== undefined ? 'env PORT' : 'local.port';
    out.push({
      message: `${s.name}: the health check probes port ${hp.port}, but ${s.name} listens on ${listen} (${source}); every probe would fail`,
      fix: `probe port ${listen} (e.g. http://127.0.0.1:${listen}/health), or set ${source === 'env PORT' ? 'PORT' : 'local.port'} to ${hp.port} if that is the real port`,
      path: hp.path,
    });
  }
  return out;
}
