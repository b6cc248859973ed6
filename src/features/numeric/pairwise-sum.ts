/**
 * Summation exactly as numpy's `np.add.reduce` does it for a contiguous float64 array
 * (numpy/core/src/umath/loops_utils.h, `pairwise_sum`): blocks of fewer than 8 values are
 * added left to right; blocks of up to 128 values use eight interleaved accumulators combined
 * as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and then the remainder; larger blocks split in two at
 * a multiple of 8. Reproducing the rounding matters where tsfresh compares a result with 0
 * (a constant series whose mean is not exactly representable, a perfect line).
 */

import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

const values = new KernelBuffer();
const squares = new KernelBuffer();

/** Copies `a[start .. start+n)` into `values`' kernel memory and returns its pointer. */
function copyIntoKernel(a: ArrayLike<number>, start: number, n: number): number {
  const pointer = values.pointer(n);
  const memory = kernels().f64;
  const at = pointer / 8;
  // a whole typed array in one block copy; a short range value by value (a subarray view
  // would cost more than the copy)
  if (start === 0 && n === a.length && a instanceof Float64Array) memory.set(a, at);
  else for (let i = 0; i < n; i++) memory[at + i] = a[start + i]!;
  return pointer;
}

/**
 * Sum of `a[start .. start+n)` in numpy's pairwise order (`np.sum`); the one implementation
 * every feature family uses. The sum runs in WebAssembly (kernels/stats-pairwise-sum.ts) on a
 * copy of the values.
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  return kernels().fn.statsPairwiseSum(copyIntoKernel(a, start, n), n);
}

/** `np.mean(a[start:end])`: the pairwise sum divided by the count (NaN when empty). */
export function numpyMean(a: ArrayLike<number>, start = 0, end = a.length): number {
  const n = end - start;
  return pairwiseSum(a, start, n) / n;
}

/**
 * `np.var(a[start:end])` (ddof 0): the mean of squared deviations from the numpy mean, both
 * sums pairwise (in WebAssembly).
 */
export function numpyVariance(a: ArrayLike<number>, start = 0, end = a.length): number {
  const n = end - start;
  const pointer = copyIntoKernel(a, start, n);
  const fn = kernels().fn;
  const mean = fn.statsPairwiseSum(pointer, n) / n;
  return fn.statsSumSquaredDeviations(pointer, n, mean, squares.pointer(n)) / n;
}

/**
 * `np.std(x)` (population, ddof 0): `sqrt(np.var(x))`, both sums pairwise, exactly as
 * `numpy.core._methods._var` computes it.
 */
export function numpyStd(x: ArrayLike<number>): number {
  return Math.sqrt(numpyVariance(x, 0, x.length));
}
