import { ambiguitySet } from './ambiguity.js';
import { weighByDependencyKind } from './dependency-kind.js';
import { describeExamined, extractEvidence } from './extract.js';
import { matchRule, quote, render, type RuleHit } from './match.js';
import { hintLines, nearestCategories } from './nearest.js';
import { commonestInTopThree } from './commonest.js';
import {
  bayesRanker,
  LEARNED_POLICY,
  learnedFinding,
  learnedRanking,
  type LearnedPolicy,
  type LearnedRanker,
} from './learned.js';
import { MODEL } from './model.generated.js';
import { RULES } from './rules/index.js';
import { weighByStack } from './stack-context.js';
import { weighByStructure } from './structure.js';
import { parseCapture } from '../core/capture.js';
import type { Category, EvidenceLine, Finding, Rule } from './types.js';

/** The naive Bayes trained on the train split (model.generated.ts). */
const COMMITTED = bayesRanker(MODEL);

/** How far below its beater a beaten rule is pushed, so the order holds whatever the base confidences. */
const BEATEN_MARGIN = 0.05;

/**
 * Explains a failed deployment from a capture: findings ranked by confidence, best first, at most one per
 * category. Never empty: with no matching signature it returns one `other` finding listing what was examined.
 */
export function diagnose(
  input: unknown,
  rules: readonly Rule[] = RULES,
  learned: { rank?: LearnedRanker; policy?: LearnedPolicy } = {},
): Finding[] {
  const rank = learned.rank ?? COMMITTED;
  const policy = learned.policy ?? LEARNED_POLICY;
  const capture = parseCapture(input);
  const lines = extractEvidence(capture);
  const service = typeof capture.service === 'string' && capture.service ? capture.service : 'the service';

  const ranking = learnedRanking(rank, lines);
  const matched = rules.map((r) => matchRule(r, lines)).filter((h): h is RuleHit => h !== undefined);
  const hitList = weighByStack(
    capture,
    weighByStructure(
      capture,
      weighByDependencyKind(
        lines,
        matched.filter((h) => !h.rule.fallback),
      ),
    ),
  );
  const confidence = new Map(hitList.map((h) => [h.rule.id, h.confidence]));
  // Highest first so a beaten rule that itself beats others passes its lowered score on.
  for (const h of [...hitList].sort((a, b) => b.confidence - a.confidence)) {
    // A rule its own evidence contradicts outranks nothing.
    if (h.confidence < h.rule.confidence) continue;
    const own = confidence.get(h.rule.id) ?? h.confidence;
    for (const id of h.rule.beats ?? []) {
      const c = confidence.get(id);
      if (c !== undefined && c > own - BEATEN_MARGIN) confidence.set(id, Math.max(0.01, own - BEATEN_MARGIN));
    }
  }

  const order = new Map(rules.map((r, i) => [r.id, i]));
  const ranked = hitList
    .map((h) => ({ h, c: confidence.get(h.rule.id) ?? 0 }))
    // Ties go to the rule that needed more evidence, then to index order (more specific rules are listed first).
    .sort(
      (a, b) =>
        b.c - a.c ||
        b.h.rule.match.length - a.h.rule.match.length ||
        (order.get(a.h.rule.id) ?? 0) - (order.get(b.h.rule.id) ?? 0),
    );

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { h, c } of ranked) {
    if (seen.has(h.rule.category)) continue;
    seen.add(h.rule.category);
    const vars = { service, ...h.groups };
    findings.push({
      category: h.rule.category,
      cause: render(h.rule.cause, vars),
      fix: render(h.rule.fix, vars),
      evidence: h.lines.map(quote),
      confidence: Math.round(c * 100) / 100,
      rule: h.rule.id,
    });
  }
  if (findings.length > 0) {
    const learnedFill = (upTo: number) => {
      // Fewer signatures than categories worth checking: the learned ranking names the next places to look, `other`
      // among them (a tool's or the platform's own fault reads like the signature it set off).
      for (const r of ranking) {
        if (findings.length >= upTo) break;
        if (seen.has(r.category)) continue;
        seen.add(r.category);
        findings.push(learnedFinding(r, lines, service, Math.min(findings.at(-1)!.confidence, 0.04), true));
      }
    };
    if (policy.learnedBeforeNeighbours)
      learnedFill(Math.min(policy.fill, findings.length + policy.learnedBeforeNeighbours));
    findings.push(...neighbours(findings, seen, ranking, policy.fill));
    learnedFill(policy.fill);
    return findings;
  }

  // No signature: say what was examined and the two nearest categories, as weak findings: the learned ranking's (the
  // second of them the one of its next two the capture's hint words lean to more), or where the model knows none of
  // the words, the categories whose hint words occur most. Only a learned ranking sure enough goes before `other`.
  const rest = ranking.filter((r) => r.category !== 'other');
  const learnedNear = rest.length > 1 ? [rest[0]!, hinted(rest.slice(1), lines)] : rest;
  const near: Finding[] = learnedNear.length
    ? learnedNear.map((r, i) => learnedFinding(r, lines, service, 0.04 - i * 0.01))
    : nearestCategories(lines).map((n, i) => ({
        category: n.category,
        cause: `Only weak evidence: a few words in what was captured for ${service} lean towards ${n.category}; no known signature of it matched.`,
        fix: `Check the ${n.category} causes first, starting from the quoted lines.`,
        evidence: n.lines.map(quote),
        confidence: Math.round((0.04 - i * 0.01) * 100) / 100,
      }));
  const names = near.map((n) => n.category).join(' and ');
  const other: Finding = {
    category: 'other',
    cause:
      `No known failure signature matched what was captured for ${service}.` +
      (names ? ` The evidence is nearest to ${names}, but not enough to say so.` : ''),
    fix:
      'Read the stopped reason, service events and last log lines by hand; if they are missing, capture them ' +
      '(aws ecs describe-tasks / describe-services, the container logs) and run diagnose again.',
    evidence: describeExamined(lines),
    confidence: 0.05,
  };
  const sure = learnedNear[0];
  const found =
    sure && sure === ranking[0] && sure.p >= policy.first
      ? [{ ...near[0]!, confidence: Math.round((0.05 + sure.p * 0.1) * 100) / 100 }, other, ...near.slice(1)]
      : [other, ...near];
  const documented = matched.find((h) => h.rule.fallback);
  const withCommonest = commonestInTopThree(found, lines, service);
  return documented ? inSecondPlace(withCommonest, documentedFinding(documented, service)) : withCommonest;
}

