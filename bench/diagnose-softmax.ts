import type { BayesRank } from '../src/diagnose/bayes.js';
import type { Category } from '../src/diagnose/types.js';

/*
 * A discriminative alternative to the naive Bayes, for the cross-validation only (`--learner=softmax`): multinomial
 * logistic regression with L2 over the same binary token features, trained deterministically (tokens in sorted order,
 * full batch, L-BFGS for a fixed number of iterations from zero). Session 7 compared it with the naive Bayes and kept
 * the naive Bayes (test/fixtures/diagnose/README.md, "Session 7: the learned model"); it stays here so the comparison
 * can be re-run as the train split grows.
 */
export interface SoftmaxModel {
  categories: Category[];
  bias: number[];
  /** token → weight per category (in `categories` order). */
  weights: Record<string, number[]>;
  /** `sqrt`: a capture's features are scaled by 1/sqrt(its known tokens), so long captures do not shout. */
  scale: 'none' | 'sqrt';
}

export interface SoftmaxOptions {
  /** L2 penalty. */
  lambda?: number;
  iterations?: number;
  /** A token is a feature when it occurs in this many distinct sources. */
  minSources?: number;
  scale?: 'none' | 'sqrt';
}

interface Doc {
  category: Category;
  source: string;
  tokens: ReadonlySet<string>;
}

export function trainSoftmax(docs: readonly Doc[], opts: SoftmaxOptions = {}): SoftmaxModel {
  const lambda = opts.lambda ?? 1e-4;
  const scale = opts.scale ?? 'sqrt';
  const categories = [...new Set(docs.map((d) => d.category))].sort();
  const C = categories.length;
  const sources = new Map<string, Set<string>>();
  for (const d of docs)
    for (const t of d.tokens) (sources.get(t) ?? sources.set(t, new Set()).get(t)!).add(d.source);
  const vocab = [...sources.keys()].filter((t) => sources.get(t)!.size >= (opts.minSources ?? 2)).sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const V = vocab.length;
  const X = docs.map((d) =>
    [...d.tokens]
      .map((t) => index.get(t))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b),
  );
  const xs = X.map((f) => featureScale(scale, f.length));
  const y = docs.map((d) => categories.indexOf(d.category));
  // Each category weighs the same in the loss, as the naive Bayes' uniform prior: the corpus' mix is not the world's.
  const per = categories.map((_, c) => y.filter((v) => v === c).length);
  const sw = y.map((c) => docs.length / (C * per[c]!));
  const N = docs.length;
  const lossAndGradient = (w: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    const z = new Float64Array(C);
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) z[c] = w[V * C + c]!;
      for (const j of X[i]!) for (let c = 0; c < C; c++) z[c]! += w[j * C + c]! * xs[i]!;
      const p = softmax(z);
      loss -= (sw[i]! * Math.log(p[y[i]!]!)) / N;
      for (let c = 0; c < C; c++) {
        const r = (sw[i]! * (p[c]! - (c === y[i] ? 1 : 0))) / N;
        g[V * C + c]! += r;
        for (const j of X[i]!) g[j * C + c]! += r * xs[i]!;
      }
    }
    for (let k = 0; k < V * C; k++) {
      loss += (lambda / 2) * w[k]! * w[k]!;
      g[k]! += lambda * w[k]!;
    }
    return loss;
  };
  const w = lbfgs(lossAndGradient, new Float64Array(V * C + C), opts.iterations ?? 150);
  const weights: Record<string, number[]> = {};
  vocab.forEach((t, j) => (weights[t] = Array.from(w.subarray(j * C, j * C + C))));
  return { categories, bias: Array.from(w.subarray(V * C)), weights, scale };
}

const featureScale = (scale: 'none' | 'sqrt', n: number) =>
  scale === 'sqrt' ? (n ? 1 / Math.sqrt(n) : 0) : 1;

function softmax(z: Float64Array | number[]): number[] {
  const max = Math.max(...z);
  const e = Array.from(z, (v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Categories by probability, best first, each with the known tokens weighing most towards it. */
export function rankSoftmax(model: SoftmaxModel, tokens: ReadonlySet<string>): BayesRank[] {
  const known = [...tokens].filter((t) => model.weights[t]).sort();
  const x = featureScale(model.scale, known.length);
  const z = model.bias.map((b, c) => known.reduce((s, t) => s + model.weights[t]![c]! * x, b));
  const p = softmax(z);
  return model.categories
    .map((category, c) => ({
      category,
      p: p[c]!,
      tokens: known
        .filter((t) => model.weights[t]![c]! > 0)
        .sort((a, b) => model.weights[b]![c]! - model.weights[a]![c]! || (a < b ? -1 : 1))
        .slice(0, 5),
    }))
    .sort((a, b) => b.p - a.p || (a.category < b.category ? -1 : 1));
}

/** Limited-memory BFGS with a backtracking (Armijo) line search; deterministic for a given start and iterations. */
function lbfgs(
  f: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  iterations: number,
  memory = 10,
): Float64Array {
  const D = x.length;
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < D; i++) s += a[i]! * b[i]!;
    return s;
  };
  const g = new Float64Array(D);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const R: number[] = [];
  const d = new Float64Array(D);
  const xn = new Float64Array(D);
  const gn = new Float64Array(D);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < D; i++) d[i] = -g[i]!;
    const alpha: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = R[k]! * dot(S[k]!, d);
      for (let i = 0; i < D; i++) d[i]! -= alpha[k]! * Y[k]![i]!;
    }
    const last = S.length - 1;
    const gamma =
      last >= 0 ? dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!) : 1 / Math.sqrt(dot(g, g) || 1);
    for (let i = 0; i < D; i++) d[i]! *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = R[k]! * dot(Y[k]!, d);
      for (let i = 0; i < D; i++) d[i]! += S[k]![i]! * (alpha[k]! - b);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction: forget the curvature pairs and go down the gradient.
      for (let i = 0; i < D; i++) d[i] = -g[i]!;
      slope = dot(g, d);
      S.length = Y.length = R.length = 0;
    }
    let step = 1;
    let fn = fx;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < D; i++) xn[i] = x[i]! + step * d[i]!;
      fn = f(xn, gn);
      if (fn <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = new Float64Array(D);
    const yv = new Float64Array(D);
    for (let i = 0; i < D; i++) {
      s[i] = xn[i]! - x[i]!;
      yv[i] = gn[i]! - g[i]!;
    }
    const sy = dot(s, yv);
    x.set(xn);
    g.set(gn);
    const gain = fx - fn;
    fx = fn;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(yv);
      R.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        R.shift();
      }
    }
    if (gain < 1e-10 * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}
