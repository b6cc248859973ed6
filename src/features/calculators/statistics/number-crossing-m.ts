/** tsfresh's `number_crossing_m`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from './series-moments.js';
import { Matching } from './value-counts.js';
import { numberParam } from './parameters.js';

/**
 * `number_crossing_m(m)`: how often the series crosses the level m — the number of i where
 * (x_i > m) differs from (x_{i+1} > m). A value equal to m counts as below it. Counted in
 * WebAssembly (kernels/stats-threshold-counts.ts).
 */
export const numberCrossingM: Calculator = paramCalculator('number_crossing_m', (x, params, ctx) => {
  const m = numberParam('number_crossing_m', params, 'm');
  return kernels().fn.countMatching(seriesPointer(ctx), x.length, Matching.Crossings, m, 0);
});
