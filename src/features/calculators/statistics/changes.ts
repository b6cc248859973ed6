/**
 * Changes between consecutive values: tsfresh's `absolute_sum_of_changes`, `mean_abs_change`,
 * `mean_change` and `mean_second_derivative_central`.
 */
import { scalarCalculator, type Calculator, type SeriesContext } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';

const absoluteChanges = scratchBuffer();

/** sum(|x_{i+1} - x_i|) as `np.sum(np.abs(np.diff(x)))` (pairwise), memo 'sum-abs-changes'. */
function sumOfAbsoluteChanges(ctx: SeriesContext): number {
  return ctx.memo('sum-abs-changes', () => {
    const x = ctx.x;
    const m = Math.max(x.length - 1, 0);
    const changes = absoluteChanges(m);
    for (let i = 0; i < m; i++) changes[i] = Math.abs(x[i + 1]! - x[i]!);
    return pairwiseSum(changes, 0, m);
  });
}

/** `absolute_sum_of_changes`: sum over i of |x_{i+1} - x_i|; 0 for fewer than 2 values. */
export const absoluteSumOfChanges: Calculator = scalarCalculator('absolute_sum_of_changes', (_x, ctx) =>
  sumOfAbsoluteChanges(ctx),
);

/** `mean_abs_change`: mean over i of |x_{i+1} - x_i|; NaN for fewer than 2 values. */
export const meanAbsChange: Calculator = scalarCalculator('mean_abs_change', (x, ctx) =>
  sumOfAbsoluteChanges(ctx) / (x.length - 1 > 0 ? x.length - 1 : NaN),
);

/** `mean_change`: mean of x_{i+1} - x_i, which telescopes to (x_{n-1} - x_0) / (n - 1); NaN for n < 2. */
export const meanChange: Calculator = scalarCalculator('mean_change', (x) => {
  const n = x.length;
  return n > 1 ? (x[n - 1]! - x[0]!) / (n - 1) : NaN;
});

/**
 * `mean_second_derivative_central`: mean of (x_{i+2} - 2 x_{i+1} + x_i) / 2, which telescopes
 * to (x_{n-1} - x_{n-2} - x_1 + x_0) / (2 (n - 2)); NaN for n < 3.
 */
export const meanSecondDerivativeCentral: Calculator = scalarCalculator('mean_second_derivative_central', (x) => {
  const n = x.length;
  return n > 2 ? (x[n - 1]! - x[n - 2]! - x[1]! + x[0]!) / (2 * (n - 2)) : NaN;
});
