import type { BayesModel, BayesRank } from '../src/diagnose/bayes.js';
import type { Category } from '../src/diagnose/types.js';

/*
 * Variants of the learned ranking, for the cross-validation only (bench/diagnose-cv.ts): naive Bayes with the corpus'
 * class mix as prior, complement naive Bayes, a nearest-neighbour vote, and an average of two rankings. Session 10
 * compared them with the committed naive Bayes (test/fixtures/diagnose/README.md, "Session 10, part s").
 */

export interface NbVariant {
  /** `flat` (committed): every category equally likely before the evidence; `empirical`: the train mix. */
  prior?: 'flat' | 'empirical';
  /** Complement naive Bayes: a category scores by how unlike the other categories' tokens the capture is. */
  complement?: boolean;
}

const explain = (known: string[], lean: (t: string) => number) =>
  known
    .map((t) => [t, lean(t)] as const)
    .filter(([, l]) => l > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([t]) => t);

function ranked(
  categories: readonly Category[],
  scores: number[],
  tokens: (ci: number) => string[],
): BayesRank[] {
  const max = Math.max(...scores);
  const z = scores.reduce((s, x) => s + Math.exp(x - max), 0);
  return categories
    .map((category, ci) => ({ category, p: Math.exp(scores[ci]! - max) / z, tokens: tokens(ci) }))
    .sort((a, b) => b.p - a.p || (a.category < b.category ? -1 : 1));
}

export function rankNbVariant(model: BayesModel, tokens: ReadonlySet<string>, v: NbVariant): BayesRank[] {
  const V = Object.keys(model.vocab).length;
  const C = model.categories.length;
  const a = model.alpha;
  const known = [...tokens].filter((t) => model.vocab[t]);
  const N = model.docs.reduce((x, y) => x + y, 0);
  const prior = (ci: number) => (v.prior === 'empirical' ? Math.log(model.docs[ci]! / N) : 0);
  const sumTotals = model.totals.reduce((x, y) => x + y, 0);
  const logp = v.complement
    ? (ci: number, t: string) => {
        const row = model.vocab[t]!;
        const rest = row.reduce((x, y) => x + y, 0) - row[ci]!;
        return -Math.log((rest + a) / (sumTotals - model.totals[ci]! + a * V));
      }
    : (ci: number, t: string) => Math.log((model.vocab[t]![ci]! + a) / (model.totals[ci]! + a * V));
  const scores = model.categories.map((_, ci) => known.reduce((s, t) => s + logp(ci, t), prior(ci)));
  const lean = (ci: number) => (t: string) =>
    logp(ci, t) -
    model.categories.reduce((s, _, cj) => s + (cj === ci ? 0 : logp(cj, t)), 0) / Math.max(1, C - 1);
  return ranked(model.categories, scores, (ci) => explain(known, lean(ci)));
}

/** A vote of the k most similar train captures (idf-weighted cosine of token sets), each weighted by its similarity. */
export function knnRanker(
  docs: ReadonlyArray<{ category: Category; tokens: ReadonlySet<string> }>,
  k: number,
): (tokens: ReadonlySet<string>) => BayesRank[] {
  const categories = [...new Set(docs.map((d) => d.category))].sort();
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return n >= 2 ? Math.log(docs.length / n) : 0;
  };
  const norm = (ts: ReadonlySet<string>) => Math.sqrt([...ts].reduce((s, t) => s + idf(t) ** 2, 0)) || 1;
  const norms = docs.map((d) => norm(d.tokens));
  return (tokens) => {
    const q = [...tokens].filter((t) => idf(t) > 0);
    const qn = norm(tokens);
    const sims = docs
      .map((d, i) => ({
        d,
        s: q.reduce((s, t) => s + (d.tokens.has(t) ? idf(t) ** 2 : 0), 0) / (qn * norms[i]!),
      }))
      .sort((x, y) => y.s - x.s)
      .slice(0, k);
    const votes = categories.map(
      (c) => sims.filter((x) => x.d.category === c).reduce((s, x) => s + x.s, 0) + 1e-6,
    );
    const z = votes.reduce((s, x) => s + x, 0);
    return categories
      .map((category, ci) => ({
        category,
        p: votes[ci]! / z,
        tokens: q.filter((t) => sims.some((x) => x.d.category === category && x.d.tokens.has(t))).slice(0, 5),
      }))
      .sort((x, y) => y.p - x.p || (x.category < y.category ? -1 : 1));
  };
}

/** The average of two rankings' probabilities, `w` on the second. */
export function averageRanks(a: BayesRank[], b: BayesRank[], w: number): BayesRank[] {
  const pb = new Map(b.map((r) => [r.category, r.p]));
  return a
    .map((r) => ({ ...r, p: (1 - w) * r.p + w * (pb.get(r.category) ?? 0) }))
    .sort((x, y) => y.p - x.p || (x.category < y.category ? -1 : 1));
}
