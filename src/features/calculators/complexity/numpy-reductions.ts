/**
 * numpy's float64 reductions, reproduced to the last bit where tsfresh's results depend on it.
 *
 * `np.sum` does not add left to right: for a contiguous float64 array it uses pairwise
 * summation (numpy's `pairwise_sum`: blocks of at most 128 values summed with eight
 * interleaved accumulators, longer runs split in two at a multiple of eight). `np.mean` and
 * `np.std` are built on that sum. Matching it matters where a tolerance such as
 * `0.2 * np.std(x)` is compared with `<=` against distances between values (sample and
 * approximate entropy): one ulp in the std can move a tie at exactly `r`.
 */
import type { SeriesContext } from '../../calculator.js';

const BLOCK = 128;

/** numpy's `np.sum` of `values[start..end)` (pairwise summation, float64). */
export function pairwiseSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    return sum;
  }
  if (n <= BLOCK) {
    let r0 = values[start]!;
    let r1 = values[start + 1]!;
    let r2 = values[start + 2]!;
    let r3 = values[start + 3]!;
    let r4 = values[start + 4]!;
    let r5 = values[start + 5]!;
    let r6 = values[start + 6]!;
    let r7 = values[start + 7]!;
    const unrolledEnd = start + (n - (n % 8));
    let i = start + 8;
    for (; i < unrolledEnd; i += 8) {
      r0 += values[i]!;
      r1 += values[i + 1]!;
      r2 += values[i + 2]!;
      r3 += values[i + 3]!;
      r4 += values[i + 4]!;
      r5 += values[i + 5]!;
      r6 += values[i + 6]!;
      r7 += values[i + 7]!;
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < end; i++) sum += values[i]!;
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, start + half) + pairwiseSum(values, start + half, end);
}

/** numpy's `np.mean(x)`: the pairwise sum divided by the length (NaN for an empty series). */
export function numpyMean(x: Float64Array): number {
  return pairwiseSum(x) / x.length;
}

let squaredDeviations = new Float64Array(0);

/**
 * numpy's `np.std(x)` (population, ddof 0): `sqrt(sum((x - mean)^2) / n)` with both sums
 * pairwise, exactly as `numpy.core._methods._var` computes it.
 */
export function numpyStd(x: Float64Array): number {
  const n = x.length;
  const mean = numpyMean(x);
  if (squaredDeviations.length < n) squaredDeviations = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    squaredDeviations[i] = d * d;
  }
  return Math.sqrt(pairwiseSum(squaredDeviations, 0, n) / n);
}

/** The series' population std (ddof 0), shared through the memo key `'std'`. */
export function seriesStd(ctx: SeriesContext): number {
  return ctx.memo('std', () => numpyStd(ctx.x));
}

/** True when any value of `x` is NaN. */
export function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/** True when every value of `x` is finite (no NaN, no infinity). */
export function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
  return true;
}
