/**
 * tsfresh `permutation_entropy(x, tau, dimension)` (Bandt & Pompe 2002).
 *
 * The series is cut into windows of `dimension` consecutive values starting every `tau`
 * values (tsfresh's `_into_subchunks(x, dimension, tau)`: windows at 0, tau, 2 tau, ...,
 * count `floor((n - dimension) / tau) + 1`). Each window is replaced by its ordinal pattern
 * (the permutation that sorts it; equal values keep their order, as numpy's argsort does for
 * rows this short), and
 *
 *     permutation_entropy = -sum_pattern p ln p,   p = (windows with the pattern) / windows
 *
 * Parameters: `dimension` (window length D >= 2; tsfresh uses 3..7) and `tau` (window step
 * >= 1; tsfresh uses 1). A series shorter than D has no window and gives NaN; exactly one
 * window gives 0. A series containing NaN gives NaN (tsfresh refuses such input anyway).
 *
 * Implementation: a pattern is encoded by its Lehmer code `sum_k L_k (D-1-k)!` with
 * `L_k = #{l > k : w_l < w_k}`, which numbers the rank vectors in lexicographic order, so the
 * probabilities are summed in the same order as numpy's `np.unique(..., axis=0)` lists them.
 * Cost O(windows * D^2) with D <= 7 and no per-window allocation.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
import { hasNaN } from './numpy-reductions.js';
import { shannonEntropy } from './shannon-entropy.js';

/** Largest dimension supported: D! pattern counters must stay small (12! is about 4.8e8). */
const MAX_DIMENSION = 10;

const FACTORIALS = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800];

let patternCounts = new Int32Array(0);
let seenPatterns = new Int32Array(0);
let orderedCounts = new Float64Array(0);

/** Permutation entropy of `x` for window length `dimension` and window step `tau`. */
export function permutationEntropy(x: Float64Array, tau: number, dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 2 || dimension > MAX_DIMENSION) {
    throw new RangeError(`permutation_entropy: dimension must be an integer in [2, ${MAX_DIMENSION}], got ${dimension}`);
  }
  if (!Number.isInteger(tau) || tau < 1) throw new RangeError(`permutation_entropy: tau must be a positive integer, got ${tau}`);
  const n = x.length;
  if (n < dimension) return Number.NaN;
  if (hasNaN(x)) return Number.NaN;
  const windows = Math.floor((n - dimension) / tau) + 1;
  const patterns = FACTORIALS[dimension]!;
  if (patternCounts.length < patterns) patternCounts = new Int32Array(patterns);
  if (seenPatterns.length < windows) {
    seenPatterns = new Int32Array(windows);
    orderedCounts = new Float64Array(windows);
  }
  let distinct = 0;
  for (let w = 0, start = 0; w < windows; w++, start += tau) {
    let code = 0;
    for (let k = 0; k < dimension - 1; k++) {
      const v = x[start + k]!;
      let smallerAfter = 0;
      for (let l = k + 1; l < dimension; l++) if (x[start + l]! < v) smallerAfter++;
      code += smallerAfter * FACTORIALS[dimension - 1 - k]!;
    }
    if (patternCounts[code]++ === 0) seenPatterns[distinct++] = code;
  }
  const seen = seenPatterns.subarray(0, distinct).sort();
  for (let k = 0; k < distinct; k++) {
    const code = seen[k]!;
    orderedCounts[k] = patternCounts[code]!;
    patternCounts[code] = 0; // leave the counters clean for the next call
  }
  return shannonEntropy(orderedCounts, distinct, windows);
}

export const permutationEntropyCalculator: Calculator = {
  name: 'permutation_entropy',
  outputs: (params) => requireParams('permutation_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('permutation_entropy', params);
    for (let i = 0; i < list.length; i++) {
      out[offset + i] = permutationEntropy(ctx.x, num(list[i]!['tau']), num(list[i]!['dimension']));
    }
  },
};
