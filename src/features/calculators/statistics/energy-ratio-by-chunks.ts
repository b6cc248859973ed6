/** tsfresh's `energy_ratio_by_chunks`. */
import { paramCalculator, type Calculator } from '../../calculator.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { scratchBuffer } from './scratch.js';
import { seriesSumOfSquares } from './series-moments.js';
import { integerParam } from './parameters.js';

const squares = scratchBuffer();

/**
 * `energy_ratio_by_chunks(num_segments, segment_focus)`: splits the series into
 * `num_segments` chunks as `np.array_split` does (the first n mod k chunks one value longer)
 * and returns sum of x_i^2 over chunk `segment_focus` divided by sum of x_i^2 over the whole
 * series; NaN when the whole series has energy 0. Requires 0 <= segment_focus < num_segments.
 */
export const energyRatioByChunks: Calculator = paramCalculator('energy_ratio_by_chunks', (x, params, ctx) => {
  const segments = integerParam('energy_ratio_by_chunks', params, 'num_segments', 1);
  const focus = integerParam('energy_ratio_by_chunks', params, 'segment_focus', 0);
  if (focus >= segments) {
    throw new RangeError(`energy_ratio_by_chunks: parameter "segment_focus" must be below num_segments (${segments}), got ${focus}`);
  }
  const total = seriesSumOfSquares(ctx);
  if (total === 0) return NaN;
  const n = x.length;
  const base = Math.floor(n / segments);
  const longer = n % segments;
  const start = focus < longer ? focus * (base + 1) : longer * (base + 1) + (focus - longer) * base;
  const size = focus < longer ? base + 1 : base;
  const sq = squares(size);
  for (let i = 0; i < size; i++) sq[i] = x[start + i]! * x[start + i]!;
  return pairwiseSum(sq, 0, size) / total;
});
