import type { Rule } from '../types.js';
import type { Catalogue, CatalogueEntry } from './types.js';

/**
 * Below every hand-written rule's base confidence: a documented code names what went wrong but not always where the
 * fix goes. diagnose reads these rules only when no signature matched, and then puts the code's reading second.
 */
export const CATALOGUE_CONFIDENCE = 0.25;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole token: `ENOSPC` but not `XENOSPCY`; a dotted class name may carry its package before it. */
function tokenRe(code: string): RegExp {
  return new RegExp(`(?<![\\w-])${escape(code)}(?![\\w-])`);
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function toRule(c: Catalogue, e: CatalogueEntry): Rule {
  return {
    id: `catalogue-${c.id}-${slug(e.code)}`,
    category: e.category,
    match: [
      {
        re: e.re ?? tokenRe(e.code),
        ...(e.not ? { not: e.not } : {}),
        ...(e.in ? { in: e.in } : {}),
      },
    ],
    // The meaning is data, not a template: braces in it must not be read as placeholders.
    cause: `{service}'s evidence carries ${c.tool}'s ${e.code.replace(/[{}]/g, '')}: ${e.meaning.replace(/[{}]/g, '')}.`,
    fix: e.fix.replace(/[{}]/g, ''),
    confidence: CATALOGUE_CONFIDENCE,
    fallback: true,
    examples: { match: [[[e.in?.[0] ?? 'log', e.example]]] },
  };
}

/** One rule per documented code, after every hand-written rule so ties go to the hand-written one. */
export function catalogueRules(catalogues: readonly Catalogue[]): Rule[] {
  return catalogues.flatMap((c) => c.entries.map((e) => toRule(c, e)));
}
