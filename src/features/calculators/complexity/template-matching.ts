/**
 * Neighbour counting for sample and approximate entropy, without the O(n^2) distance matrix.
 *
 * A template of length m is a run `x[i..i+m)`; two templates match at tolerance r when their
 * Chebyshev distance `max_k |x[i+k] - x[j+k]|` is at most r (ties at exactly r match: tsfresh
 * compares with `<=`, and so do we, on the same float64 differences).
 *
 * Instead of comparing every pair, the templates are visited in ascending order of their
 * first value: the partners j of i whose first values lie within r form a contiguous run
 * after i in that order (floating-point subtraction is monotone, so `x[j] - x[i] <= r` holds
 * for a prefix of the run), the scan stops at the first one beyond r, and only those
 * candidates are checked on their remaining coordinates. Each unordered pair is examined
 * once, so the cost is O(n log n) for the sort plus the number of pairs within r in the first
 * coordinate, a fraction of n^2 / 2 that shrinks with r. The candidates' values are copied
 * into arrays in that order first, so the scan reads memory sequentially.
 *
 * Several tolerances are counted in one pass over the pairs within the largest one: each
 * pair's distance goes to the smallest tolerance that admits it, and the per-tolerance counts
 * are prefix sums over those buckets. Lengths m and m + 1 share the pass too: the distance at
 * length m + 1 is the distance at m extended by coordinate m.
 */

/** Per-template neighbour counts at lengths m and m + 1 for one tolerance, self-matches excluded. */
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
 * Counts template matches of lengths m and m + 1 within Chebyshev distance r, for every r in
 * `tolerances` (any order; the result follows it). `order` must list the indices of x sorted
 * ascending by value (see `stableArgsort`); x must be free of NaN; tolerances must be
 * non-negative numbers; m >= 1.
 */
export function countTemplateMatches(
  x: Float64Array,
  m: number,
  tolerances: readonly number[],
  order: Int32Array,
): TemplateMatches[] {
  const n = x.length;
  const templatesM = Math.max(0, n - m + 1);
  const templatesM1 = Math.max(0, n - m);
  const kinds = tolerances.length;
  // Tolerances ascending, remembering where each came from.
  const byTolerance = Array.from(tolerances.keys()).sort((a, b) => tolerances[a]! - tolerances[b]!);
  const tol = Float64Array.from(byTolerance, (k) => tolerances[k]!);

  // Templates of length m in ascending order of their first value, coordinates copied in
  // that order: first[q] = x[s], rest[q*m + k - 1] = x[s + k] for k = 1..m, where the last
  // coordinate is +Infinity for the one template too close to the end to have length m + 1
  // (its distance to anything is then beyond every tolerance).
  const start = new Int32Array(templatesM);
  const first = new Float64Array(templatesM);
  const rest = new Float64Array(templatesM * m);
  for (let p = 0, q = 0; p < n; p++) {
    const s = order[p]!;
    if (s >= templatesM) continue;
    start[q] = s;
    first[q] = x[s]!;
    for (let k = 1; k <= m; k++) rest[q * m + k - 1] = s + k < n ? x[s + k]! : Number.POSITIVE_INFINITY;
    q++;
  }

  // bucketM[b * T + q]: partners of sorted template q whose length-m distance d has
  // tol[b - 1] < d <= tol[b], i.e. b = #{k : d > tol[k]}; row b = kinds is the overflow of
  // pairs beyond every tolerance. The same at length m + 1 in bucketM1.
  const bucketM = new Int32Array((kinds + 1) * templatesM);
  const bucketM1 = new Int32Array((kinds + 1) * templatesM);
  if (kinds === 1) countSingleTolerance(first, rest, m, tol[0]!, bucketM, bucketM1);
  else if (kinds > 1) countBuckets(first, rest, m, tol, bucketM, bucketM1);

  // Prefix sums over the buckets give the counts per tolerance, back in template order.
  const results: TemplateMatches[] = new Array(kinds);
  const runningM = new Int32Array(templatesM);
  const runningM1 = new Int32Array(templatesM);
  for (let b = 0; b < kinds; b++) {
    const countsM = new Int32Array(templatesM);
    const countsM1 = new Int32Array(templatesM1);
    for (let q = 0; q < templatesM; q++) {
      runningM[q]! += bucketM[b * templatesM + q]!;
      runningM1[q]! += bucketM1[b * templatesM + q]!;
      const s = start[q]!;
      countsM[s] = runningM[q]!;
      if (s < templatesM1) countsM1[s] = runningM1[q]!;
    }
    results[byTolerance[b]!] = { countsM, countsM1, templatesM, templatesM1 };
  }
  return results;
}

/**
 * The bucket pass for several tolerances (ascending in `tol`). Counting a pair's bucket with
 * comparisons instead of searching for it keeps the loop free of unpredictable branches.
 */
function countBuckets(
  first: Float64Array,
  rest: Float64Array,
  m: number,
  tol: Float64Array,
  bucketM: Int32Array,
  bucketM1: Int32Array,
): void {
  const templates = first.length;
  const kinds = tol.length;
  const largest = tol[kinds - 1]!;
  const lastCoordinate = m - 1;
  for (let p = 0; p < templates; p++) {
    const firstP = first[p]!;
    const restP = p * m;
    const lastP = rest[restP + lastCoordinate]!;
    for (let q = p + 1; q < templates; q++) {
      let d = first[q]! - firstP;
      if (d > largest) break;
      const restQ = q * m;
      for (let k = 0; k < lastCoordinate; k++) {
        const e = Math.abs(rest[restQ + k]! - rest[restP + k]!);
        if (e > d) d = e;
      }
      const e = Math.abs(rest[restQ + lastCoordinate]! - lastP);
      const d1 = e > d ? e : d;
      let b = 0;
      let b1 = 0;
      for (let k = 0; k < kinds; k++) {
        const t = tol[k]!;
        b += +(d > t);
        b1 += +(d1 > t);
      }
      bucketM[b * templates + p]!++;
      bucketM[b * templates + q]!++;
      bucketM1[b1 * templates + p]!++;
      bucketM1[b1 * templates + q]!++;
    }
  }
}

/**
 * The one-tolerance case of the bucket pass (row 0 only): a pair is dropped at its first
 * coordinate beyond r, which on most series rejects candidates after one comparison.
 */
function countSingleTolerance(
  first: Float64Array,
  rest: Float64Array,
  m: number,
  r: number,
  countsM: Int32Array,
  countsM1: Int32Array,
): void {
  const templates = first.length;
  const lastCoordinate = m - 1;
  for (let p = 0; p < templates; p++) {
    const firstP = first[p]!;
    const restP = p * m;
    candidates: for (let q = p + 1; q < templates; q++) {
      if (first[q]! - firstP > r) break;
      const restQ = q * m;
      for (let k = 0; k < lastCoordinate; k++) if (Math.abs(rest[restQ + k]! - rest[restP + k]!) > r) continue candidates;
      countsM[p]!++;
      countsM[q]!++;
      if (Math.abs(rest[restQ + lastCoordinate]! - rest[restP + lastCoordinate]!) <= r) {
        countsM1[p]!++;
        countsM1[q]!++;
      }
    }
  }
}
