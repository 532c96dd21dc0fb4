/**
 * The few statistics the estimator needs, pure and dependency-free: weighted quantiles (robust centre and spread of
 * past durations), the normal distribution (log-durations are modelled as normal, i.e. durations as log-normal) and a
 * seeded generator, so the same inputs always give the same estimate.
 */

export interface Weighted {
  x: number;
  w: number;
}

/** The smallest x whose cumulative weight reaches `q` of the total; with equal weights, the usual lower quantile. */
export function weightedQuantile(xs: readonly Weighted[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a.x - b.x);
  const total = s.reduce((t, p) => t + p.w, 0);
  let acc = 0;
  for (let i = 0; i < s.length; i++) {
    acc += s[i]!.w;
    // Exactly half the weight below: the midpoint of the two middle values, as the plain median does.
    if (Math.abs(acc - q * total) < 1e-12 * total && i + 1 < s.length) return (s[i]!.x + s[i + 1]!.x) / 2;
    if (acc >= q * total) return s[i]!.x;
  }
  return s[s.length - 1]!.x;
}

/** Centre and spread that one wild value cannot move far: the weighted median and the scaled weighted MAD. */
export function robustCentre(xs: readonly Weighted[]): { centre: number; spread: number } {
  const centre = weightedQuantile(xs, 0.5);
  const mad = weightedQuantile(
    xs.map((p) => ({ x: Math.abs(p.x - centre), w: p.w })),
    0.5,
  );
  // 1.4826 × MAD estimates σ of a normal distribution.
  return { centre, spread: 1.4826 * mad };
}

/** Φ(x), the standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Φ⁻¹(p) (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo || p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(p < lo ? p : 1 - p));
    const x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
    return p < lo ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** A small seeded generator (mulberry32): uniform in (0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967297;
  };
}

/** The q-quantile of numbers already sorted ascending (linear interpolation). */
export function sortedQuantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i]! * (1 - f) + sorted[i + 1]! * f : sorted[i]!;
}
