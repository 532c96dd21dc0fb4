import { AGAINST_PENALTY, type RuleHit } from './match.js';
import type { EvidenceLine } from './types.js';

/*
 * A container's environment that gives a dependency a real address says the client was pointed somewhere on purpose,
 * which reads against "the address is left at loopback". But only for that dependency: an environment with
 * DB_HOST=db and no Redis address says nothing about a Redis client refused at 127.0.0.1:6379 (it fell back to its
 * default, the setting reading). So the kind of dependency the refused address names (by its port or the client's
 * words) is matched against the kind each variable names; when the line names no kind, any dependency variable counts.
 */

export type DependencyKind = 'sql' | 'mongo' | 'cache' | 'broker' | 'kafka';

const LINE_KINDS: ReadonlyArray<readonly [DependencyKind, RegExp]> = [
  ['cache', /[:#](?:6379|6380|11211)\b|\b(?:[Rr]edis|REDIS|ioredis|[Vv]alkey|[Mm]emcache\w*)/],
  ['mongo', /[:#]2701[789]\b|[Mm]ongo|MONGO/],
  ['kafka', /[:#]9092\b|[Kk]afka|KAFKA/],
  ['broker', /[:#](?:5672|5671|4222|61616)\b|amqp|AMQP|[Rr]abbit[Mm][Qq]|NATS/],
  [
    'sql',
    /[:#](?:543\d|3306|1433|1521|26257)\b|[Pp]ostgres|PSQL|psycopg|\bpg\b|PG::|[Mm]y[Ss][Qq][Ll]|[Mm]aria[Dd][Bb]|SQLSTATE/,
  ],
];

const VAR_KINDS: ReadonlyArray<readonly [DependencyKind, RegExp]> = [
  ['cache', /(?:^|_)(?:REDIS|CACHE|VALKEY|MEMCACHED?)(?:_|$)/],
  ['mongo', /(?:^|_)MONGO(?:DB)?(?:_|$)/],
  ['kafka', /(?:^|_)KAFKA(?:_|$)/],
  ['broker', /(?:^|_)(?:AMQP|RABBITMQ|BROKER)(?:_|$)/],
  ['sql', /(?:^|_)(?:DB|DATABASE|PG|POSTGRES(?:QL)?|MYSQL|MARIADB)(?:_|$)/],
];

/** A variable giving a dependency's address, set to something other than loopback. */
const REAL_ADDRESS = /^(?<name>\w+?_(?:HOST|URL|URI))=(?!\S*(?:localhost|127\.0\.0\.1))\S+/i;

/** The kind of dependency a log line's address or client names; the first kind whose signs occur. */
export function lineKind(text: string): DependencyKind | undefined {
  return LINE_KINDS.find(([, re]) => re.test(text))?.[0];
}

const varKind = (name: string) => VAR_KINDS.find(([, re]) => re.test(name.toUpperCase()))?.[0];

/** Whether the environment gives a real (non-loopback) address to a dependency of this kind (any kind if undefined). */
export function envNamesRealHost(lines: readonly EvidenceLine[], kind: DependencyKind | undefined): boolean {
  return lines.some((l) => {
    if (l.kind !== 'env') return false;
    const name = REAL_ADDRESS.exec(l.text)?.groups?.name;
    if (!name) return false;
    const k = varKind(name);
    return k !== undefined && (kind === undefined || k === kind);
  });
}

/** Rules that read a refusal at loopback as the setting, so a real address for that dependency reads against them. */
const LOOPBACK_SETTING_RULES = new Set(['loopback-dependency-refused']);

/** Lowers the loopback-setting readings whose environment gives that same dependency a real address. */
export function weighByDependencyKind(lines: readonly EvidenceLine[], hits: RuleHit[]): RuleHit[] {
  return hits.map((h) => {
    if (!LOOPBACK_SETTING_RULES.has(h.rule.id)) return h;
    const kind = h.lines.map((l) => lineKind(l.text)).find((k) => k !== undefined);
    if (!envNamesRealHost(lines, kind)) return h;
    return { ...h, confidence: Math.max(0.01, h.confidence - AGAINST_PENALTY) };
  });
}
