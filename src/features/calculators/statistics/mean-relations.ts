/**
 * Values relative to the mean: tsfresh's `count_above_mean`, `count_below_mean`,
 * `longest_strike_above_mean` and `longest_strike_below_mean` (strict comparisons with
 * `np.mean(x)`, so values equal to the mean count on neither side).
 */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { seriesMean } from './series-moments.js';

/** `count_above_mean`: #{i : x_i > mean(x)}. */
export const countAboveMean: Calculator = scalarCalculator('count_above_mean', (x, ctx) => {
  const m = seriesMean(ctx);
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > m) count++;
  return count;
});

/** `count_below_mean`: #{i : x_i < mean(x)}. */
export const countBelowMean: Calculator = scalarCalculator('count_below_mean', (x, ctx) => {
  const m = seriesMean(ctx);
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! < m) count++;
  return count;
});

/** `longest_strike_above_mean`: the length of the longest run of consecutive x_i > mean(x); 0 if none. */
export const longestStrikeAboveMean: Calculator = scalarCalculator('longest_strike_above_mean', (x, ctx) => {
  const m = seriesMean(ctx);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < x.length; i++) {
    run = x[i]! > m ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
});

/** `longest_strike_below_mean`: the length of the longest run of consecutive x_i < mean(x); 0 if none. */
export const longestStrikeBelowMean: Calculator = scalarCalculator('longest_strike_below_mean', (x, ctx) => {
  const m = seriesMean(ctx);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < x.length; i++) {
    run = x[i]! < m ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
});
