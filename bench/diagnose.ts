import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, stripAnnotations } from '../src/diagnose/index.js';
import { CATEGORIES, type Category } from '../src/diagnose/types.js';
import { printTable, RESULTS_DIR, writeResult } from './report.js';
import { crossValidate, CV_FOLDS, type CvOptions } from './diagnose-cv.js';
import { LEARNED_POLICY } from '../src/diagnose/learned.js';
import { writeModel } from './diagnose-model.js';
import { compareFirst, loadReader, scoreReader } from './diagnose-reader.js';

/**
 * `npm run bench diagnose`: how often `diagnose` names the right category for the corpus of real, publicly reported
 * failures in test/fixtures/diagnose. Each capture is marked `_split: train` (the rules were written from it) or
 * `test` (held out: collected after the rules were written and never used to tune them). The headline is the test
 * split; train is reported too, labelled as such, because it only shows the rules still fit what they were made from.
 */

export const CORPUS_DIR = join(RESULTS_DIR, '../../test/fixtures/diagnose');
export const SPLITS = ['test', 'train'] as const;
export type Split = (typeof SPLITS)[number];

export interface CorpusCapture {
  file: string;
  expect: Category;
  split: Split;
  source: string;
  /** The collection round of a held-out capture gathered blind to the rules (`_round`); absent for older ones. */
  round?: number;
  capture: Record<string, unknown>;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCapture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const split = doc._split === 'test' ? 'test' : 'train';
      return {
        file,
        expect: doc._expect as Category,
        split,
        source: String(doc._source),
        ...(typeof doc._round === 'number' ? { round: doc._round } : {}),
        capture: stripAnnotations(doc),
      };
    });
}

export interface Scored {
  file: string;
  expect: Category;
  /** Categories of the first three findings, best first. */
  got: Category[];
  top1: boolean;
  top3: boolean;
  /** Under cross-validation: whether some rule matched, i.e. whether the learned fallback decided the top one. */
  ruled?: boolean;
}

export function score(c: CorpusCapture): Scored {
  const got = diagnose(c.capture)
    .slice(0, 3)
    .map((f) => f.category);
  return { file: c.file, expect: c.expect, got, top1: got[0] === c.expect, top3: got.includes(c.expect) };
}

const pct = (k: number, n: number) => (n === 0 ? null : Math.round((1000 * k) / n) / 10);

export function summarise(rows: Scored[]) {
  const perCategory = CATEGORIES.map((category) => {
    const r = rows.filter((x) => x.expect === category);
    const top1 = r.filter((x) => x.top1).length;
    const top3 = r.filter((x) => x.top3).length;
    return { category, n: r.length, top1, top3, top1Pct: pct(top1, r.length), top3Pct: pct(top3, r.length) };
  });
  /** confusion[expected][predicted top-1] = count; only non-zero cells. */
  const confusion: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const row = (confusion[r.expect] ??= {});
    const got = r.got[0] ?? 'other';
    row[got] = (row[got] ?? 0) + 1;
  }
  const top1 = rows.filter((x) => x.top1).length;
  const top3 = rows.filter((x) => x.top3).length;
  const unruled = rows.filter((x) => x.ruled === false);
  return {
    n: rows.length,
    top1,
    top3,
    top1Pct: pct(top1, rows.length),
    top3Pct: pct(top3, rows.length),
    perCategory,
    confusion,
    // Where the learned ranking decided alone: what a capture phrased as no rule expects meets.
    ...(rows.some((x) => x.ruled !== undefined)
      ? {
          noRule: {
            n: unruled.length,
            top1: unruled.filter((x) => x.top1).length,
            top3: unruled.filter((x) => x.top3).length,
          },
        }
      : {}),
    misses: rows.filter((x) => !x.top1).map(({ file, expect, got }) => ({ file, expect, got })),
  };
}

const short = (c: string) =>
  c
    .split('-')
    .map((w) => w.slice(0, 4))
    .join('-');

function printSplit(name: string, s: ReturnType<typeof summarise>): void {
  process.stdout.write(
    `\n${name}: ${s.n} captures, top-1 ${s.top1}/${s.n} (${s.top1Pct}%), top-3 ${s.top3}/${s.n} (${s.top3Pct}%)\n\n`,
  );
  printTable([
    ['category', 'n', 'top-1', 'top-3'],
    ...s.perCategory
      .filter((c) => c.n > 0)
      .map((c) => [c.category, c.n, `${c.top1} (${c.top1Pct}%)`, `${c.top3} (${c.top3Pct}%)`]),
  ]);
  const present = CATEGORIES.filter(
    (c) =>
      (s.confusion[c] && Object.keys(s.confusion[c]).length) || Object.values(s.confusion).some((r) => r[c]),
  );
  process.stdout.write(`\nconfusion (rows: expected, columns: top finding):\n\n`);
  printTable([
    ['expected \\ got', ...present.map(short)],
    ...present
      .filter((c) => s.confusion[c])
      .map((c) => [c, ...present.map((p) => s.confusion[c]?.[p] ?? '.')]),
  ]);
}

