/**
 * Non-linearity statistics built from lagged products: tsfresh's `c3` and
 * `time_reversal_asymmetry_statistic`.
 */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';
import { integerParam } from './parameters.js';

const terms = scratchBuffer();

/**
 * `c3(lag)`: (1 / (n - 2 lag)) * sum_{i=0}^{n-2lag-1} x_{i+2lag} * x_{i+lag} * x_i
 * (Schreiber & Schmitz's non-linearity measure); 0 when 2 lag >= n, as in tsfresh.
 */
export const c3: Calculator = paramCalculator('c3', (x, params) => {
  const lag = integerParam('c3', params, 'lag', 0);
  const n = x.length;
  if (2 * lag >= n) return 0;
  const m = n - 2 * lag;
  const t = terms(m);
  for (let i = 0; i < m; i++) t[i] = x[i + 2 * lag]! * x[i + lag]! * x[i]!;
  return pairwiseSum(t, 0, m) / m;
});

/**
 * `time_reversal_asymmetry_statistic(lag)`:
 * (1 / (n - 2 lag)) * sum_{i=0}^{n-2lag-1} (x_{i+2lag}^2 * x_{i+lag} - x_{i+lag} * x_i^2);
 * 0 when 2 lag >= n, as in tsfresh. Each term is evaluated in numpy's order
 * (`two_lag * two_lag * one_lag - one_lag * x * x`) and the mean is pairwise: on large
 * gauges (~1e8) the two products are ~1e24 and mostly cancel.
 */
export const timeReversalAsymmetryStatistic: Calculator = paramCalculator(
  'time_reversal_asymmetry_statistic',
  (x, params) => {
    const lag = integerParam('time_reversal_asymmetry_statistic', params, 'lag', 0);
    const n = x.length;
    if (2 * lag >= n) return 0;
    const m = n - 2 * lag;
    const t = terms(m);
    for (let i = 0; i < m; i++) {
      const twoLag = x[i + 2 * lag]!;
      const oneLag = x[i + lag]!;
      const now = x[i]!;
      t[i] = twoLag * twoLag * oneLag - oneLag * now * now;
    }
    return pairwiseSum(t, 0, m) / m;
  },
);
