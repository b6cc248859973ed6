/** tsfresh's `number_crossing_m`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { numberParam } from './parameters.js';

/**
 * `number_crossing_m(m)`: how often the series crosses the level m — the number of i where
 * (x_i > m) differs from (x_{i+1} > m). A value equal to m counts as below it.
 */
export const numberCrossingM: Calculator = paramCalculator('number_crossing_m', (x, params) => {
  const m = numberParam('number_crossing_m', params, 'm');
  let crossings = 0;
  for (let i = 1; i < x.length; i++) if (x[i]! > m !== x[i - 1]! > m) crossings++;
  return crossings;
});
