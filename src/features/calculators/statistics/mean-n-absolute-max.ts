/** tsfresh's `mean_n_absolute_max`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';
import { seriesSorted } from './series-moments.js';
import { integerParam } from './parameters.js';

const largest = scratchBuffer();

/**
 * `mean_n_absolute_max(number_of_maxima)`: the mean of the k = number_of_maxima largest |x_i|;
 * NaN unless the series is longer than k (tsfresh's rule: n > k). The k largest magnitudes
 * are taken from both ends of the sorted series and averaged in ascending order, as
 * `np.mean(np.sort(np.abs(x))[-k:])` does.
 */
export const meanNAbsoluteMax: Calculator = paramCalculator('mean_n_absolute_max', (x, params, ctx) => {
  const k = integerParam('mean_n_absolute_max', params, 'number_of_maxima', 1);
  const n = x.length;
  if (n <= k) return NaN;
  const sorted = seriesSorted(ctx);
  if (Number.isNaN(sorted[n - 1]!)) return NaN;
  const top = largest(k);
  let low = 0;
  let high = n - 1;
  for (let i = k - 1; i >= 0; i--) {
    const fromLow = Math.abs(sorted[low]!);
    const fromHigh = Math.abs(sorted[high]!);
    if (fromLow > fromHigh) {
      top[i] = fromLow;
      low++;
    } else {
      top[i] = fromHigh;
      high--;
    }
  }
  return pairwiseSum(top, 0, k) / k;
});
