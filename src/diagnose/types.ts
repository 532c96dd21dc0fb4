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
  /** Ids of more generic rules this one outranks when both fire. */
  beats?: readonly string[];
  examples: { match: readonly ExampleLines[]; noMatch?: readonly ExampleLines[] };
}
