/**
 * Counting values against thresholds: tsfresh's `value_count`, `range_count`, `count_above`
 * and `count_below` (exact float comparisons, as numpy's `==`, `>=`, `<`, `<=`).
 */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { numberParam } from './parameters.js';

/** `value_count(value)`: #{i : x_i == value}; for value NaN, the number of NaNs. */
export const valueCount: Calculator = paramCalculator('value_count', (x, params) => {
  const value = numberParam('value_count', params, 'value');
  let count = 0;
  if (Number.isNaN(value)) {
    for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) count++;
  } else {
    for (let i = 0; i < x.length; i++) if (x[i] === value) count++;
  }
  return count;
});

/** `range_count(min, max)`: #{i : min <= x_i < max}. */
export const rangeCount: Calculator = paramCalculator('range_count', (x, params) => {
  const lower = numberParam('range_count', params, 'min');
  const upper = numberParam('range_count', params, 'max');
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! >= lower && x[i]! < upper) count++;
  return count;
});

/** `count_above(t)`: #{i : x_i >= t} / n, the share of values at or above t (NaN when empty). */
export const countAbove: Calculator = paramCalculator('count_above', (x, params) => {
  const t = numberParam('count_above', params, 't');
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! >= t) count++;
  return count / x.length;
});

/** `count_below(t)`: #{i : x_i <= t} / n, the share of values at or below t (NaN when empty). */
export const countBelow: Calculator = paramCalculator('count_below', (x, params) => {
  const t = numberParam('count_below', params, 't');
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! <= t) count++;
  return count / x.length;
});
