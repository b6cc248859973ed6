/**
 * Repeated values: tsfresh's `has_duplicate`, `has_duplicate_max`, `has_duplicate_min`,
 * `percentage_of_reoccurring_values_to_all_values`,
 * `percentage_of_reoccurring_datapoints_to_all_datapoints`, `sum_of_reoccurring_values`,
 * `sum_of_reoccurring_data_points` and `ratio_value_number_to_time_series_length`.
 */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { seriesExtremes } from './series-moments.js';
import { valueRuns } from './value-runs.js';

/** `has_duplicate`: 1 when some value occurs more than once (n != number of unique values), else 0. */
export const hasDuplicate: Calculator = scalarCalculator('has_duplicate', (x, ctx) =>
  valueRuns(ctx).distinct !== x.length ? 1 : 0,
);

/** `has_duplicate_max`: 1 when the maximum occurs at least twice, else 0 (0 with a NaN). */
export const hasDuplicateMax: Calculator = scalarCalculator('has_duplicate_max', (_x, ctx) => {
  const e = seriesExtremes(ctx);
  return e.max === e.max && e.lastMax > e.firstMax ? 1 : 0;
});

/** `has_duplicate_min`: 1 when the minimum occurs at least twice, else 0 (0 with a NaN). */
export const hasDuplicateMin: Calculator = scalarCalculator('has_duplicate_min', (_x, ctx) => {
  const e = seriesExtremes(ctx);
  return e.min === e.min && e.lastMin > e.firstMin ? 1 : 0;
});

/**
 * `percentage_of_reoccurring_values_to_all_values`: (# distinct values occurring more than
 * once) / (# distinct values); NaN for an empty series.
 */
export const percentageOfReoccurringValuesToAllValues: Calculator = scalarCalculator(
  'percentage_of_reoccurring_values_to_all_values',
  (x, ctx) => {
    if (x.length === 0) return NaN;
    const runs = valueRuns(ctx);
    return runs.reoccurringValues / runs.distinct;
  },
);

/**
 * `percentage_of_reoccurring_datapoints_to_all_datapoints`: (# data points whose value occurs
 * more than once) / n; NaN for an empty series.
 */
export const percentageOfReoccurringDatapointsToAllDatapoints: Calculator = scalarCalculator(
  'percentage_of_reoccurring_datapoints_to_all_datapoints',
  (x, ctx) => (x.length === 0 ? NaN : valueRuns(ctx).reoccurringPoints / x.length),
);

/** `sum_of_reoccurring_values`: the sum of the distinct values that occur more than once, each once. */
export const sumOfReoccurringValues: Calculator = scalarCalculator('sum_of_reoccurring_values', (_x, ctx) =>
  valueRuns(ctx).sumOfReoccurringValues,
);

/** `sum_of_reoccurring_data_points`: the sum of all data points whose value occurs more than once. */
export const sumOfReoccurringDataPoints: Calculator = scalarCalculator('sum_of_reoccurring_data_points', (_x, ctx) =>
  valueRuns(ctx).sumOfReoccurringPoints,
);

/** `ratio_value_number_to_time_series_length`: (# distinct values) / n; NaN for an empty series. */
export const ratioValueNumberToTimeSeriesLength: Calculator = scalarCalculator(
  'ratio_value_number_to_time_series_length',
  (x, ctx) => (x.length === 0 ? NaN : valueRuns(ctx).distinct / x.length),
);