/**
 * Variants of the cross-validation, for comparing learned components: `--model-only` (no rules: the learned model
 * alone, behind the same policy), `--learner=softmax` (bench/diagnose-softmax.ts instead of the naive Bayes),
 * `--first=P` (the posterior from which a learned category goes before `other`), `--lambda=L` (softmax's L2),
 * `--by-round` (each fold holds out whole collection rounds instead of a fifth of the sources), `--examples=off` (the
 * model learns from the fold's captures only, not the rules' examples too).
 */
function cvOptions(flags: readonly string[]): CvOptions {
  const value = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string) => {
    const v = value(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} takes a number, got ${JSON.stringify(v)}`);
    return n;
  };
  const learner = value('learner') ?? 'bayes';
  if (learner !== 'bayes' && learner !== 'softmax' && learner !== 'avg' && learner !== 'knn')
    throw new Error(`--learner is bayes, softmax, avg or knn, got ${JSON.stringify(learner)}`);
  const first = num('first');
  const lambda = num('lambda');
  const tokens = {
    // Defaults are LEARNED_TOKENS (tokens.ts); `--by-evidence=off`, `--exits=off` give session 9's tokens.
    ...(value('by-evidence') === 'off' ? { bySource: false } : {}),
    ...(value('by-evidence') && value('by-evidence') !== 'off'
      ? { bySource: value('by-evidence')!.split(',') }
      : {}),
    ...(value('exits') === 'off' ? { exits: false } : {}),
    ...(flags.includes('--shape') ? { structure: true } : {}),
    ...(num('family-weight') !== undefined ? { familyWeight: num('family-weight') } : {}),
  };
  const nb = {
    ...(flags.includes('--prior=empirical') ? { prior: 'empirical' as const } : {}),
    ...(flags.includes('--complement') ? { complement: true } : {}),
  };
  const modelOpts = {
    ...(num('alpha') !== undefined ? { alpha: num('alpha') } : {}),
    ...(num('min-sources') !== undefined ? { minSources: num('min-sources') } : {}),
    ...(num('min-lift') !== undefined ? { minLift: num('min-lift') } : {}),
  };
  return {
    learner,
    ...(Object.keys(tokens).length ? { tokens } : {}),
    ...(Object.keys(nb).length ? { nb } : {}),
    ...(Object.keys(modelOpts).length ? { modelOpts } : {}),
    ...(num('min-rounds') !== undefined ? { minRounds: num('min-rounds') } : {}),
    ...(num('knn') !== undefined ? { knn: num('knn') } : {}),
    ...(num('avg-weight') !== undefined ? { avgWeight: num('avg-weight') } : {}),
    ...(flags.includes('--by-round') ? { folds: 'round' as const } : {}),
    ...(value('examples') === 'off' ? { examples: false } : {}),
    ...(flags.includes('--model-only') ? { rules: 'none' as const } : {}),
    ...(first !== undefined || num('learned-before') !== undefined
      ? {
          policy: {
            ...LEARNED_POLICY,
            ...(first !== undefined ? { first } : {}),
            ...(num('learned-before') !== undefined
              ? { learnedBeforeNeighbours: num('learned-before') }
              : {}),
          },
        }
      : {}),
    ...(lambda !== undefined ? { softmaxOpts: { lambda } } : {}),
  };
}

const describeCv = (o: CvOptions) =>
  [
    o.rules === 'none' ? ', learned model alone' : '',
    o.learner === 'softmax' ? ', softmax learner' : '',
    o.policy ? `, first ${o.policy.first}` : '',
    o.policy?.learnedBeforeNeighbours
      ? `, ${o.policy.learnedBeforeNeighbours} learned before neighbours`
      : '',
    o.softmaxOpts?.lambda !== undefined ? `, lambda ${o.softmaxOpts.lambda}` : '',
    o.learner === 'avg' || o.learner === 'knn' ? `, ${o.learner} learner` : '',
    o.tokens ? `, tokens ${JSON.stringify(o.tokens)}` : '',
    o.nb ? `, naive Bayes ${JSON.stringify(o.nb)}` : '',
    o.modelOpts ? `, ${JSON.stringify(o.modelOpts)}` : '',
    o.minRounds ? `, tokens of ${o.minRounds}+ rounds` : '',
    o.knn ? `, k ${o.knn}` : '',
    o.avgWeight !== undefined ? `, softmax weight ${o.avgWeight}` : '',
    o.examples === false ? ", model without the rules' examples" : '',
  ].join('');

export async function runDiagnoseBench(flags: readonly string[] = []): Promise<void> {
  const corpus = loadCorpus();
  const train = corpus.filter((c) => c.split === 'train');
  if (flags.includes('--model')) {
    process.stdout.write(`wrote ${await writeModel(train)}\n`);
    return;
  }
  if (flags.includes('--cv')) {
    // Development reads this, never the test split.
    const opts = cvOptions(flags);
    const s = summarise(crossValidate(train, opts));
    const folds =
      opts.folds === 'round'
        ? 'one-fold-per-round cross-validation'
        : `${CV_FOLDS}-fold cross-validation grouped by source`;
    printSplit(`train, ${folds}${describeCv(opts)}`, s);
    if (s.noRule)
      process.stdout.write(
        `\nno rule matched (the learned ranking decided): ${s.noRule.n} captures, top-1 ${s.noRule.top1}, top-3 ${s.noRule.top3}\n`,
      );
    process.stdout.write(
      `\nmisses:\n${s.misses.map((m) => `  ${m.file}: ${m.expect} -> ${m.got.join(', ')}`).join('\n')}\n`,
    );
    return;
  }
  const result: Record<string, unknown> = {
    corpus: 'test/fixtures/diagnose',
    captures: corpus.length,
    sources: new Set(corpus.map((c) => c.source)).size,
  };
  const scored = new Map<Split, Scored[]>();
  for (const split of SPLITS) {
    scored.set(split, corpus.filter((c) => c.split === split).map(score));
    const s = summarise(scored.get(split)!);
    result[split] = s;
    printSplit(split === 'test' ? 'TEST (held out)' : 'train (rules were written from these)', s);
  }
  // The same test captures as a second reader named them from the evidence alone: where Convoy is behind a person.
  const reader = loadReader();
  const readerRows = scoreReader(
    corpus.filter((c) => c.split === 'test'),
    reader,
  );
  const first = compareFirst(scored.get('test')!, readerRows);
  const readerSummary = summarise(readerRows);
  printSplit(
    `TEST, as a second reader named it from the evidence alone (read ${reader.readAt})`,
    readerSummary,
  );
  const { misses: _misses, ...readerFigures } = readerSummary;
  result.reader = { readAt: reader.readAt, ...readerFigures, first };
  process.stdout.write(
    `\nfirst place, of ${first.n}: both right ${first.bothRight}, Convoy only ${first.onlyConvoy}, ` +
      `reader only ${first.onlyReader}, neither ${first.neither}\n`,
  );
  // A round collected blind to the rules is the figure no development has seen; report each on its own.
  const rounds = [...new Set(corpus.flatMap((c) => (c.split === 'test' && c.round ? [c.round] : [])))].sort(
    (a, b) => a - b,
  );
  if (rounds.length) result.testRounds = {};
  for (const round of rounds) {
    const s = summarise(corpus.filter((c) => c.split === 'test' && c.round === round).map(score));
    (result.testRounds as Record<number, unknown>)[round] = s;
    printSplit(`TEST round ${round} (collected blind to the rules of its time, never tuned on)`, s);
  }
  // The figure development was decided on, so a reader can compare it with the test figure.
  const cv = summarise(crossValidate(train));
  result.cv = { folds: CV_FOLDS, ...cv };
  process.stdout.write(
    `\ntrain, ${CV_FOLDS}-fold cross-validation grouped by source: top-1 ${cv.top1Pct}%, top-3 ${cv.top3Pct}%\n`,
  );
  // Holding out a whole collection round is closer to meeting a new one than holding out a fifth of the sources.
  const byRound = summarise(crossValidate(train, { folds: 'round' }));
  result.cvByRound = byRound;
  process.stdout.write(
    `train, one-fold-per-round cross-validation: top-1 ${byRound.top1Pct}%, top-3 ${byRound.top3Pct}%\n`,
  );
  const file = await writeResult('diagnose', result);
  process.stdout.write(`\nwrote ${file}\n`);
}
