/**
 * Counting values against thresholds: tsfresh's `value_count`, `range_count`, `count_above`
 * and `count_below` (exact float comparisons, as numpy's `==`, `>=`, `<`, `<=`), counted in
 * WebAssembly (kernels/stats-threshold-counts.ts).
 */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from './series-moments.js';
import { numberParam } from './parameters.js';

/** The comparisons of kernels/stats-threshold-counts.ts's `countMatching`. */
export const Matching = { Crossings: 0, InRange: 1, AtLeast: 2, AtMost: 3, Equal: 4, IsNaN: 5 } as const;

/** `value_count(value)`: #{i : x_i == value}; for value NaN, the number of NaNs. */
export const valueCount: Calculator = paramCalculator('value_count', (x, params, ctx) => {
  const value = numberParam('value_count', params, 'value');
  const kind = Number.isNaN(value) ? Matching.IsNaN : Matching.Equal;
  return kernels().fn.countMatching(seriesPointer(ctx), x.length, kind, value, 0);
});

/** `range_count(min, max)`: #{i : min <= x_i < max}. */
export const rangeCount: Calculator = paramCalculator('range_count', (x, params, ctx) => {
  const lower = numberParam('range_count', params, 'min');
  const upper = numberParam('range_count', params, 'max');
  return kernels().fn.countMatching(seriesPointer(ctx), x.length, Matching.InRange, lower, upper);
});

/** `count_above(t)`: #{i : x_i >= t} / n, the share of values at or above t (NaN when empty). */
export const countAbove: Calculator = paramCalculator('count_above', (x, params, ctx) => {
  const t = numberParam('count_above', params, 't');
  return kernels().fn.countMatching(seriesPointer(ctx), x.length, Matching.AtLeast, t, 0) / x.length;
});

/** `count_below(t)`: #{i : x_i <= t} / n, the share of values at or below t (NaN when empty). */
export const countBelow: Calculator = paramCalculator('count_below', (x, params, ctx) => {
  const t = numberParam('count_below', params, 't');
  return kernels().fn.countMatching(seriesPointer(ctx), x.length, Matching.AtMost, t, 0) / x.length;
});
