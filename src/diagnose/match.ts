import type { EvidenceLine, Matcher, Rule } from './types.js';

export interface RuleHit {
  rule: Rule;
  /** The rule's confidence after its supporting and contradicting evidence. */
  confidence: number;
  groups: Record<string, string>;
  /** Lines that satisfied the matchers, in matcher order. */
  lines: EvidenceLine[];
}

const MAX_LINES_PER_MATCHER = 3;
export const SUPPORT_BONUS = 0.1;
export const AGAINST_PENALTY = 0.3;
const MAX_EVIDENCE_CHARS = 600;

// Rules are data shared across calls, so a g/y flag (and its lastIndex state) must never carry between lines.
const stateless = new WeakMap<RegExp, RegExp>();
function plain(re: RegExp): RegExp {
  let r = stateless.get(re);
  if (!r) {
    r = re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
    stateless.set(re, r);
  }
  return r;
}

/** `logs.api[3]` and `logs.api[4]` come from one source; `tasks[0].stoppedReason` and `tasks[1]…` do not. */
const source = (path: string) => path.replace(/\[\d+\]$/, '');

function hits(
  m: Matcher,
  lines: readonly EvidenceLine[],
): Array<{ line: EvidenceLine; match: RegExpExecArray }> {
  const out: Array<{ line: EvidenceLine; match: RegExpExecArray }> = [];
  const re = plain(m.re);
  const span = Math.max(1, m.span ?? 1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (m.in && !m.in.includes(line.kind)) continue;
    let text = line.text;
    for (let j = i + 1; j < Math.min(lines.length, i + span); j++) {
      const next = lines[j]!;
      if (next.kind !== line.kind || source(next.path) !== source(line.path)) break;
      text += ' ' + next.text.trim();
    }
    const match = re.exec(text);
    if (!match) continue;
    if (m.not && plain(m.not).test(text)) continue;
    out.push({ line, match });
  }
  return out;
}

/** Returns the hit when every matcher is satisfied and no `unless` matcher is. */
export function matchRule(rule: Rule, lines: readonly EvidenceLine[]): RuleHit | undefined {
  if (rule.unless?.some((m) => hits(m, lines).length > 0)) return undefined;
  const groups: Record<string, string> = {};
  const used: EvidenceLine[] = [];
  for (const m of rule.match) {
    const found = hits(m, lines);
    if (found.length === 0) return undefined;
    for (const { match } of found) {
      for (const [k, v] of Object.entries(match.groups ?? {})) {
        if (v !== undefined && groups[k] === undefined) groups[k] = v;
      }
    }
    for (const { line } of found.slice(0, MAX_LINES_PER_MATCHER)) if (!used.includes(line)) used.push(line);
  }
  let confidence = rule.confidence;
  for (const m of rule.support ?? []) if (hits(m, lines).length > 0) confidence += SUPPORT_BONUS;
  for (const m of rule.against ?? []) if (hits(m, lines).length > 0) confidence -= AGAINST_PENALTY;
  confidence = Math.min(0.99, Math.max(0.01, confidence));
  return { rule, confidence, groups, lines: used };
}

export const PLACEHOLDER = /\{([\w,]+)(?:\|([^}]*))?\}/g;

/**
 * Fills `{name}`, `{a,b}` (first group that matched) and `{name|fallback}` placeholders; a name with no value and
 * no fallback reads as "unknown".
 */
export function render(template: string, vars: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, names: string, fallback?: string) => {
    const v = names
      .split(',')
      .map((n) => vars[n])
      .find((x) => x !== undefined && x !== '');
    return v ?? fallback ?? 'unknown';
  });
}

/** `path: text`; a long line keeps its head and tail because AWS puts the root cause at the end. */
export function quote(line: EvidenceLine): string {
  const t = line.text;
  const half = MAX_EVIDENCE_CHARS / 2;
  const text = t.length <= MAX_EVIDENCE_CHARS ? t : `${t.slice(0, half)} … ${t.slice(-half)}`;
  return `${line.path}: ${text}`;
}
