/**
 * Location and spread: tsfresh's `mean`, `variance`, `standard_deviation`,
 * `variation_coefficient` and `variance_larger_than_standard_deviation`.
 */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { seriesMean, seriesStd, seriesVariance } from './series-moments.js';

/** `mean`: sum(x_i) / n (`np.mean`); NaN for an empty series. */
export const mean: Calculator = scalarCalculator('mean', (_x, ctx) => seriesMean(ctx));

/** `variance`: sum((x_i - mean)^2) / n, the population variance (`np.var`, ddof 0). */
export const variance: Calculator = scalarCalculator('variance', (_x, ctx) => seriesVariance(ctx));

/** `standard_deviation`: sqrt(variance), the population standard deviation (`np.std`). */
export const standardDeviation: Calculator = scalarCalculator('standard_deviation', (_x, ctx) => seriesStd(ctx));

/** `variation_coefficient`: std / mean, NaN when the mean is 0 (tsfresh's zero-division rule). */
export const variationCoefficient: Calculator = scalarCalculator('variation_coefficient', (_x, ctx) => {
  const m = seriesMean(ctx);
  return m !== 0 ? seriesStd(ctx) / m : NaN;
});

/**
 * `variance_larger_than_standard_deviation`: 1 when var(x) > sqrt(var(x)), i.e. when the
 * variance exceeds 1, else 0 (tsfresh returns a bool).
 */
export const varianceLargerThanStandardDeviation: Calculator = scalarCalculator(
  'variance_larger_than_standard_deviation',
  (_x, ctx) => {
    const v = seriesVariance(ctx);
    return v > Math.sqrt(v) ? 1 : 0;
  },
);
