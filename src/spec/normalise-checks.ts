import type { CheckKind, PostCheck, RawCheck } from './post-checks.js';
import type { RawStack } from './schema.js';

const KINDS: readonly CheckKind[] = ['http', 'tcp', 'command', 'log', 'alarm'];

/**
 * Every post-deploy check of the file, in file order: each service's, then the stack's own. A log check of a
 * service reads that service's log unless it names another.
 */
export function normaliseChecks(raw: RawStack, serviceOrder: readonly string[]): PostCheck[] {
  const out: PostCheck[] = [];
  for (const service of serviceOrder)
    (raw.services[service]?.verify ?? []).forEach((c, i) =>
      out.push(named(c, `services.${service}.verify.${i}`, service)),
    );
  (raw.verify ?? []).forEach((c, i) => out.push(named(c, `verify.${i}`)));
  return out;
}

function named(c: RawCheck, at: string, service?: string): PostCheck {
  const kind = KINDS.find((k) => c[k] !== undefined)!;
  const log = c.log && service !== undefined ? { ...c.log, service: c.log.service ?? service } : c.log;
  const check = { ...c, ...(log ? { log } : {}), kind, at } as PostCheck;
  if (service !== undefined) check.service = service;
  check.name = c.name ?? `${service ? `${service}: ` : ''}${summary(check)}`;
  return check;
}

function summary(c: PostCheck): string {
  if (c.http) return `${c.http.method} ${c.http.url}`;
  if (c.tcp) return `tcp ${c.tcp.host}:${c.tcp.port}`;
  if (c.command) return `command ${Array.isArray(c.command.run) ? c.command.run.join(' ') : c.command.run}`;
  if (c.log) return `log ${c.log.service ? `of ${c.log.service} ` : ''}/${c.log.match}/`;
  return `alarm ${c.alarm?.name ?? ''}`;
}

/** What the schema cannot say about checks: whose log, and which kinds the target can run. */
export function checkPostChecks(
  raw: RawStack,
  checks: readonly PostCheck[],
  fail: (path: (string | number)[], message: string, hint?: string) => never,
): void {
  for (const c of checks) {
    const at = c.at.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (c.alarm && raw.target !== 'aws')
      // Decided: refused at load time rather than skipped, so a stack never looks verified when nothing was.
      fail(
        [...at, 'alarm'],
        'an alarm check needs target "aws": it watches a CloudWatch alarm, which the local target has none of',
        'check the local service with an http, tcp, command or log check instead',
      );
    if (c.log && c.log.service === undefined)
      fail([...at, 'log'], 'a log check in the stack’s own verify: names its service (log.service)');
    if (c.log?.service !== undefined && raw.services[c.log.service] === undefined)
      fail([...at, 'log', 'service'], `unknown service "${c.log.service}"`);
  }
}
