import type { Fields, Observed } from '../targets/target.js';

/**
 * Drift (`convoy diff`): what runs, compared field by field with the stack file and with the last good revision.
 * Pure: each side arrives as the same flat fields (`container api.image: …`), rendered by the target, secrets
 * already masked.
 */

export interface FieldChange {
  field: string;
  /** What runs; undefined when the field is absent there (or nothing runs). */
  live?: string;
  file?: string;
  lastGood?: string;
}

export interface ServiceDrift {
  name: string;
  /** What runs differs from the last good revision: changed outside Convoy (a process killed, the console). */
  drifted: boolean;
  /** What runs differs from the stack file: what `convoy deploy` would change. */
  differs: boolean;
  /** Every field on which the three disagree, in field order. */
  changes: FieldChange[];
  notes: string[];
  /** A unified diff from what runs to the stack file; empty when they agree. */
  diff: string;
}

const same = (a: Fields | undefined, b: Fields | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  Object.keys(a).length === Object.keys(b).length &&
  Object.keys(a).every((k) => a[k] === b[k]);

export function compareService(
  name: string,
  observed: Observed | undefined,
  file: Fields,
  lastGood: Fields | undefined,
): ServiceDrift {
  const live = observed?.fields;
  const keys = [
    ...new Set([...Object.keys(live ?? {}), ...Object.keys(file), ...Object.keys(lastGood ?? {})]),
  ].sort();
  const changes = keys
    .map((field) => ({ field, live: live?.[field], file: file[field], lastGood: lastGood?.[field] }))
    .filter((c) => c.live !== c.file || (lastGood !== undefined && c.live !== c.lastGood));
  return {
    name,
    // Nothing deployed yet and nothing running is no drift: there is nothing to have drifted from.
    drifted: lastGood !== undefined && !same(live, lastGood),
    differs: !same(live, file),
    changes,
    notes: observed?.notes ?? [],
    diff: unifiedDiff(name, live ?? {}, file, live === undefined),
  };
}

const CONTEXT = 3;

/** `--- NAME (running)` / `+++ NAME (stack file)` with hunks of three lines' context, as `diff -u` prints them. */
export function unifiedDiff(name: string, live: Fields, file: Fields, nothingRuns = false): string {
  const lines: { op: ' ' | '-' | '+'; text: string }[] = [];
  for (const k of [...new Set([...Object.keys(live), ...Object.keys(file)])].sort()) {
    const a = live[k];
    const b = file[k];
    if (a === b) lines.push({ op: ' ', text: `${k}: ${a}` });
    else {
      if (a !== undefined) lines.push({ op: '-', text: `${k}: ${a}` });
      if (b !== undefined) lines.push({ op: '+', text: `${k}: ${b}` });
    }
  }
  const changed = lines.map((l, i) => (l.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  // Group changed lines whose contexts touch into one hunk.
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(lines.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out = [`--- ${name} (${nothingRuns ? 'not running' : 'running'})`, `+++ ${name} (stack file)`];
  for (const [from, to] of hunks) {
    const part = lines.slice(from, to + 1);
    const before = lines.slice(0, from);
    const startA = before.filter((l) => l.op !== '+').length + 1;
    const startB = before.filter((l) => l.op !== '-').length + 1;
    const lenA = part.filter((l) => l.op !== '+').length;
    const lenB = part.filter((l) => l.op !== '-').length;
    out.push(`@@ -${lenA ? startA : startA - 1},${lenA} +${lenB ? startB : startB - 1},${lenB} @@`);
    out.push(...part.map((l) => l.op + l.text));
  }
  return out.join('\n') + '\n';
}

/** Drift in a few words, for `convoy plan`'s column: `-`, `process gone`, or the fields changed outside Convoy. */
export function driftSummary(d: ServiceDrift): string {
  if (!d.drifted) return '-';
  const outside = d.changes.filter((c) => c.live !== c.lastGood).map((c) => c.field);
  if (outside.includes('process')) return 'process gone';
  if (!outside.length) return 'not running';
  const named = outside.filter((f) => f !== 'revision');
  const shown = named.slice(0, 2).join(', ') + (named.length > 2 ? ` +${named.length - 2}` : '');
  return shown ? `changed: ${shown}` : 'redeployed outside Convoy';
}
