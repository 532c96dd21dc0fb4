import type { EvidenceLine } from './types.js';
import { familiesOf } from './word-families.js';

/*
 * Normalised tokens of a capture's evidence, for the learned tie-breaker (bayes.ts). Ids, addresses, timestamps and
 * long numbers are what differs between two reports of one failure, so they become shapes (`<ip>`, `<hex>`) or go;
 * numbers of three to five digits stay because ports, statuses and exit codes (5432, 503, 137) carry meaning, while
 * one or two digits are counts, dates and clock times.
 */

/**
 * Routine lines every capture may carry; they say nothing about the failure (see test/diagnose/noise.test.ts): the
 * scheduler's progress events, lines logged at WARN level or below (a failure is logged higher, or with no level), and requests served with a 2xx or 3xx status.
 * A stopped reason saying the scheduler scaled the service, and a short unlevelled start-up line (`starting`, `ready`),
 * are routine too: once words were also read by where they came from (LEARNED_TOKENS), those alone leaned to
 * port-binding at 0.9; the cross-validation is the same with or without them. So is ECS's `Task stopped by user`, the
 * reason StopTask gives when nobody wrote one: once the model also learned the rules' examples, where `user` is IAM's
 * word, it alone read as secrets-iam at 0.99.
 */
const ROUTINE =
  /has reached a steady state|Scaling activity initiated by|^Task stopped by user$|^(?:[Ss]tart(?:ing|ed)|[Rr]eady|[Bb]ooting)\b[^:]{0,60}$|has (?:started|stopped) \d+ (?:running )?tasks?|(?:de)?registered \d+ targets|has begun draining|^\S*\s*\[?(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\b|"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) [^"]*" [23]\d\d\b/;

/** A line the learned model reads no word of (ROUTINE). */
export const isRoutine = (text: string): boolean => ROUTINE.test(text);

const STOP = new Set(
  'a an and are as at be been but by for from has have in into is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

/** Kinds whose text is a configuration value rather than a message: only their shape matters. */
const VALUE_KINDS = new Set(['env', 'envNames', 'secretRef', 'image']);

/**
 * A light suffix stripper, so `failed`, `fails` and `failing` are one word to the model (cross-validated on train,
 * part j: a Porter-like stemmer with word families gained 4–8 captures top-1 in every fold scheme). Codes written in
 * capitals (`ECONNREFUSED`), shapes and words with digits are identifiers and stay as they are.
 */
function stem(w: string): string {
  if (w.startsWith('<') || /\d/.test(w) || w.length <= 4) return w;
  return w
    .replace(/(?:ational|ation|ations)$/, 'ate')
    .replace(/ies$/, 'y')
    .replace(/(?:ings|ing|ed|ers|er|es|s)$/, '')
    .replace(/(.)\1$/, '$1');
}

const stemmed = (raw: string) => (raw === raw.toUpperCase() ? raw.toLowerCase() : stem(raw.toLowerCase()));

function words(text: string): string[] {
  const t = text
    .replace(/arn:aws[\w-]*:([\w-]+):\S*/g, ' arn $1 ')
    .replace(/https?:\/\/\S+/g, ' <url> ')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, ' <ip> ')
    .replace(
      /\b\d{4}-\d\d-\d\d(?:[T ][\d:.]+Z?)?\b|\b\d\d?\/\w{3}\/\d{4}\b|\b\d\d?:\d\d(?::\d\d)?(?:[.,]\d+)?\b/g,
      ' ',
    )
    .replace(/\b(?=[a-f0-9-]*\d)(?=[a-f0-9-]*[a-f])[a-f0-9-]{8,}\b/gi, ' <hex> ')
    .replace(/\b\d{6,}\b|\b\d{1,2}\b/g, ' ');
  const out: string[] = [];
  for (const raw of t.split(/[^A-Za-z0-9_<>]+/)) {
    if (!raw) continue;
    const lower = raw.toLowerCase();
    if (lower.length < 2 || STOP.has(lower)) continue;
    out.push(stemmed(raw));
    // CannotPullContainerError also reads as cannot, pull, container, error.
    const parts = raw.split(/(?<=[a-z])(?=[A-Z])|_/).filter((p) => p.length > 1);
    if (parts.length > 1) for (const p of parts) if (!STOP.has(p.toLowerCase())) out.push(stemmed(p));
  }
  return out;
}

/**
 * The set of tokens of a capture: stemmed words and adjacent word pairs of each line, the word families it names
 * (word-families.ts), plus one `kind:` token per kind of evidence present (a capture with stack events leans towards
 * CloudFormation whatever they say).
 */
export function tokenise(lines: readonly EvidenceLine[], variant: TokenOptions = {}): Set<string> {
  const opts = { ...LEARNED_TOKENS, ...variant };
  const out = new Set<string>();
  const fw = opts.familyWeight ?? 1;
  for (const l of lines) {
    if (l.kind === 'origin') {
      // `aws` is what any capture with tasks or services is taken for, so it says nothing about the failure (and
      // routine service events alone would add it); `local` does say where the fault can be.
      if (l.text !== 'aws') out.add(`origin:${l.text}`);
      continue;
    }
    if (ROUTINE.test(l.text)) continue;
    // Nearly every capture has logs, so only the other kinds say something by being there.
    if (l.kind !== 'log') out.add(`kind:${l.kind}`);
    const text = VALUE_KINDS.has(l.kind) ? l.text.replace(/=.*$/, '') : l.text;
    const fams = familiesOf(text);
    for (const f of fams) for (let k = 0; k < fw; k++) out.add(k ? `${f}${'+'.repeat(k)}` : f);
    const w = words(text);
    for (let i = 0; i < w.length; i++) {
      out.add(w[i]!);
      if (i > 0) out.add(`${w[i - 1]} ${w[i]}`);
    }
    const by = opts.bySource ?? false;
    if (by !== false) {
      const g = GROUP[l.kind] ?? 'config';
      if (g !== 'config' && (by === true || by.includes(g))) {
        for (const x of w) out.add(`${g}:${x}`);
        for (const f of fams) out.add(`${g}:${f}`);
      }
    }
    if (opts.exits) for (const x of exitTokens(l)) out.add(x);
  }
  if (opts.structure) for (const x of structureTokens(lines)) out.add(x);
  return out;
}

/**
 * Variants of the tokens, for the cross-validation's comparison of learned inputs (bench/diagnose-cv.ts); the
 * committed model reads LEARNED_TOKENS.
 */
export interface TokenOptions {
  /** Words also as `<group>:word`, the group being where the line came from (a stopped reason, a log, a health check's output, a stack event, a service event). */
  bySource?: boolean | readonly string[];
  /** Exit codes and signals as `exit:N` and `signal:NAME`. */
  exits?: boolean;
  /** Tokens of the capture's shape: how many containers, whether it has logs at all. */
  structure?: boolean;
  /** Each word family counted this many times. */
  familyWeight?: number;
}

/**
 * Session 10 (1,290 train captures, test/fixtures/diagnose/README.md "Session 10, part s"): a word in a stopped reason,
 * a health check's output or a stack event says more than the same word in a log line, and `exit 1` or SIGKILL lost
 * its one-digit number to the shapes above; both together gained top-3 in both cross-validations (no rule matched:
 * 152 → 156 of 174 by source, 173 → 180 of 215 round by round). The capture's shape and weighted word families did
 * not help.
 */
export const LEARNED_TOKENS: TokenOptions = { bySource: true, exits: true };

const GROUP: Partial<Record<string, string>> = {
  stoppedReason: 'stop',
  stopCode: 'stop',
  containerReason: 'stop',
  exitCode: 'stop',
  serviceEvent: 'event',
  deployment: 'event',
  stackEvent: 'stack',
  stackStatus: 'stack',
  targetHealth: 'health',
  healthOutput: 'health',
  healthExitCode: 'health',
  healthStatus: 'health',
  log: 'log',
};

const SIGNALS: Record<string, string> = { '9': 'KILL', '15': 'TERM', '11': 'SEGV', '6': 'ABRT', '2': 'INT' };

function exitTokens(l: EvidenceLine): string[] {
  const out: string[] = [];
  const code = (n: number) => {
    out.push(`exit:${n}`);
    if (n > 128 && SIGNALS[String(n - 128)]) out.push(`signal:${SIGNALS[String(n - 128)]}`);
    out.push(n === 0 ? 'exit:zero' : 'exit:nonzero');
  };
  if (l.kind === 'exitCode' || l.kind === 'healthExitCode') {
    const n = Number(l.text.match(/-?\d+/)?.[0]);
    if (Number.isFinite(n)) code(n);
  }
  for (const m of l.text.matchAll(/exit(?:ed)?(?: with)? (?:code|status)[ :=]*(\d+)|exit code[ :=]*(\d+)/gi))
    code(Number(m[1] ?? m[2]));
  // SIGKILL (Python, Node), `signal 9` (the kernel, Docker), `signal: killed` (Go's os/exec), `status=9/KILL` (systemd).
  for (const m of l.text.matchAll(/\bSIG([A-Z]{3,6})\b/g)) if (m[1] !== 'NAL') out.push(`signal:${m[1]}`);
  for (const m of l.text.matchAll(
    /signal:? (\d+)\b|signal: (killed|terminated)\b|status=\d+\/([A-Z]{3,6})\b/gi,
  )) {
    const s = m[3] ?? (m[1] ? SIGNALS[m[1]] : m[2]!.toLowerCase() === 'killed' ? 'KILL' : 'TERM');
    if (s) out.push(`signal:${s.toUpperCase()}`);
  }
  return out;
}

function structureTokens(lines: readonly EvidenceLine[]): string[] {
  const defs = new Set(lines.flatMap((l) => l.path.match(/containerDefinitions\[(\d+)\]/)?.[1] ?? []));
  const logged = new Set(
    lines.flatMap((l) => (l.kind === 'log' ? (l.path.match(/^logs\.(.+)\[\d+\]$/)?.[1] ?? []) : [])),
  );
  const containers = { size: Math.max(defs.size, logged.size) };
  const logs = lines.filter((l) => l.kind === 'log' && !ROUTINE.test(l.text)).length;
  return [
    `shape:containers${Math.min(containers.size, 3)}`,
    logs === 0 ? 'shape:nolog' : logs < 5 ? 'shape:fewlogs' : 'shape:logs',
  ];
}
