/**
 * The lagged-product means of tsfresh's `c3` and `time_reversal_asymmetry_statistic`
 * (src/features/calculators/statistics/lagged-products.ts): the m = n - 2 lag terms in
 * numpy's order of operations, then their pairwise sum (`np.mean`'s numerator).
 */
import { pairwiseSum } from './stats-pairwise-sum';

/**
 * The pairwise sum of the terms t_i, i < n - 2 lag, of `x[0..n)` into `terms` (n - 2 lag
 * float64s of scratch; requires 2 lag < n): kind 0 (c3) t_i = x_{i+2lag} * x_{i+lag} * x_i,
 * kind 1 (time reversal asymmetry) t_i = x_{i+2lag} * x_{i+2lag} * x_{i+lag} - x_{i+lag} * x_i * x_i.
 */
export function laggedProductSum(x: usize, n: i32, lag: i32, kind: i32, terms: usize): f64 {
  const m = n - 2 * lag;
  const oneLag = x + (<usize>lag << 3);
  const twoLag = x + (<usize>lag << 4);
  // two terms at a time, one per f64x2 lane (the same products in the same order)
  const pairs = m & ~1;
  if (kind == 0) {
    for (let i = 0; i < pairs; i += 2) {
      const at = <usize>i << 3;
      v128.store(terms + at, f64x2.mul(f64x2.mul(v128.load(twoLag + at), v128.load(oneLag + at)), v128.load(x + at)));
    }
    for (let i = pairs; i < m; i++) {
      const at = <usize>i << 3;
      store<f64>(terms + at, load<f64>(twoLag + at) * load<f64>(oneLag + at) * load<f64>(x + at));
    }
  } else {
    for (let i = 0; i < pairs; i += 2) {
      const at = <usize>i << 3;
      const a = v128.load(twoLag + at);
      const b = v128.load(oneLag + at);
      const c = v128.load(x + at);
      v128.store(terms + at, f64x2.sub(f64x2.mul(f64x2.mul(a, a), b), f64x2.mul(f64x2.mul(b, c), c)));
    }
    for (let i = pairs; i < m; i++) {
      const at = <usize>i << 3;
      const a = load<f64>(twoLag + at);
      const b = load<f64>(oneLag + at);
      const c = load<f64>(x + at);
      store<f64>(terms + at, a * a * b - b * c * c);
    }
  }
  return pairwiseSum(terms, m);
}
