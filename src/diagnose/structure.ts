import type { Capture } from '../core/capture.js';
import { SUPPORT_BONUS, type RuleHit } from './match.js';
import type { Rule } from './types.js';

/*
 * Evidence from the capture's shape rather than from one line: which containers the capture shows logs of. A
 * host name that did not resolve reads differently against them: if one of them is called that, the name is right and
 * that container was not up (the dependency); if the capture shows other containers and none is called that, the name
 * itself is wrong (a typo, an old or renamed service, a placeholder): the setting. With only the failing service in
 * the capture there is nothing to compare, and the line rules decide alone. ECS's services and task containers are
 * left out: a capture's services are the failing service's own, and the containers of one task reach each other at
 * localhost, not by name.
 */

/** A Compose or swarm log prefix: `db_1  | `, `db-1  | `, `web.1.x7f@host  | `, `portal    | `. */
const LOG_PREFIX = /^([A-Za-z][\w.-]*?)(?:[_.-]\d+(?:\.\w+@[\w.-]+)?)?\s+\|\s/;

/** Rules whose finding names a host that did not resolve, and the groups that hold it. */
const UNRESOLVED: Readonly<Record<string, readonly string[]>> = {
  'name-not-resolved': [
    'host',
    'host2',
    'host3',
    'host4',
    'host5',
    'host6',
    'host7',
    'host8',
    'host9',
    'host10',
  ],
};

const norm = (s: string) => s.toLowerCase().replace(/[_.-]\d+$/, '');

/** Compose's own status lines name the containers it runs: `db exited with code 0`, `Container shop-db-1  Started`. */
const COMPOSE_STATUS =
  /^(?:Container )?([A-Za-z][\w.-]*?)(?:[_-]\d+)?\s+(?:exited with code \d+|Created|Started|Starting|Running|Healthy|Waiting|Exited|Stopped|Recreated)\b|^(?:Creating|Starting|Recreating|Restarting|Stopping) ([A-Za-z][\w.-]*?)(?:[_-]\d+)? \.\.\./;
const ATTACHING = /^Attaching to (.+)$/;

/** The containers a log line names as Compose's prefix, Compose's status words or its `Attaching to` list. */
function named(line: string): string[] {
  const p = LOG_PREFIX.exec(line);
  if (p) return [p[1]!];
  const s = COMPOSE_STATUS.exec(line);
  if (s) return [(s[1] ?? s[2])!];
  return ATTACHING.exec(line)?.[1]?.split(/,\s*/) ?? [];
}

/** The container that printed a line: its Compose prefix, else the key it is logged under unless that groups several. */
function lineContainer(key: string, line: string, grouping: boolean): string | undefined {
  const p = LOG_PREFIX.exec(line);
  if (p) return p[1];
  // A key with spaces is a command someone ran (`docker service ls`), not a container.
  return grouping || /\s/.test(key) ? undefined : key;
}

const linesOf = (v: unknown): string[] =>
  (typeof v === 'string' ? v.split('\n') : Array.isArray(v) ? v : []).filter(
    (l): l is string => typeof l === 'string',
  );

/** A log key whose lines name containers (Compose's combined output) groups them rather than being one. */
const isGrouping = (v: unknown) => linesOf(v).some((l) => named(l).length > 0);

/**
 * The names of the containers the capture shows logs of, lower-cased, replica suffixes dropped. A key whose
 * lines name containers is a grouping (`compose`), so those names are the containers.
 */
export function containerNames(c: Capture): Set<string> {
  const names = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) names.add(norm(v.trim()));
  };
  add(c.service);
  for (const [key, lines] of Object.entries(c.logs ?? {})) {
    if (!isGrouping(lines) && !/\s/.test(key)) add(key);
    for (const l of linesOf(lines)) named(l).forEach(add);
  }
  return names;
}

/** The containers that printed the hit's lines: they are the failing side, not candidates for the host. */
function printers(c: Capture, h: RuleHit): string[] {
  return h.lines.flatMap((l) => {
    const key = /^logs\.(.+)\[\d+\]$/.exec(l.path)?.[1];
    if (key === undefined) return [];
    const name = lineContainer(key, l.text, isGrouping(c.logs?.[key]));
    return name ? [norm(name)] : [];
  });
}

/** A Compose project prefixes its containers (`shop_db_1`, `shop-db-1`): `db` is still that container. */
const isCalled = (name: string, host: string) =>
  name === host || name.endsWith(`_${host}`) || name.endsWith(`-${host}`);

const NO_SUCH_CONTAINER: Rule = {
  id: 'host-names-no-container',
  category: 'config-env',
  match: [],
  cause:
    '{service} looks up the host {host}, but no container or service in this capture is called that (it shows {names}): the host setting names something that does not exist — a typo, an old or renamed service.',
  fix: 'Set the host to the name of the container or service that runs the dependency (one of {names}), or give that service the name the setting expects.',
  confidence: 0.7,
  examples: { match: [] },
};

/**
 * The rule hits, weighed against the containers the capture shows: an unresolved host that one of them is called
 * supports the dependency reading; one that none of several is called adds the setting reading above it.
 */
export function weighByStructure(c: Capture, hits: RuleHit[]): RuleHit[] {
  const names = containerNames(c);
  const self = typeof c.service === 'string' ? norm(c.service) : undefined;
  const out = [...hits];
  for (const [i, h] of hits.entries()) {
    const groups = UNRESOLVED[h.rule.id];
    const raw = groups?.map((g) => h.groups[g]).find((v) => v !== undefined);
    // Only a single-label name can be a container's; `db.internal` or an endpoint is looked up elsewhere.
    if (!raw || !/^[A-Za-z][\w-]*$/.test(raw)) continue;
    const host = raw.toLowerCase();
    const failing = new Set([self, ...printers(c, h)]);
    const others = [...names].filter((n) => ![...failing].some((f) => f !== undefined && isCalled(n, f)));
    if ([...names].some((n) => isCalled(n, host))) {
      out[i] = { ...h, confidence: Math.min(0.99, h.confidence + SUPPORT_BONUS) };
    } else if (others.length > 0) {
      out.push({
        rule: NO_SUCH_CONTAINER,
        confidence: Math.min(0.99, Math.max(NO_SUCH_CONTAINER.confidence, h.confidence + SUPPORT_BONUS)),
        groups: { host: raw, names: others.join(', ') },
        lines: h.lines,
      });
    }
  }
  return out;
}
