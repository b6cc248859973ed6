/**
 * The per-series sums and extremes most statistics calculators share
 * (src/features/calculators/statistics/series-moments.ts), in one pass of kernel calls, each
 * sum in numpy's pairwise order over the same elementwise terms numpy forms.
 */
import { pairwiseSum } from './stats-pairwise-sum';

/** Where {@link seriesSummary} writes each quantity (float64 index into `out`). */
// 0 sum(x)  1 m2  2 m3  3 m4  4 sum(x^2)  5 min  6 max  7 firstMin  8 lastMin  9 firstMax  10 lastMax

/**
 * The summary of `x[0..n)` into `out[0..11)`: np.sum(x); with mean = sum / n and
 * a = x - mean, the pairwise sums m2 = sum(a*a), m3 = sum((a*a)*a), m4 = sum((a*a)*(a*a));
 * sum(x*x); then min, max and the first and last index of each, NaN winning as in np.min /
 * np.argmin (min = max = NaN, indices those of the first and last NaN; -1 and NaN when n = 0).
 * `scratch` holds 3n float64s for the elementwise terms.
 */
export function seriesSummary(x: usize, n: i32, scratch: usize, out: usize): void {
  const sum = pairwiseSum(x, n);
  const mean = sum / <f64>n;
  const a2 = scratch;
  const a3 = scratch + (<usize>n << 3);
  const a4 = a3 + (<usize>n << 3);
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 3;
    const adjusted = load<f64>(x + at) - mean;
    const squared = adjusted * adjusted;
    store<f64>(a2 + at, squared);
    store<f64>(a3 + at, squared * adjusted);
    store<f64>(a4 + at, squared * squared);
  }
  store<f64>(out, sum);
  store<f64>(out, pairwiseSum(a2, n), 8);
  store<f64>(out, pairwiseSum(a3, n), 16);
  store<f64>(out, pairwiseSum(a4, n), 24);
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 3;
    const v = load<f64>(x + at);
    store<f64>(a2 + at, v * v);
  }
  store<f64>(out, pairwiseSum(a2, n), 32);
  extremes(x, n, out + 40);
}

/** min, max, firstMin, lastMin, firstMax, lastMax of `x[0..n)` into `out[0..6)` (see above). */
function extremes(x: usize, n: i32, out: usize): void {
  if (n == 0) {
    store<f64>(out, NaN);
    store<f64>(out, NaN, 8);
    for (let k = 2; k < 6; k++) store<f64>(out + (<usize>k << 3), -1);
    return;
  }
  let min = load<f64>(x);
  let max = min;
  let firstMin = 0;
  let lastMin = 0;
  let firstMax = 0;
  let lastMax = 0;
  let firstNaN = -1;
  let lastNaN = -1;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) {
      if (firstNaN < 0) firstNaN = i;
      lastNaN = i;
      continue;
    }
    if (v < min || min != min) {
      min = v;
      firstMin = lastMin = i;
    } else if (v == min) lastMin = i;
    if (v > max || max != max) {
      max = v;
      firstMax = lastMax = i;
    } else if (v == max) lastMax = i;
  }
  if (firstNaN >= 0) {
    min = max = NaN;
    firstMin = firstMax = firstNaN;
    lastMin = lastMax = lastNaN;
  }
  store<f64>(out, min);
  store<f64>(out, max, 8);
  store<f64>(out, <f64>firstMin, 16);
  store<f64>(out, <f64>lastMin, 24);
  store<f64>(out, <f64>firstMax, 32);
  store<f64>(out, <f64>lastMax, 40);
}

/** How many of `x[0..n)` lie farther than each of `limits[0..k)` from `center`: |x_i - center| > limit, into `counts` (float64s). */
export function countBeyondLimits(x: usize, n: i32, center: f64, limits: usize, k: i32, counts: usize): void {
  for (let j = 0; j < k; j++) {
    const limit = load<f64>(limits + (<usize>j << 3));
    let count = 0;
    for (let i = 0; i < n; i++) count += <i32>(abs<f64>(load<f64>(x + (<usize>i << 3)) - center) > limit);
    store<f64>(counts + (<usize>j << 3), <f64>count);
  }
}

/**
 * {@link countBeyondLimits} of the ascending `sorted[0..n)` (NaN last), by bisection when
 * `center` is finite and no value is NaN: g(v) = |v - center| (rounded) never grows as v rises
 * below the center and never shrinks above it, so g(v) > limit holds on a prefix of the values
 * below the center and a suffix of the others; two bisections per limit find both. Otherwise
 * (a NaN or an infinite center) the plain count.
 */
export function countBeyondLimitsSorted(sorted: usize, n: i32, center: f64, limits: usize, k: i32, counts: usize): void {
  if (n == 0 || center - center != 0 || isNaN(load<f64>(sorted + (<usize>(n - 1) << 3)))) {
    countBeyondLimits(sorted, n, center, limits, k, counts);
    return;
  }
  // below: the values < center, sorted[0..below)
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(sorted + (<usize>mid << 3)) < center) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  for (let j = 0; j < k; j++) {
    const limit = load<f64>(limits + (<usize>j << 3));
    // the first value below the center that is not beyond (the beyond ones precede it)
    lo = 0;
    hi = below;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (abs<f64>(load<f64>(sorted + (<usize>mid << 3)) - center) > limit) lo = mid + 1;
      else hi = mid;
    }
    const beyondBelow = lo;
    // the first value at or above the center that is beyond (all after it are)
    lo = below;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (abs<f64>(load<f64>(sorted + (<usize>mid << 3)) - center) > limit) hi = mid;
      else lo = mid + 1;
    }
    store<f64>(counts + (<usize>j << 3), <f64>(beyondBelow + n - lo));
  }
}
