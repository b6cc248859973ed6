/**
 * Where the extremes sit, relative to the length: tsfresh's `first_location_of_maximum`,
 * `last_location_of_maximum`, `first_location_of_minimum` and `last_location_of_minimum`.
 */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { seriesExtremes } from './series-moments.js';

/** `first_location_of_maximum`: argmax(x) / n, the first index of the maximum; NaN when empty. */
export const firstLocationOfMaximum: Calculator = scalarCalculator('first_location_of_maximum', (x, ctx) =>
  x.length > 0 ? seriesExtremes(ctx).firstMax / x.length : NaN,
);

/**
 * `last_location_of_maximum`: 1 - argmax(reversed x) / n, where argmax(reversed x) counts
 * from the end to the last maximum (so a maximum at the last index gives 1/n); NaN when empty.
 */
export const lastLocationOfMaximum: Calculator = scalarCalculator('last_location_of_maximum', (x, ctx) =>
  x.length > 0 ? 1 - (x.length - 1 - seriesExtremes(ctx).lastMax) / x.length : NaN,
);

/** `first_location_of_minimum`: argmin(x) / n, the first index of the minimum; NaN when empty. */
export const firstLocationOfMinimum: Calculator = scalarCalculator('first_location_of_minimum', (x, ctx) =>
  x.length > 0 ? seriesExtremes(ctx).firstMin / x.length : NaN,
);

/** `last_location_of_minimum`: 1 - argmin(reversed x) / n; NaN when empty. */
export const lastLocationOfMinimum: Calculator = scalarCalculator('last_location_of_minimum', (x, ctx) =>
  x.length > 0 ? 1 - (x.length - 1 - seriesExtremes(ctx).lastMin) / x.length : NaN,
);
