import type { EvidenceKind } from '../core/evidence.js';

// The evidence vocabulary is shared with the targets' extractors, so it lives in the leaf.
export { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLine } from '../core/evidence.js';

/**
 * Categories name where the fix goes, not which component printed the message (see README of the diagnose
 * examples): an `i/o timeout` reaching ECR is `network-sg`, not `image-pull`.
 */
export const CATEGORIES = [
  'image-pull',
  'secrets-iam',
  'health-check-command',
  'port-binding',
  'app-crash',
  'dependency-unreachable',
  'config-env',
  'resources-oom',
  'placement-capacity',
  'network-sg',
  'arch-mismatch',
  'cfn-state',
  'cfn-template',
  'db-migration',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding {
  category: Category;
  /** One plain sentence. */
  cause: string;
  /** What to change, concretely. */
  fix: string;
  /** The exact lines or fields the finding rests on, as `source.path: text`. */
  evidence: string[];
  /** 0–1. */
  confidence: number;
  /** The rule that produced it; absent for the fallback finding. */
  rule?: string;
}

export interface Matcher {
  /** Kinds of evidence this matcher reads; every kind when omitted. */
  in?: readonly EvidenceKind[];
  re: RegExp;
  /** A line that also matches this does not count (e.g. an AccessDenied is not a network fault). */
  not?: RegExp;
  /**
   * Read up to this many consecutive lines of one source (one container's log, one health output) as one text, so a
   * message a client prints over several lines (psycopg2's host on one line, its port on the next) still matches.
   */
  span?: number;
}

/** An example is a few evidence lines given as `[kind, text]`. */
export type ExampleLines = ReadonlyArray<readonly [EvidenceKind, string]>;

export interface Rule {
  id: string;
  category: Category;
  /** Every matcher must be satisfied, each by some line. Named groups feed the templates. */
  match: readonly Matcher[];
  /** The rule does not fire when any of these matches. */
  unless?: readonly Matcher[];
  /** Templates: `{group}` or `{group|fallback}`; `{service}` is the capture's service. */
  cause: string;
  fix: string;
  confidence: number;
  /** Evidence that makes the finding more likely: each matcher satisfied adds SUPPORT_BONUS to the confidence. */
  support?: readonly Matcher[];
  /** Evidence that points elsewhere: each matcher satisfied takes AGAINST_PENALTY off the confidence. */
  against?: readonly Matcher[];
  /** Ids of more generic rules this one outranks when both fire. */
  beats?: readonly string[];
  /**
   * Counts only when no other rule matched: a documented code (catalogue/) that names what went wrong but not always
   * where the fix goes, so a signature written for the case, even as a second place, is the better reading.
   */
  fallback?: boolean;
  examples: { match: readonly ExampleLines[]; noMatch?: readonly ExampleLines[] };
}
