/**
 * Non-linearity statistics built from lagged products: tsfresh's `c3` and
 * `time_reversal_asymmetry_statistic`. The terms and their pairwise sum are computed in
 * WebAssembly (kernels/stats-lagged-products.ts).
 */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from './series-moments.js';
import { integerParam } from './parameters.js';

const terms = new KernelBuffer();
const C3 = 0;
const TIME_REVERSAL = 1;

/**
 * `c3(lag)`: (1 / (n - 2 lag)) * sum_{i=0}^{n-2lag-1} x_{i+2lag} * x_{i+lag} * x_i
 * (Schreiber & Schmitz's non-linearity measure); 0 when 2 lag >= n, as in tsfresh.
 */
export const c3: Calculator = paramCalculator('c3', (x, params, ctx) => {
  const lag = integerParam('c3', params, 'lag', 0);
  const n = x.length;
  if (2 * lag >= n) return 0;
  const m = n - 2 * lag;
  return kernels().fn.laggedProductSum(seriesPointer(ctx), n, lag, C3, terms.pointer(m)) / m;
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
  (x, params, ctx) => {
    const lag = integerParam('time_reversal_asymmetry_statistic', params, 'lag', 0);
    const n = x.length;
    if (2 * lag >= n) return 0;
    const m = n - 2 * lag;
    return kernels().fn.laggedProductSum(seriesPointer(ctx), n, lag, TIME_REVERSAL, terms.pointer(m)) / m;
  },
);
