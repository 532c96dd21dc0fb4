/**
 * The "listens on 127.0.0.1 but is reached from elsewhere" rule, pure so local and ECS services can both feed it.
 * A process bound to loopback accepts only connections made to a loopback address on its own host: on ECS (each
 * task its own address) nothing outside the task reaches it; locally, neither does a connection made to the
 * machine's LAN address or a DNS name.
 */

export interface NetService {
  name: string;
  env: Readonly<Record<string, string>>;
  /** Command-line arguments, where `--host 127.0.0.1` or `--bind 127.0.0.1:8000` may set the address. */
  args?: readonly string[];
  /** Reached by a load balancer (an ECS target group). */
  exposed?: boolean;
}

export interface Bind {
  /** `env BIND` or `args --host`, for messages. */
  where: string;
  value: string;
  /** Env key or argument index, for locating it in the file. */
  key: string | number;
  from: 'env' | 'args';
}

export interface LoopbackReach {
  service: string;
  bind: Bind;
  /** The service (or `a load balancer`) that must reach it. */
  from: string;
  /** The env entry that names it, and the address it uses. */
  via?: { key: string; address: string };
}

export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1';
}

function hostOf(address: string): string {
  const a = address.trim();
  if (a.startsWith('[')) return a.slice(0, a.indexOf(']') + 1);
  const parts = a.split(':');
  return parts.length === 2 ? parts[0]! : a;
}

/**
 * Keys that say where a service listens, unlike `DB_HOST` (where its database is): the generic ones, ones with
 * a server-ish prefix, and `<OWN NAME>_HOST`.
 */
const BIND_KEY =
  /^(BIND|HOST|HOSTNAME|LISTEN|(BIND|LISTEN)_(ADDR|ADDRESS|HOST|IP)|(SERVER|APP|HTTP)_(HOST|BIND|ADDR|ADDRESS|LISTEN)|\w+_(BIND|LISTEN_ADDR|LISTEN_ADDRESS|BIND_ADDR|BIND_ADDRESS))$/;
export const BIND_FLAG = /^(--host|--bind|-b|--listen|--address|--hostname|-H)(?:=(.*))?$/;

export function loopbackBind(s: NetService): Bind | undefined {
  const own = s.name.toUpperCase().replace(/-/g, '_');
  for (const [key, value] of Object.entries(s.env)) {
    const k = key.toUpperCase();
    if ((BIND_KEY.test(k) || k === `${own}_HOST`) && isLoopback(hostOf(value)))
      return { where: `env ${key}=${value}`, value, key, from: 'env' };
  }
  const args = s.args ?? [];
  for (let i = 0; i < args.length; i++) {
    const m = BIND_FLAG.exec(args[i]!);
    if (!m) continue;
    const value = m[2] ?? args[i + 1];
    const at = m[2] !== undefined ? i : i + 1;
    if (value !== undefined && isLoopback(hostOf(value)))
      return { where: `args ${m[1]} ${value}`, value, key: at, from: 'args' };
  }
  return undefined;
}

/** `scheme://host[:port]` or `host:port`; `label=` in front names the service (REQUIRES=api=host:port). */
const ADDRESS =
  /(?:(?<label>[a-z0-9][a-z0-9_-]*)=)?(?:(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?:[^\s@/]+@)?)?(?<host>\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)(?::(?<port>\d{1,5}))?/gi;

export interface Reference {
  key: string;
  label?: string;
  host: string;
  port?: number;
}

/** Addresses an env names, e.g. `http://api:8080/x`, `db:5432`, `api=127.0.0.1:7201,kafka=kafka:9092`. */
export function references(env: Readonly<Record<string, string>>): Reference[] {
  const out: Reference[] = [];
  for (const [key, value] of Object.entries(env)) {
    for (const m of value.matchAll(ADDRESS)) {
      const g = m.groups!;
      if (!g.scheme && !g.port) continue;
      out.push({
        key,
        host: g.host!,
        ...(g.label ? { label: g.label } : {}),
        ...(g.port ? { port: Number(g.port) } : {}),
      });
    }
  }
  return out;
}

function names(r: Reference, service: string): boolean {
  const s = service.toLowerCase();
  return r.label?.toLowerCase() === s || r.host.toLowerCase().split('.')[0] === s;
}

/** Every service bound to loopback that another service (or a load balancer) reaches from elsewhere. */
export function loopbackReach(services: readonly NetService[]): LoopbackReach[] {
  const out: LoopbackReach[] = [];
  for (const t of services) {
    const bind = loopbackBind(t);
    if (!bind) continue;
    if (t.exposed) out.push({ service: t.name, bind, from: 'a load balancer' });
    for (const f of services) {
      if (f.name === t.name) continue;
      const r = references(f.env).find(
        (x) => names(x, t.name) && !isLoopback(x.host) && x.host !== '0.0.0.0',
      );
      if (r)
        out.push({
          service: t.name,
          bind,
          from: f.name,
          via: { key: r.key, address: `${r.host}${r.port ? `:${r.port}` : ''}` },
        });
    }
  }
  return out;
}
