import type { Category, EvidenceLine } from './types.js';

/**
 * Words that lean towards a category without amounting to a signature. Only the fallback uses them, to say which two
 * categories the evidence is nearest to when no rule matched; they never make a finding of their own above `other`.
 */
const HINTS: ReadonlyArray<readonly [Category, RegExp]> = [
  ['image-pull', /\b(?:pull(?:ing)?|image|manifest|registry|digest)\b/i],
  [
    'secrets-iam',
    /AccessDenied|not authori[sz]ed|forbidden|\brole\b|\bsecrets?\b|credentials?|\bIAM\b|\bKMS\b/i,
  ],
  ['network-sg', /time[ds]? ?out|deadline exceeded|unreachable|security group|subnet|\bNAT\b|VPC|endpoint/i],
  ['health-check-command', /health ?check|unhealthy|healthcheck/i],
  ['port-binding', /\blisten(?:ing)?\b|\bbind\b|\bport\b|address already in use/i],
  [
    'dependency-unreachable',
    /refused|could not connect|cannot connect|database|\bredis\b|\bkafka\b|broker|upstream/i,
  ],
  ['config-env', /environment|variable|\bconfig(?:uration)?\b|setting|not set|\bmissing\b|invalid/i],
  ['resources-oom', /memory|\bOOM\b|heap|\bkilled\b/i],
  ['placement-capacity', /capacity|placement|container instance|quota|\blimit\b/i],
  ['arch-mismatch', /arm64|amd64|aarch64|x86_64|architecture|platform/i],
  ['cfn-state', /ROLLBACK|_IN_PROGRESS|_FAILED\b|stack/i],
  ['cfn-template', /template|parameter|resource type|property/i],
  ['db-migration', /migrat/i],
  ['app-crash', /exception|traceback|panic|segmentation|\bexit(?:ed)?\b|crash/i],
];

export interface Nearest {
  category: Category;
  /** The lines that leaned towards it, at most two. */
  lines: EvidenceLine[];
}

/** The two categories whose hint words occur in the most evidence lines (ties in CATEGORIES-like order). */
export function nearestCategories(lines: readonly EvidenceLine[], max = 2): Nearest[] {
  const scored = HINTS.map(([category, re]) => {
    const hit = lines.filter((l) => l.kind !== 'origin' && re.test(l.text));
    return { category, lines: hit.slice(0, 2), n: hit.length };
  });
  return scored
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, max)
    .map(({ category, lines: l }) => ({ category, lines: l }));
}

/** The evidence lines that carry a category's hint words. */
export function hintedLines(category: Category, lines: readonly EvidenceLine[]): EvidenceLine[] {
  const re = HINTS.find(([c]) => c === category)?.[1];
  return re ? lines.filter((l) => l.kind !== 'origin' && re.test(l.text)) : [];
}

/** How many evidence lines carry a category's hint words. */
export const hintLines = (category: Category, lines: readonly EvidenceLine[]): number =>
  hintedLines(category, lines).length;
