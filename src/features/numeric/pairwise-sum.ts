/**
 * Summation exactly as numpy's `np.add.reduce` does it for a contiguous float64 array
 * (numpy/core/src/umath/loops_utils.h, `pairwise_sum`): blocks of fewer than 8 values are
 * added left to right; blocks of up to 128 values use eight interleaved accumulators combined
 * as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and then the remainder; larger blocks split in two at
 * a multiple of 8. Reproducing the rounding matters where tsfresh compares a result with 0
 * (a constant series whose mean is not exactly representable, a perfect line).
 */

/**
 * Sum of `a[start .. start+n)` in numpy's pairwise order (`np.sum`); the one implementation
 * every feature family uses.
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[start]!, r1 = a[start + 1]!, r2 = a[start + 2]!, r3 = a[start + 3]!;
    let r4 = a[start + 4]!, r5 = a[start + 5]!, r6 = a[start + 6]!, r7 = a[start + 7]!;
    const blocked = n - (n % 8);
    let i = 8;
    for (; i < blocked; i += 8) {
      const j = start + i;
      r0 += a[j]!;
      r1 += a[j + 1]!;
      r2 += a[j + 2]!;
      r3 += a[j + 3]!;
      r4 += a[j + 4]!;
      r5 += a[j + 5]!;
      r6 += a[j + 6]!;
      r7 += a[j + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** `np.mean(a[start:end])`: the pairwise sum divided by the count (NaN when empty). */
export function numpyMean(a: ArrayLike<number>, start = 0, end = a.length): number {
  const n = end - start;
  return pairwiseSum(a, start, n) / n;
}

/**
 * `np.var(a[start:end])` (ddof 0): the mean of squared deviations from the numpy mean, both
 * sums pairwise. `scratch` (length >= end - start) avoids an allocation in hot loops.
 */
export function numpyVariance(a: ArrayLike<number>, start = 0, end = a.length, scratch?: Float64Array): number {
  const n = end - start;
  const mean = numpyMean(a, start, end);
  const sq = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = a[start + i]! - mean;
    sq[i] = d * d;
  }
  return pairwiseSum(sq, 0, n) / n;
}

let stdScratch = new Float64Array(0);

/**
 * `np.std(x)` (population, ddof 0): `sqrt(np.var(x))`, both sums pairwise, exactly as
 * `numpy.core._methods._var` computes it.
 */
export function numpyStd(x: ArrayLike<number>): number {
  if (stdScratch.length < x.length) stdScratch = new Float64Array(x.length);
  return Math.sqrt(numpyVariance(x, 0, x.length, stdScratch));
}
