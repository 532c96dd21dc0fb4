import { createHash } from 'node:crypto';
import { diagnose, extractEvidence, parseCapture, RULES } from '../src/diagnose/index.js';
import { trainBayes, type BayesModel } from '../src/diagnose/bayes.js';
import {
  bayesRanker,
  LEARNED_POLICY,
  type LearnedPolicy,
  type LearnedRanker,
} from '../src/diagnose/learned.js';
import { matchRule } from '../src/diagnose/match.js';
import type { Rule } from '../src/diagnose/types.js';
import type { CorpusCapture, Scored } from './diagnose.js';
import { tokensOf, trainModel } from './diagnose-model.js';
import { rankSoftmax, trainSoftmax, type SoftmaxOptions } from './diagnose-softmax.js';
import { averageRanks, knnRanker, rankNbVariant, type NbVariant } from './diagnose-learners.js';
import { tokenise, type TokenOptions } from '../src/diagnose/tokens.js';
import type { EvidenceLine } from '../src/diagnose/types.js';

/*
 * Cross-validation on the train split, grouped by source: what development decides with, so the test split is looked
 * at once, at the end. Each fold's learned model is trained on the other folds only. The rules were written from all
 * of train, which would make every fold look solved; so in each fold a rule counts only if it matches some capture of
 * its own category in the other folds, i.e. one written just for a held-out report is treated as never written.
 */

export const CV_FOLDS = 5;

/** The fold of a source: the first 32 bits of its sha1, big-endian, modulo k (the test split's rule, with k). */
export const foldOf = (source: string, k = CV_FOLDS) =>
  createHash('sha1').update(source).digest().readUInt32BE(0) % k;

/**
 * Folds by collection round (`_round`; captures gathered before the rounds are one group): each fold holds out whole
 * rounds, as meeting a new round does, so a family of phrasings one round brought is not credited by its own reports.
 */
export function roundFolds(train: readonly CorpusCapture[]): { k: number; of: (c: CorpusCapture) => number } {
  const rounds = [...new Set(train.map((c) => c.round ?? 0))].sort((a, b) => a - b);
  return { k: rounds.length, of: (c) => rounds.indexOf(c.round ?? 0) };
}

export interface CvOptions {
  k?: number;
  /** `source` (default): k folds by the sha1 of the source; `round`: one fold per collection round (roundFolds). */
  folds?: 'source' | 'round';
  policy?: LearnedPolicy;
  modelOpts?: { alpha?: number; minSources?: number; minLift?: number };
  /** `supported` (default): rules matching only held-out reports are dropped in that fold; `all`: every rule kept. */
  rules?: 'supported' | 'all' | 'none';
  /** Learned component off: the rules and the hint words only. */
  noModel?: boolean;
  /**
   * `bayes` (default): the committed naive Bayes; `softmax`: bench/diagnose-softmax.ts; `avg`: the mean of both
   * (`avgWeight` on the softmax); `knn`: a vote of the `knn` nearest train captures (bench/diagnose-learners.ts).
   */
  learner?: 'bayes' | 'softmax' | 'avg' | 'knn';
  softmaxOpts?: SoftmaxOptions;
  /** Naive Bayes variants: the class prior, complement naive Bayes. */
  nb?: NbVariant;
  avgWeight?: number;
  knn?: number;
  /** The learned model's input: tokens.ts variants. */
  tokens?: TokenOptions;
  /** A token is kept only when seen in this many collection rounds of the fold's training captures. */
  minRounds?: number;
  /** `false`: the committed naive Bayes learns from the fold's captures only, not the rules' examples as well. */
  examples?: boolean;
}

const EMPTY: BayesModel = { alpha: 0.5, categories: [], docs: [], totals: [], vocab: {} };

export function crossValidate(train: readonly CorpusCapture[], opts: CvOptions = {}): Scored[] {
  const byRound = opts.folds === 'round' ? roundFolds(train) : undefined;
  const k = byRound?.k ?? opts.k ?? CV_FOLDS;
  const fold = byRound?.of ?? ((c: CorpusCapture) => foldOf(c.source, k));
  const lines = new Map(train.map((c) => [c, extractEvidence(parseCapture(c.capture))]));
  const rows: Scored[] = [];
  for (let f = 0; f < k; f++) {
    const fit = train.filter((c) => fold(c) !== f);
    const held = train.filter((c) => fold(c) === f);
    const rules: Rule[] =
      opts.rules === 'none'
        ? []
        : opts.rules === 'all'
          ? [...RULES]
          : RULES.filter((r) => fit.some((c) => c.expect === r.category && matchRule(r, lines.get(c)!)));
    // The model learns the examples of the rules the fold keeps (all of them with `--model-only`).
    const taught = opts.examples === false ? [] : opts.rules === 'none' ? RULES : rules;
    const rank: LearnedRanker = opts.noModel ? bayesRanker(EMPTY) : learnerFor(fit, opts, taught);
    for (const c of held) {
      const findings = diagnose(c.capture, rules, { rank, policy: opts.policy ?? LEARNED_POLICY });
      const got = findings.slice(0, 3).map((x) => x.category);
      rows.push({
        file: c.file,
        expect: c.expect,
        got,
        top1: got[0] === c.expect,
        top3: got.includes(c.expect),
        ruled: findings.some((x) => x.rule !== undefined),
      });
    }
  }
  return rows.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The learned ranker a variant trains on a fold's captures, reading the held-out evidence with the same tokens. */
function learnerFor(fit: readonly CorpusCapture[], opts: CvOptions, taught: readonly Rule[]): LearnedRanker {
  const tokenOpts = opts.tokens;
  const committed = !tokenOpts && !opts.minRounds && !opts.nb && (opts.learner ?? 'bayes') === 'bayes';
  if (committed) return bayesRanker(trainModel(fit, opts.modelOpts, taught));
  let docs = fit.map((c) => ({ category: c.expect, source: c.source, tokens: tokensOf(c, tokenOpts) }));
  if (opts.minRounds) {
    const rounds = new Map<string, Set<number>>();
    fit.forEach((c, i) => {
      for (const t of docs[i]!.tokens) (rounds.get(t) ?? rounds.set(t, new Set()).get(t)!).add(c.round ?? 0);
    });
    const keep = (t: string) => rounds.get(t)!.size >= opts.minRounds!;
    docs = docs.map((d) => ({ ...d, tokens: new Set([...d.tokens].filter(keep)) }));
  }
  const read = (tokens: ReadonlySet<string>, lines: readonly EvidenceLine[]) =>
    tokenOpts ? tokenise(lines, tokenOpts) : tokens;
  const nb = () => {
    const model = trainBayes(docs, opts.modelOpts);
    return (t: ReadonlySet<string>) => rankNbVariant(model, t, opts.nb ?? {});
  };
  const softmax = () => {
    const model = trainSoftmax(docs, opts.softmaxOpts);
    return (t: ReadonlySet<string>) => rankSoftmax(model, t);
  };
  let ranker: (t: ReadonlySet<string>) => ReturnType<LearnedRanker>;
  switch (opts.learner ?? 'bayes') {
    case 'softmax':
      ranker = softmax();
      break;
    case 'knn':
      ranker = knnRanker(docs, opts.knn ?? 5);
      break;
    case 'avg': {
      const [a, b] = [nb(), softmax()];
      ranker = (t) => averageRanks(a(t), b(t), opts.avgWeight ?? 0.5);
      break;
    }
    default:
      ranker = nb();
  }
  return (tokens, lines) => ranker(read(tokens, lines));
}
