/**
 * Loops over the sorted series and over cumulative mass for the statistics calculators
 * `sum_of_reoccurring_*` / `percentage_of_reoccurring_*` (src/features/calculators/statistics/
 * value-runs.ts) and `index_mass_quantile` (index-mass-quantile.ts).
 */
import { pairwiseSum } from './stats-pairwise-sum';

/**
 * The runs of equal values of the ascending `sorted[0..n)` (NaNs last, all NaNs one run), into
 * `out`: [distinct runs, runs longer than 1, non-NaN points in runs longer than 1,
 * pairwise sum over runs of (v if the run reoccurs else v * 0), pairwise sum over runs of
 * (v * count if it reoccurs else v * 0)]. `values`, `points`: n float64s of scratch each.
 */
export function valueRuns(sorted: usize, n: i32, values: usize, points: usize, out: usize): void {
  let distinct = 0;
  let reoccurringValues = 0;
  let reoccurringPoints = 0;
  for (let start = 0; start < n; ) {
    const v = load<f64>(sorted + (<usize>start << 3));
    let end = start + 1;
    if (v != v) end = n; // NaNs sort last and form one group
    else while (end < n && load<f64>(sorted + (<usize>end << 3)) == v) end++;
    const count = end - start;
    const reoccurs = count > 1;
    const at = <usize>distinct << 3;
    store<f64>(values + at, reoccurs ? v : v * 0);
    store<f64>(points + at, reoccurs ? v * <f64>count : v * 0);
    distinct++;
    if (reoccurs) {
      reoccurringValues++;
      if (v == v) reoccurringPoints += count;
    }
    start = end;
  }
  store<f64>(out, <f64>distinct);
  store<f64>(out, <f64>reoccurringValues, 8);
  store<f64>(out, <f64>reoccurringPoints, 16);
  store<f64>(out, pairwiseSum(values, distinct), 24);
  store<f64>(out, pairwiseSum(points, distinct), 32);
}

/**
 * index_mass_quantile for each of `k` quantiles `qs`: with total = pairwise sum of |x_i| and
 * share_i = (|x_0| + ... + |x_i|) / total (the cumulative sum left to right), writes the first
 * i with share_i >= q into `first` (float64s; n when none). Returns 0, writing nothing, when
 * the total is 0 (or n = 0), else 1. `absolute`, `shares`: n float64s of scratch each. With a
 * finite total the first i is found by bisection (the shares never fall), else by a scan.
 */
export function indexMassQuantiles(x: usize, n: i32, qs: usize, k: i32, absolute: usize, shares: usize, first: usize): i32 {
  for (let i = 0; i < n; i++) store<f64>(absolute + (<usize>i << 3), abs<f64>(load<f64>(x + (<usize>i << 3))));
  const total = pairwiseSum(absolute, n);
  if (total == 0 || n == 0) return 0;
  // the cumulative sums; a share is cumulative_i / total, formed where it is looked at
  let cumulative: f64 = 0;
  for (let i = 0; i < n; i++) {
    cumulative += load<f64>(absolute + (<usize>i << 3));
    store<f64>(shares + (<usize>i << 3), cumulative);
  }
  if (total - total != 0) {
    // an infinite or NaN total: 0 / inf and inf / inf do not rise, scan in order
    for (let j = 0; j < k; j++) {
      const q = load<f64>(qs + (<usize>j << 3));
      let index = 0;
      while (index < n && !(load<f64>(shares + (<usize>index << 3)) / total >= q)) index++;
      store<f64>(first + (<usize>j << 3), <f64>index);
    }
    return 1;
  }
  // a finite positive total: the sums of non-negative terms never fall, nor do the shares, so
  // share_i >= q is false then true and bisection finds the first i
  for (let j = 0; j < k; j++) {
    const q = load<f64>(qs + (<usize>j << 3));
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (load<f64>(shares + (<usize>mid << 3)) / total >= q) hi = mid;
      else lo = mid + 1;
    }
    store<f64>(first + (<usize>j << 3), <f64>lo);
  }
  return 1;
}
