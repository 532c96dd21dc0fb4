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
 */
const ROUTINE =
  /has reached a steady state|has (?:started|stopped) \d+ (?:running )?tasks?|(?:de)?registered \d+ targets|has begun draining|^\S*\s*\[?(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\b|"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) [^"]*" [23]\d\d\b/;

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
export function tokenise(lines: readonly EvidenceLine[]): Set<string> {
  const out = new Set<string>();
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
    for (const f of familiesOf(text)) out.add(f);
    const w = words(text);
    for (let i = 0; i < w.length; i++) {
      out.add(w[i]!);
      if (i > 0) out.add(`${w[i - 1]} ${w[i]}`);
    }
  }
  return out;
}
