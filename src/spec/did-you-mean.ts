import { InvalidInputError } from '../errors.js';

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible typo:
 * suggesting "port" for "healthCheck" would only confuse.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Case-only differences ("healthcheck") are the most likely typo of all.
    const d = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance: Levenshtein plus swapping two adjacent characters, a common slip. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(rows - 1, cols - 1);
}

/** The candidate closest to `word`, however far: what an unknown name most likely meant. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** `no WHAT "word" WHERE (did you mean "…"?)`: exit 3, naming the closest of `known`. */
export function unknownNameError(
  what: string,
  word: string,
  known: Iterable<string>,
  where: string,
): InvalidInputError {
  const best = nearest(word, known);
  return new InvalidInputError(
    `no ${what} "${word}" ${where}${best === undefined ? '' : ` (did you mean "${best}"?)`}`,
  );
}
