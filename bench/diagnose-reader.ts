import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../src/diagnose/types.js';
import type { CorpusCapture, Scored } from './diagnose.js';
import { RESULTS_DIR } from './report.js';

/*
 * A second reader's answers on the test split (bench/reader/): what a person who knows the tools names from the same
 * captured evidence, without rules. Set beside Convoy's figures it shows how much of a miss the evidence could have
 * avoided, and where Convoy is behind a reader.
 */

export const READER_FILE = join(RESULTS_DIR, '../reader/test-split.json');

export interface ReaderAnswers {
  readAt: string;
  /** Fixture file name → the reader's three likeliest categories, likeliest first. */
  answers: Record<string, Category[]>;
}

export function loadReader(file = READER_FILE): ReaderAnswers {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as ReaderAnswers;
  for (const [name, got] of Object.entries(doc.answers)) {
    const bad = got.find((c) => !CATEGORIES.includes(c));
    if (got.length !== 3 || new Set(got).size !== 3 || bad !== undefined)
      throw new Error(
        `${file}: answers.${name} must be three different categories, got ${JSON.stringify(got)}`,
      );
  }
  return doc;
}

/** The reader's answers scored like Convoy's, on the test captures it read. */
export function scoreReader(test: readonly CorpusCapture[], reader: ReaderAnswers): Scored[] {
  return test.flatMap((c) => {
    const got = reader.answers[c.file];
    return got
      ? [{ file: c.file, expect: c.expect, got, top1: got[0] === c.expect, top3: got.includes(c.expect) }]
      : [];
  });
}

/** Of the captures both read: how often each, or neither, names the labelled category first. */
export function compareFirst(convoy: readonly Scored[], reader: readonly Scored[]) {
  const ours = new Map(convoy.map((r) => [r.file, r]));
  const both = reader.flatMap((r) => (ours.has(r.file) ? [[ours.get(r.file)!, r] as const] : []));
  return {
    n: both.length,
    bothRight: both.filter(([a, b]) => a.top1 && b.top1).length,
    onlyConvoy: both.filter(([a, b]) => a.top1 && !b.top1).length,
    onlyReader: both.filter(([a, b]) => !a.top1 && b.top1).length,
    neither: both.filter(([a, b]) => !a.top1 && !b.top1).length,
  };
}
