/** Order statistics of the series: tsfresh's `median` and `quantile`. */
import { paramCalculator, scalarCalculator, type Calculator } from '../../calculator.js';
import { sortedMedian, sortedQuantile } from './numpy-quantile.js';
import { selectMedian } from './select-median.js';
import { seriesSorted } from './series-moments.js';
import { numberParam } from './parameters.js';

/**
 * `median`: `np.median(x)`, the middle value (mean of the two middle ones for even n): from the
 * shared sorted copy when another calculator has made it, else by selection (O(n)).
 */
export const median: Calculator = scalarCalculator('median', (x, ctx) => {
  const sorted = ctx.peek<Float64Array>('sorted');
  return sorted ? sortedMedian(sorted) : selectMedian(x);
});

/**
 * `quantile(q)`: `np.quantile(x, q)` with linear interpolation between the order statistics
 * at virtual index `(n - 1) * q`; NaN for an empty series. Parameter `q` in [0, 1].
 */
export const quantile: Calculator = paramCalculator('quantile', (x, params, ctx) =>
  x.length === 0 ? NaN : sortedQuantile(seriesSorted(ctx), numberParam('quantile', params, 'q', 0, 1)),
);
