import type { Capture } from '../core/capture.js';
import { SUPPORT_BONUS, type RuleHit } from './match.js';
import type { Rule } from './types.js';
import { waitsFor, type Waiter } from '../spec/waits-for.js';

/*
 * Evidence from the stack file the failed service belongs to (the capture's `stack`, which a deployment adds): which
 * services exist, where they listen and what waits for what. A refused or unresolved address is a dependency that was
 * not up, or a setting that points at nothing; one line cannot tell them apart, but the stack can. An address that is
 * one of the stack's services names the dependency, and dependsOn says whether anything made the service wait for
 * it. An address no service of the stack has is the setting.
 */

type StackService = NonNullable<NonNullable<Capture['stack']>['services']>[number];

/** Rules that read a refused connection; each names the address in its lines. */
const REFUSED = new Set([
  'connection-refused',
  'refused-at-default-host',
  'refused-at-unusual-port',
  'loopback-dependency-refused',
  'refused-with-loopback-setting',
  'loopback-dependency-down-on-host',
  'dependency-not-ready',
]);
/** The unresolved-name rule names the host in one of its `host…` groups. */
const UNRESOLVED = 'name-not-resolved';

const LOOPBACK = /^(?:localhost|127\.0\.0\.1|::1|\[::1\]|0\.0\.0\.0)$/i;
const SINGLE_LABEL = /^[A-Za-z][\w-]*$/;

