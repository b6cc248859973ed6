/** tsfresh's `cid_ce`: the complexity-invariant distance's complexity estimate. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { booleanParam } from './parameters.js';
import { seriesMean, seriesStd } from './series-moments.js';

/**
 * `cid_ce(normalize)`: sqrt(sum_{i=0}^{n-2} (x_{i+1} - x_i)^2) (Batista et al., 2014). With
 * `normalize: true` the series is first z-scored, x_i -> (x_i - mean) / std (population std);
 * a series with std 0 then gives 0.
 */
export const cidCe: Calculator = paramCalculator('cid_ce', (x, params, ctx) => {
  const n = x.length;
  let sum = 0;
  if (booleanParam('cid_ce', params, 'normalize')) {
    const s = seriesStd(ctx);
    if (s === 0) return 0;
    const m = seriesMean(ctx);
    let previous = (x[0]! - m) / s;
    for (let i = 1; i < n; i++) {
      const current = (x[i]! - m) / s;
      const d = current - previous;
      sum += d * d;
      previous = current;
    }
  } else {
    for (let i = 1; i < n; i++) {
      const d = x[i]! - x[i - 1]!;
      sum += d * d;
    }
  }
  return Math.sqrt(sum);
});
