/**
 * tsfresh `agg_autocorrelation(x, f_agg, maxlag)`: an aggregate of the autocorrelation function,
 *
 *   f_agg(R(1), ..., R(m)),  m = min(maxlag, n − 1)
 *
 * with R(l) = γ(l)/γ(0) from statsmodels' `acf(x, adjusted=True)` (γ as in autocovariance.ts).
 * When the variance is below 1e-10 or n = 1, tsfresh aggregates a vector of n zeros instead
 * (so a constant series gives 0). Parameters: `f_agg` — a numpy aggregate name ("mean",
 * "median", "var", "std", "max", "min", "sum"); `maxlag` (int ≥ 1).
 */
import { paramCalculator } from '../../calculator.js';
import { num } from '../../params.js';
import { adjustedAutocovariance, seriesVariance } from './autocovariance.js';
import { aggregate } from './aggregate.js';

export const aggAutocorrelation = paramCalculator('agg_autocorrelation', (x, params, ctx) => {
  const fAgg = String(params.f_agg);
  const maxlag = num(params.maxlag);
  if (!Number.isInteger(maxlag) || maxlag < 0) throw new RangeError(`agg_autocorrelation: maxlag must be an integer >= 0, got ${maxlag}`);
  const n = x.length;
  const variance = seriesVariance(ctx);
  let values: Float64Array;
  if (Math.abs(variance) < 1e-10 || n === 1) {
    values = new Float64Array(Math.min(n, maxlag));
  } else {
    const acov = adjustedAutocovariance(ctx, Math.max(maxlag, 40));
    const m = Math.min(maxlag, acov.length - 1);
    values = new Float64Array(m);
    for (let l = 1; l <= m; l++) values[l - 1] = acov[l]! / acov[0]!;
  }
  return aggregate(fAgg, values, 0, values.length, 'agg_autocorrelation');
});
