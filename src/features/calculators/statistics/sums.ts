/** Sums over the series: tsfresh's `sum_values`, `abs_energy` and `root_mean_square`. */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { seriesSumOfSquares } from './series-moments.js';

/** `sum_values`: sum(x_i) (`np.sum`, pairwise); 0 for an empty series. */
export const sumValues: Calculator = scalarCalculator('sum_values', (x) => (x.length === 0 ? 0 : pairwiseSum(x)));

/**
 * `abs_energy`: sum(x_i^2), tsfresh's `np.dot(x, x)`; 0 for an empty series. (BLAS adds in
 * its own order; all terms are non-negative, so any order agrees to a few ulps.)
 */
export const absEnergy: Calculator = scalarCalculator('abs_energy', (_x, ctx) => seriesSumOfSquares(ctx));

/** `root_mean_square`: sqrt(sum(x_i^2) / n); NaN for an empty series. */
export const rootMeanSquare: Calculator = scalarCalculator('root_mean_square', (x, ctx) =>
  x.length === 0 ? NaN : Math.sqrt(seriesSumOfSquares(ctx) / x.length),
);