/** `host:port`, libpq's `server at "host" (addr), port N`, librdkafka's `ipv4#host:port`. */
const ADDRESS =
  /(?:^|[\s/@#(["'=,])(?<host>localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:]+\]|[A-Za-z][\w-]*(?:\.[\w-]+)*):(?<port>\d{2,5})\b|server at "(?<host2>[^"]+)"[^\n]*?port (?<port2>\d+)/g;

interface Address {
  host: string;
  port?: number;
  text: string;
}

function addresses(text: string): Address[] {
  return [...text.matchAll(ADDRESS)].map((m) => {
    const g = m.groups!;
    const host = (g.host ?? g.host2)!;
    const port = Number(g.port ?? g.port2);
    return { host, port, text: `${host}:${port}` };
  });
}

function unresolved(h: RuleHit): Address[] {
  const host = Object.entries(h.groups).find(
    ([k, v]) => /^host\d*$/.test(k) && /^[A-Za-z][\w.-]*$/.test(v),
  )?.[1];
  return host ? [{ host, text: host }] : [];
}

const nameOf = (s: StackService) => (typeof s.name === 'string' ? s.name : undefined);
const hasPort = (s: StackService) => s.port !== undefined && s.port !== null;

const hostsOf = (s: StackService) =>
  [nameOf(s), ...(s.hosts ?? [])].flatMap((h) => (typeof h === 'string' ? [h.toLowerCase()] : []));

/** The stack service an address is: by a name it is reached by, or on the local target by its port at loopback. */
function serviceAt(services: readonly StackService[], a: Address): StackService | undefined {
  const host = a.host.toLowerCase();
  return services.find(
    (s) =>
      hostsOf(s).includes(host) ||
      (LOOPBACK.test(a.host) && a.port !== undefined && hasPort(s) && Number(s.port) === a.port),
  );
}

/** The capture's services as the dependency graph reads them; a malformed entry waits for nothing. */
const asWaiters = (services: readonly StackService[]): Waiter[] =>
  services.map((s) => ({
    name: nameOf(s) ?? '',
    dependsOn: (s.dependsOn ?? []).flatMap((d) =>
      typeof d.name === 'string'
        ? [{ name: d.name, condition: typeof d.condition === 'string' ? d.condition : 'healthy' }]
        : [],
    ),
  }));

const reading = (
  id: string,
  category: Rule['category'],
  cause: string,
  fix: string,
  confidence: number,
): Rule => ({ id, category, match: [], cause, fix, confidence, examples: { match: [] } });

const UNDECLARED = reading(
  'stack-dependency-undeclared',
  'dependency-unreachable',
  '{service} connects to {dep} ({addr}), a service of this stack, but does not list it in dependsOn: nothing made {service} wait for {dep}, so it started before {dep} accepted connections.',
  'Add {dep} to the dependsOn of {service} with the healthy condition (`dependsOn: { {dep}: { condition: healthy } }`) and give {dep} a health check, so Convoy deploys it in an earlier wave and waits until it answers.',
  0.85,
);

const STARTED_ONLY = reading(
  'stack-dependency-started-only',
  'dependency-unreachable',
  '{service} connects to {dep} ({addr}), which it waits for only until it has started (condition `{condition}`), not until it accepts connections; it was refused before {dep} was ready.',
  'Make {service} wait for {dep} to be healthy (`dependsOn: { {dep}: { condition: healthy } }`) and give {dep} a health check that passes only once it accepts connections.',
  0.8,
);

const NO_SUCH_SERVICE = reading(
  'stack-address-unknown',
  'config-env',
  '{service} connects to {addr}, but no service of this stack is there (the stack has {names}): the address it is given points at nothing this stack runs — a wrong host or port, an old or misspelt name.',
  'Point {service} at the service it needs (one of {names}, by its name or port), or, if the dependency lives outside this stack, check that address and that it is running.',
  0.75,
);

/** `db (port 5432), kafka (port 9092)`. */
const describe = (services: readonly StackService[]) =>
  services.map((s) => (hasPort(s) ? `${nameOf(s)} (port ${s.port})` : nameOf(s))).join(', ');

/**
 * The rule hits, weighed against the stack: a refusal or failed lookup at one of its services adds the reading its
 * dependsOn gives (not waited for, or only until started); one at an address none of its services has adds the
 * setting reading. A dependency waited for until healthy says nothing either way.
 */
export function weighByStack(c: Capture, hits: RuleHit[]): RuleHit[] {
  const services = (c.stack?.services ?? []).filter((s) => nameOf(s) !== undefined);
  const self = typeof c.service === 'string' ? c.service : undefined;
  if (!self || services.length < 2) return hits;
  const others = services.filter((s) => nameOf(s) !== self);
  const localPorts = services.some(hasPort);
  // Containers of one task may reach each other by name (bridge-mode links): those names are not the stack's.
  const containers = new Set(
    (c.taskDefinition?.containerDefinitions ?? []).flatMap((d) =>
      typeof d.name === 'string' ? [d.name.toLowerCase()] : [],
    ),
  );
  const out = [...hits];
  const add = (hit: RuleHit) => {
    // Two refusal rules reading one line add one reading.
    if (!out.some((o) => o.rule.id === hit.rule.id)) out.push(hit);
  };
  for (const h of hits) {
    const found =
      h.rule.id === UNRESOLVED
        ? unresolved(h)
        : REFUSED.has(h.rule.id)
          ? h.lines.flatMap((l) => addresses(l.text))
          : [];
    const at = found
      .map((a) => ({ a, s: serviceAt(services, a) }))
      // A line that names the service's own address (its listener, its probe) says nothing about a dependency.
      .filter(({ s }) => s === undefined || nameOf(s) !== self);
    const known = at.find((x) => x.s !== undefined);
    if (known) {
      const dep = nameOf(known.s!)!;
      const condition = waitsFor(asWaiters(services), self).get(dep);
      const added = condition === undefined ? UNDECLARED : condition === 'started' ? STARTED_ONLY : undefined;
      if (added)
        add({
          rule: added,
          confidence: added.confidence,
          groups: { ...h.groups, dep, addr: known.a.text, condition: condition ?? '' },
          lines: h.lines,
        });
      // A name the stack's service goes by is right, whatever the lookup says: not the setting.
      else if (h.rule.id === UNRESOLVED)
        out[out.indexOf(h)] = { ...h, confidence: Math.min(0.99, h.confidence + SUPPORT_BONUS) };
      continue;
    }
    // Only an address that could have been a stack service's: a single-label name, or a port at loopback where the
    // stack's local services listen.
    const unknown = at.find(({ a }) =>
      LOOPBACK.test(a.host)
        ? localPorts && a.port !== undefined
        : SINGLE_LABEL.test(a.host) && !containers.has(a.host.toLowerCase()),
    );
    if (unknown)
      add({
        rule: NO_SUCH_SERVICE,
        confidence: Math.max(NO_SUCH_SERVICE.confidence, Math.min(0.99, h.confidence + SUPPORT_BONUS)),
        groups: { ...h.groups, addr: unknown.a.text, names: describe(others) },
        lines: h.lines,
      });
  }
  return out;
}