/** A documented error code's reading (catalogue/), weaker than the first place and above the learned guesses. */
function documentedFinding(h: RuleHit, service: string): Finding {
  const vars = { service, ...h.groups };
  return {
    category: h.rule.category,
    cause: render(h.rule.cause, vars),
    fix: render(h.rule.fix, vars),
    evidence: h.lines.map(quote),
    confidence: 0.045,
    rule: h.rule.id,
  };
}

/**
 * Second, not first: on train cross-validation and on a round collected blind, a documented code put first was
 * right less often than what stood there (see the fixtures README, "Session 12"), since the code names what failed,
 * not where the fix goes.
 */
function inSecondPlace(found: readonly Finding[], f: Finding): Finding[] {
  if (found[0]!.category === f.category) return [...found];
  return [found[0]!, f, ...found.slice(1).filter((x) => x.category !== f.category)];
}

/**
 * The other readings of the first finding's evidence family (ambiguity.ts), in the learned ranking's order, as weak
 * findings after every signature that matched, quoting the same evidence.
 */
function neighbours(
  findings: readonly Finding[],
  seen: Set<string>,
  ranking: readonly { category: string }[],
  fill: number,
): Finding[] {
  const top = findings[0]!;
  const set = ambiguitySet(top.rule);
  if (!set) return [];
  const place = (c: string) => {
    const i = ranking.findIndex((r) => r.category === c);
    return i < 0 ? ranking.length : i;
  };
  const out: Finding[] = [];
  const floor = Math.min(findings.at(-1)!.confidence, 0.04);
  for (const category of [...set.categories].sort((a, b) => place(a) - place(b))) {
    if (findings.length + out.length >= fill) break;
    if (seen.has(category)) continue;
    seen.add(category);
    out.push({
      category,
      cause: `A neighbour to check: the first finding's evidence is ${set.family}, and the same evidence reads as ${category} too (${set.why}).`,
      fix: `If the first finding's fix does not help, check the ${category} causes next, starting from the quoted lines.`,
      evidence: top.evidence,
      confidence: Math.max(0.01, Math.round((floor - out.length * 0.01) * 100) / 100),
    });
  }
  return out;
}

/**
 * The next of the learned ranking's categories, or the one after it when more evidence lines carry that one's hint
 * words (nearest.ts): of two categories the model puts close, the one the capture's own words also lean to.
 */
function hinted<T extends { category: Category }>(next: readonly T[], lines: readonly EvidenceLine[]): T {
  const [a, b] = next;
  if (!b) return a!;
  return hintLines(b.category, lines) > hintLines(a!.category, lines) ? b : a!;
}
