/** tsfresh's `change_quantiles`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { num } from '../../params.js';
import { pairwiseSum } from '../complexity/numpy-reductions.js';
import { sortedMedian, sortedQuantile } from './numpy-quantile.js';
import { scratchBuffer } from './scratch.js';
import { seriesSorted } from './series-moments.js';

const selectedChanges = scratchBuffer();
const deviations = scratchBuffer();

/** np.mean / np.var / np.std / np.median of `values[0..m)` (m > 0), as numpy computes them. */
function aggregate(values: Float64Array, m: number, aggregator: string): number {
  switch (aggregator) {
    case 'mean':
      return pairwiseSum(values, 0, m) / m;
    case 'var':
    case 'std': {
      const mean = pairwiseSum(values, 0, m) / m;
      const squares = deviations(m);
      for (let i = 0; i < m; i++) {
        const d = values[i]! - mean;
        squares[i] = d * d;
      }
      const variance = pairwiseSum(squares, 0, m) / m;
      return aggregator === 'var' ? variance : Math.sqrt(variance);
    }
    case 'median':
      return sortedMedian(values.slice(0, m).sort());
    default:
      throw new Error(`change_quantiles: f_agg must be "mean", "var", "std" or "median", got ${JSON.stringify(aggregator)}`);
  }
}

/**
 * `change_quantiles(ql, qh, isabs, f_agg)`: fixes the corridor [quantile(x, ql),
 * quantile(x, qh)] and aggregates (`f_agg` = "mean", "var", ...) the changes x_{i+1} - x_i
 * (their absolute values when `isabs`) whose start and end both lie in the corridor.
 * 0 when ql >= qh or when no change lies inside.
 *
 * tsfresh finds the corridor with `pd.qcut(x, [ql, qh])`: pandas takes the quantiles with
 * `np.percentile(x, q * 100)` (numpy divides by 100 again, which we repeat for the last ulp)
 * and its bin (lower, upper] with `include_lowest` keeps exactly lower <= x_i <= upper. When
 * the two edges coincide, only values equal to them are inside, all changes are 0, and so is
 * the result — the same 0 tsfresh returns when pandas refuses duplicate edges.
 */
export const changeQuantiles: Calculator = paramCalculator('change_quantiles', (x, params, ctx) => {
  const ql = num(params.ql);
  const qh = num(params.qh);
  if (ql >= qh) return 0;
  const n = x.length;
  if (n < 2) return 0;
  const sorted = seriesSorted(ctx);
  const lower = sortedQuantile(sorted, (ql * 100) / 100);
  const upper = sortedQuantile(sorted, (qh * 100) / 100);
  const isabs = params.isabs === true;
  const changes = selectedChanges(n);
  let m = 0;
  let previousInside = x[0]! >= lower && x[0]! <= upper;
  for (let i = 1; i < n; i++) {
    const inside = x[i]! >= lower && x[i]! <= upper;
    if (inside && previousInside) {
      const change = x[i]! - x[i - 1]!;
      changes[m++] = isabs ? Math.abs(change) : change;
    }
    previousInside = inside;
  }
  if (m === 0) return 0;
  return aggregate(changes, m, String(params.f_agg));
});
