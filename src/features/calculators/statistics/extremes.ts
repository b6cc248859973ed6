/** The extremes: tsfresh's `maximum`, `minimum` and `absolute_maximum`. */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { seriesExtremes } from './series-moments.js';

/** `maximum`: max(x) (NaN if any value is NaN, as `np.max`; NaN for an empty series). */
export const maximum: Calculator = scalarCalculator('maximum', (_x, ctx) => seriesExtremes(ctx).max);

/** `minimum`: min(x) (NaN if any value is NaN, as `np.min`; NaN for an empty series). */
export const minimum: Calculator = scalarCalculator('minimum', (_x, ctx) => seriesExtremes(ctx).min);

/** `absolute_maximum`: max(|x_i|) = max(|min|, |max|); NaN for an empty series. */
export const absoluteMaximum: Calculator = scalarCalculator('absolute_maximum', (_x, ctx) => {
  const { min, max } = seriesExtremes(ctx);
  return Math.max(Math.abs(min), Math.abs(max));
});
