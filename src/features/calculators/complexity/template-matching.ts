/**
 * Neighbour counting for sample and approximate entropy, without the O(n^2) distance matrix.
 *
 * A template of length m is a run `x[i..i+m)`; two templates match when their Chebyshev
 * distance `max_k |x[i+k] - x[j+k]|` is at most r (ties at exactly r match: tsfresh compares
 * with `<=`, and so do we, on the same float64 differences).
 *
 * Instead of comparing every pair, the template starts are visited in ascending order of
 * their first value: the partners j of i whose first values lie within r form a contiguous
 * run after i in that order (floating-point subtraction is monotone, so `x[j] - x[i] <= r`
 * holds for a prefix of the run), the scan stops at the first one beyond r, and only those
 * candidates are checked on their remaining coordinates. Each unordered pair is examined
 * once, so the cost is O(n log n) for the sort plus the number of pairs within r in the first
 * coordinate, a fraction of n^2 / 2 that shrinks with r. Lengths m and m + 1 are counted in
 * the same pass: a pair matching at length m + 1 is a pair matching at m that also matches
 * on coordinate m.
 */

/** Per-template neighbour counts at lengths m and m + 1, self-matches excluded. */
export interface TemplateMatches {
  /** `countsM[i]` for i in [0, n - m]: templates j != i of length m within r of template i. */
  readonly countsM: Int32Array;
  /** `countsM1[i]` for i in [0, n - m - 1]: the same at length m + 1. */
  readonly countsM1: Int32Array;
  /** Number of templates of length m, `max(0, n - m + 1)`. */
  readonly templatesM: number;
  /** Number of templates of length m + 1, `max(0, n - m)`. */
  readonly templatesM1: number;
}

/**
 * Counts template matches of lengths m and m + 1 within Chebyshev distance r.
 * `order` must list all indices of x sorted ascending by value (see `stableArgsort`); x must
 * be free of NaN, and r a non-negative number.
 */
export function countTemplateMatches(x: Float64Array, m: number, r: number, order: Int32Array): TemplateMatches {
  const n = x.length;
  const templatesM = Math.max(0, n - m + 1);
  const templatesM1 = Math.max(0, n - m);
  const countsM = new Int32Array(templatesM);
  const countsM1 = new Int32Array(templatesM1);
  const lastM = n - m;
  const lastM1 = n - m - 1;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    if (i > lastM) continue;
    const xi = x[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      if (x[j]! - xi > r) break;
      if (j > lastM) continue;
      let k = 1;
      while (k < m && Math.abs(x[i + k]! - x[j + k]!) <= r) k++;
      if (k < m) continue;
      countsM[i]!++;
      countsM[j]!++;
      if (i <= lastM1 && j <= lastM1 && Math.abs(x[i + m]! - x[j + m]!) <= r) {
        countsM1[i]!++;
        countsM1[j]!++;
      }
    }
  }
  return { countsM, countsM1, templatesM, templatesM1 };
}
