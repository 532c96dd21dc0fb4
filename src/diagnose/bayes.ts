import type { Category } from './types.js';

/*
 * A multinomial naive Bayes over a capture's token set (tokens.ts), trained on the corpus' `train` split only by
 * `npm run bench diagnose -- --model`, which writes model.generated.ts. It is the tie-breaker and fallback when no
 * signature rule matched: deterministic, and explainable by the tokens that weighed most.
 */
export interface BayesModel {
  /** Laplace smoothing. */
  alpha: number;
  categories: Category[];
  /** Training captures per category. */
  docs: number[];
  /** Sum of token counts per category. */
  totals: number[];
  /** token → captures of each category (in `categories` order) that contain it. */
  vocab: Record<string, number[]>;
}

export interface BayesRank {
  category: Category;
  /** Posterior probability among the model's categories. */
  p: number;
  /** The known tokens that favour this category most, strongest first. */
  tokens: string[];
}

/**
 * Counts tokens per category. A token is kept when it occurs in `minSources` distinct sources and leans: in some
 * category its share of captures is at least `minLift` times its share overall (words every failure has, like
 * "error" or "request", would only let routine noise move the ranking).
 */
export function trainBayes(
  docs: ReadonlyArray<{ category: Category; source: string; tokens: ReadonlySet<string> }>,
  opts: { alpha?: number; minSources?: number; minLift?: number } = {},
): BayesModel {
  const minSources = opts.minSources ?? 2;
  const minLift = opts.minLift ?? 3;
  const categories = [...new Set(docs.map((d) => d.category))].sort();
  const sources = new Map<string, Set<string>>();
  for (const d of docs)
    for (const t of d.tokens) (sources.get(t) ?? sources.set(t, new Set()).get(t)!).add(d.source);
  const vocab: Record<string, number[]> = {};
  for (const t of [...sources.keys()].sort()) {
    if (sources.get(t)!.size >= minSources) vocab[t] = categories.map(() => 0);
  }
  const docsPer = categories.map(() => 0);
  const totals = categories.map(() => 0);
  for (const d of docs) {
    const ci = categories.indexOf(d.category);
    docsPer[ci]!++;
    for (const t of d.tokens) {
      const row = vocab[t];
      if (!row) continue;
      row[ci]!++;
      totals[ci]!++;
    }
  }
  for (const [t, row] of Object.entries(vocab)) {
    const overall = row.reduce((a, b) => a + b, 0) / docs.length;
    const lift = Math.max(...row.map((n, ci) => n / docsPer[ci]!)) / overall;
    if (lift < minLift) {
      delete vocab[t];
      row.forEach((n, ci) => (totals[ci]! -= n));
    }
  }
  return { alpha: opts.alpha ?? 0.1, categories, docs: docsPer, totals, vocab };
}

/** Categories by posterior, best first, with a uniform prior (the corpus' mix is not the world's). */
export function rankBayes(model: BayesModel, tokens: ReadonlySet<string>): BayesRank[] {
  const v = Object.keys(model.vocab).length;
  const known = [...tokens].filter((t) => model.vocab[t]);
  const logp = (ci: number, t: string) =>
    Math.log((model.vocab[t]![ci]! + model.alpha) / (model.totals[ci]! + model.alpha * v));
  const scores = model.categories.map((_, ci) => known.reduce((s, t) => s + logp(ci, t), 0));
  const max = Math.max(...scores);
  const z = scores.reduce((s, x) => s + Math.exp(x - max), 0);
  return model.categories
    .map((category, ci) => {
      // A token favours a category by how much likelier it is there than on average over the others.
      const lift = (t: string) =>
        logp(ci, t) -
        model.categories.reduce((s, _, cj) => s + (cj === ci ? 0 : logp(cj, t)), 0) /
          Math.max(1, model.categories.length - 1);
      const tokens = known
        .map((t) => [t, lift(t)] as const)
        .filter(([, l]) => l > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 5)
        .map(([t]) => t);
      return { category, p: Math.exp(scores[ci]! - max) / z, tokens };
    })
    .sort((a, b) => b.p - a.p || (a.category < b.category ? -1 : 1));
}
