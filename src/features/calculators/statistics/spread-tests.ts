/**
 * Boolean and ratio tests of the spread: tsfresh's `symmetry_looking`,
 * `large_standard_deviation` and `ratio_beyond_r_sigma`. The booleans are written as 1 / 0.
 */
import { paramCalculator, requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet } from '../../params.js';
import { sortedMedian } from './numpy-quantile.js';
import { seriesExtremes, seriesMean, seriesSorted, seriesSortedPointer, seriesStd } from './series-moments.js';
import { numberParam } from './parameters.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const limitValues = new KernelBuffer();
const counts = new KernelBuffer();

/**
 * `symmetry_looking(r)`: 1 when |mean(x) - median(x)| < r * (max(x) - min(x)), else 0
 * (strict, so a constant series is never "symmetric looking").
 */
export const symmetryLooking: Calculator = {
  name: 'symmetry_looking',
  outputs: (params) => requireParams('symmetry_looking', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('symmetry_looking', params);
    const meanMedianDifference = Math.abs(seriesMean(ctx) - sortedMedian(seriesSorted(ctx)));
    const { min, max } = seriesExtremes(ctx);
    const range = max - min;
    for (let i = 0; i < list.length; i++) {
      out[offset + i] = meanMedianDifference < numberParam('symmetry_looking', list[i]!, 'r') * range ? 1 : 0;
    }
  },
};

/** `large_standard_deviation(r)`: 1 when std(x) > r * (max(x) - min(x)), else 0 (population std). */
export const largeStandardDeviation: Calculator = paramCalculator('large_standard_deviation', (_x, params, ctx) => {
  const { min, max } = seriesExtremes(ctx);
  return seriesStd(ctx) > numberParam('large_standard_deviation', params, 'r') * (max - min) ? 1 : 0;
});

/**
 * `ratio_beyond_r_sigma(r)`: #{i : |x_i - mean(x)| > r * std(x)} / n (population std).
 * Numerically fragile in tsfresh itself: with two values, |x_i - mean| equals std in exact
 * arithmetic, so the last ulp of numpy's mean and std decides; both are reproduced bit for bit
 * (pairwise sums), which settles such ties as numpy does for the same input bits.
 */
export const ratioBeyondRSigma: Calculator = {
  name: 'ratio_beyond_r_sigma',
  outputs: (params) => requireParams('ratio_beyond_r_sigma', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('ratio_beyond_r_sigma', params);
    const x = ctx.x;
    const std = seriesStd(ctx);
    // the sorted series (shared with the quantiles) first: it may grow the kernel memory
    const sorted = seriesSortedPointer(ctx);
    const limits = limitValues.view(list.length);
    for (let i = 0; i < list.length; i++) limits[i] = numberParam('ratio_beyond_r_sigma', list[i]!, 'r') * std;
    // |x_i - mean| > r * std counted for every r in one WebAssembly call (kernels/stats-series-summary.ts):
    // on the sorted values the ones beyond are a prefix and a suffix, two bisections per r
    kernels().fn.countBeyondLimitsSorted(sorted, x.length, seriesMean(ctx), limitValues.pointer(list.length), list.length, counts.pointer(list.length));
    const beyond = counts.view(list.length);
    for (let i = 0; i < list.length; i++) out[offset + i] = beyond[i]! / x.length;
  },
};
