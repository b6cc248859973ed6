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
 * Implementation: the pattern of a window `w_0..w_(D-1)` is the pattern of `w_0..w_(D-2)`
 * plus the place where `w_(D-1)` inserts among them, `#{k < D-1 : w_k <= w_(D-1)}` (ties
 * after, i.e. stable). So `code_D = code_(D-1) * D + place` numbers the D! patterns, and the
 * places depend only on the inserted value's position t and the look-back b:
 * `before(t, b) = #{u in [t-b, t) : x_u <= x_t}`. That table is built once per series for
 * every dimension (O(n * maxD) comparisons) and each window costs D - 1 multiply-adds. The
 * entropy groups patterns by count (one logarithm per distinct count); it differs from
 * tsfresh's pattern-by-pattern sum only in rounding (a few ulps).
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { hasNaN } from './numpy-reductions.js';

/** Largest dimension supported: the D! pattern counters must stay small (10! = 3628800). */
const MAX_DIMENSION = 10;

const FACTORIALS = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800];

let patternCounts = new Int32Array(0);
let seenPatterns = new Int32Array(0);
let patternsWithCount = new Int32Array(0);

/**
 * The insertion places `before[b * n + t] = #{u in [t-b, t) : x_u <= x_t}` for look-backs
 * b = 0..maxLookBack (entries with t < b are unused).
 */
export function insertionPlaces(x: Float64Array, maxLookBack: number): Uint8Array {
  const n = x.length;
  const before = new Uint8Array((maxLookBack + 1) * n);
  for (let b = 1; b <= maxLookBack; b++) {
    const row = b * n;
    const previous = row - n;
    // `+(bool)` rather than `? 1 : 0`: on noisy series the comparison is a coin flip, and the
    // branch-free form is about twice as fast.
    for (let t = b; t < n; t++) before[row + t] = before[previous + t]! + +(x[t - b]! <= x[t]!);
  }
  return before;
}

function checkParameters(tau: number, dimension: number): void {
  if (!Number.isInteger(dimension) || dimension < 2 || dimension > MAX_DIMENSION) {
    throw new RangeError(`permutation_entropy: dimension must be an integer in [2, ${MAX_DIMENSION}], got ${dimension}`);
  }
  if (!Number.isInteger(tau) || tau < 1) throw new RangeError(`permutation_entropy: tau must be a positive integer, got ${tau}`);
}

/** Permutation entropy from a precomputed `insertionPlaces(x, >= dimension - 1)` table. */
function entropyFromPlaces(before: Uint8Array, n: number, tau: number, dimension: number): number {
  if (n < dimension) return Number.NaN;
  const windows = Math.floor((n - dimension) / tau) + 1;
  const patterns = FACTORIALS[dimension]!;
  if (patternCounts.length < patterns) patternCounts = new Int32Array(patterns);
  if (seenPatterns.length < windows) {
    seenPatterns = new Int32Array(windows);
    patternsWithCount = new Int32Array(windows + 1);
  }
  let distinct = 0;
  for (let w = 0, start = 0; w < windows; w++, start += tau) {
    let code = 0;
    for (let d = 2; d <= dimension; d++) code = code * d + before[(d - 1) * n + start + d - 1]!;
    if (patternCounts[code]++ === 0) seenPatterns[distinct++] = code;
  }
  // Most patterns share a few counts (1, 2, ...): group them so that each distinct count
  // costs one logarithm, H = -sum_c (patterns seen c times) * (c/W) ln(c/W).
  let maxCount = 0;
  for (let k = 0; k < distinct; k++) {
    const code = seenPatterns[k]!;
    const count = patternCounts[code]!;
    patternCounts[code] = 0; // leave the counters clean for the next call
    patternsWithCount[count]!++;
    if (count > maxCount) maxCount = count;
  }
  let sum = 0;
  for (let c = 1; c <= maxCount; c++) {
    const patterns = patternsWithCount[c]!;
    if (patterns === 0) continue;
    patternsWithCount[c] = 0;
    const p = c / windows;
    sum += patterns * (p * Math.log(p));
  }
  return 0 - sum;
}

/** Permutation entropy of `x` for window length `dimension` and window step `tau`. */
export function permutationEntropy(x: Float64Array, tau: number, dimension: number): number {
  checkParameters(tau, dimension);
  if (x.length < dimension || hasNaN(x)) return Number.NaN;
  return entropyFromPlaces(insertionPlaces(x, dimension - 1), x.length, tau, dimension);
}

export const permutationEntropyCalculator: Calculator = {
  name: 'permutation_entropy',
  outputs: (params) => requireParams('permutation_entropy', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list: readonly ParamSet[] = requireParams('permutation_entropy', params);
    const x = ctx.x;
    let maxDimension = 2;
    for (const set of list) {
      checkParameters(num(set['tau']), num(set['dimension']));
      maxDimension = Math.max(maxDimension, num(set['dimension']));
    }
    const nan = hasNaN(x);
    const before = nan ? null : insertionPlaces(x, Math.min(maxDimension, Math.max(x.length, 1)) - 1);
    for (let i = 0; i < list.length; i++) {
      const dimension = num(list[i]!['dimension']);
      out[offset + i] = before === null || x.length < dimension ? Number.NaN : entropyFromPlaces(before, x.length, num(list[i]!['tau']), dimension);
    }
  },
};
