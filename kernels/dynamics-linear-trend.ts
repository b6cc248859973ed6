/**
 * scipy.stats.linregress against 0..n−1 and tsfresh's agg_linear_trend chunk reductions
 * (src/features/numeric/linear-regression.ts, src/features/calculators/dynamics/
 * agg-linear-trend.ts), numpy's rounding: pairwise sums (numpy's pairwise_sum order: blocks
 * under 8 left to right, up to 128 with eight accumulators combined ((r0+r1)+(r2+r3))+
 * ((r4+r5)+(r6+r7)) then the rest, larger blocks split at a multiple of 8) for means, variances
 * and sums; max/min propagate the first NaN.
 */
import { get, put } from './f64-memory';

import { pairwiseSum } from './stats-pairwise-sum';

/** np.var(a[0..n)) (ddof 0): squared deviations from the pairwise mean into `scratch`, summed pairwise. */
function variance(a: usize, n: i32, scratch: usize): f64 {
  const mean = pairwiseSum(a, n) / <f64>n;
  for (let i = 0; i < n; i++) {
    const d = get(a, i) - mean;
    put(scratch, i, d * d);
  }
  return pairwiseSum(scratch, n) / <f64>n;
}

/**
 * The aggregate `kind` (0 max, 1 min, 2 mean, 3 var, 4 std, 5 sum) of every chunk
 * x[c·len .. min(n, (c+1)·len)), c = 0..⌈n/len⌉−1, into `out`; `scratch` holds len values.
 * Max and min keep the first of equal values and stop at a NaN, which they return.
 */
export function chunkAggregates(x: usize, n: i32, kind: i32, chunkLen: i32, out: usize, scratch: usize): void {
  const m = (n + chunkLen - 1) / chunkLen;
  for (let c = 0; c < m; c++) {
    const start = c * chunkLen;
    const count = min<i32>(n, start + chunkLen) - start;
    const a = x + (<usize>start << 3);
    let v: f64;
    if (kind == 0) {
      v = get(a, 0);
      for (let i = 1; i < count && v == v; i++) {
        const w = get(a, i);
        if (!(w <= v)) v = w;
      }
    } else if (kind == 1) {
      v = get(a, 0);
      for (let i = 1; i < count && v == v; i++) {
        const w = get(a, i);
        if (!(w >= v)) v = w;
      }
    } else if (kind == 2) v = pairwiseSum(a, count) / <f64>count;
    else if (kind == 3) v = variance(a, count, scratch);
    else if (kind == 4) v = sqrt<f64>(variance(a, count, scratch));
    else v = pairwiseSum(a, count);
    put(out, c, v);
  }
}

/**
 * linregress's sums for y[0..n) against 0..n−1 into `sums`: [x̄, ȳ, Σ dx², Σ dx·dy, Σ dy²]
 * with x̄ = (n(n−1)/2)/n, ȳ the pairwise mean, dx = i − x̄, dy = y_i − ȳ, sums in increasing i.
 */
export function trendSums(y: usize, n: i32, sums: usize): void {
  const count = <f64>n;
  const xMean = (count * <f64>(n - 1)) / 2 / count;
  const yMean = pairwiseSum(y, n) / count;
  let sxx: f64 = 0;
  let sxy: f64 = 0;
  let syy: f64 = 0;
  for (let i = 0; i < n; i++) {
    const dx = <f64>i - xMean;
    const dy = get(y, i) - yMean;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  put(sums, 0, xMean);
  put(sums, 1, yMean);
  put(sums, 2, sxx);
  put(sums, 3, sxy);
  put(sums, 4, syy);
}
