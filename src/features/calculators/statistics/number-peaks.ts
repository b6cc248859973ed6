/** tsfresh's `number_peaks`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { integerParam } from './parameters.js';

/**
 * `number_peaks(n)`: the number of peaks of support n — indices i with n <= i < len - n whose
 * value is strictly larger than the n values to its left and the n values to its right.
 * 0 when the series has fewer than 2n + 1 values (or n is 0, where tsfresh's `x[0:-0]` is empty).
 */
export const numberPeaks: Calculator = paramCalculator('number_peaks', (x, params) => {
  const support = integerParam('number_peaks', params, 'n', 0);
  const len = x.length;
  if (support <= 0) return 0;
  let peaks = 0;
  for (let i = support; i < len - support; i++) {
    const v = x[i]!;
    let isPeak = true;
    for (let k = 1; k <= support && isPeak; k++) isPeak = v > x[i - k]! && v > x[i + k]!;
    if (isPeak) peaks++;
  }
  return peaks;
});
