/**
 * The inner loops of tsfresh's `change_quantiles` (src/features/calculators/statistics/
 * change-quantiles.ts): the changes x_{i+1} - x_i whose start and end both lie in the
 * corridor [lower, upper], and numpy's mean and variance of them and of their magnitudes.
 */
import { pairwiseSum, sumSquaredDeviationsAt } from './stats-pairwise-sum';

/**
 * Collects the corridor's changes of `x[0..n)` (n >= 2) into `raw` and their magnitudes into
 * `absolute` (n - 1 float64s each, in series order) and returns their count m. When m > 0,
 * `moments` receives np.mean(raw), np.mean(absolute), np.var(raw), np.var(absolute) of those
 * m values (each mean a pairwise sum / m; each variance the pairwise sum of squared deviations
 * from that mean / m, using `squares`, m float64s, as scratch).
 */
export function corridorChanges(x: usize, n: i32, lower: f64, upper: f64, raw: usize, absolute: usize, squares: usize, moments: usize): i32 {
  let m = 0;
  let previous = load<f64>(x);
  let previousInside = <i32>(previous >= lower) & <i32>(previous <= upper);
  for (let i = 1; i < n; i++) {
    const current = load<f64>(x + (<usize>i << 3));
    const inside = <i32>(current >= lower) & <i32>(current <= upper);
    const change = current - previous;
    store<f64>(raw + (<usize>m << 3), change);
    store<f64>(absolute + (<usize>m << 3), abs<f64>(change));
    m += inside & previousInside;
    previous = current;
    previousInside = inside;
  }
  if (m > 0) {
    const rawMean = pairwiseSum(raw, m) / <f64>m;
    const absoluteMean = pairwiseSum(absolute, m) / <f64>m;
    store<f64>(moments, rawMean);
    store<f64>(moments, absoluteMean, 8);
    store<f64>(moments, sumSquaredDeviationsAt(raw, m, rawMean, squares) / <f64>m, 16);
    store<f64>(moments, sumSquaredDeviationsAt(absolute, m, absoluteMean, squares) / <f64>m, 24);
  }
  return m;
}
