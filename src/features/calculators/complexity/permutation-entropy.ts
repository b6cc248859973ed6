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

/** Counters for one dimension: pattern counts (D! of them) and the patterns seen, in order. */
interface PatternTable {
  counts: Int32Array;
  seen: Int32Array;
  distinct: number;
}

const tables: PatternTable[] = [];
let patternsWithCount = new Int32Array(0);

/** The (cleared) pattern table of `dimension`, with room for `windows` windows. */
function patternTable(dimension: number, windows: number): PatternTable {
  let table = tables[dimension];
  if (!table) tables[dimension] = table = { counts: new Int32Array(FACTORIALS[dimension]!), seen: new Int32Array(0), distinct: 0 };
  if (table.seen.length < windows) table.seen = new Int32Array(windows);
  table.distinct = 0;
  return table;
}

/**
 * -sum p ln p over the patterns counted in `table` (out of `windows`), and clears its counters.
 * Most patterns share a few counts (1, 2, ...): they are grouped so that each distinct count
 * costs one logarithm, H = -sum_c (patterns seen c times) * (c/W) ln(c/W).
 */
function entropyOfTable(table: PatternTable, windows: number): number {
  if (patternsWithCount.length < windows + 1) patternsWithCount = new Int32Array(windows + 1);
  let maxCount = 0;
  for (let k = 0; k < table.distinct; k++) {
    const code = table.seen[k]!;
    const count = table.counts[code]!;
    table.counts[code] = 0; // leave the counters clean for the next call
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

/**
 * Permutation entropies of several dimensions with one step `tau`, from a precomputed
 * `insertionPlaces(x, >= max(dimensions) - 1)` table: each window's pattern code grows one
 * dimension at a time (code_d = code_(d-1) * d + place), so all dimensions of a window start
 * cost max(dimensions) - 1 multiply-adds together. The entropy of `dimensions[i]` (distinct,
 * each >= 2, n >= each) goes to `out[offset + j]` for every j of `at[i]`.
 */
function entropiesFromPlaces(before: Uint8Array, n: number, tau: number, dimensions: readonly number[], out: Float64Array, offset: number, at: readonly (readonly number[])[]): void {
  let largest = 0;
  let smallest = Infinity;
  for (const d of dimensions) {
    largest = Math.max(largest, d);
    smallest = Math.min(smallest, d);
  }
  // wanted[d]: the table of dimension d when asked for (null otherwise)
  const wanted: (PatternTable | null)[] = new Array(largest + 1).fill(null);
  const windowsOf = (d: number): number => Math.floor((n - d) / tau) + 1;
  for (const d of dimensions) wanted[d] = patternTable(d, windowsOf(d));
  const starts = windowsOf(smallest);
  for (let w = 0, start = 0; w < starts; w++, start += tau) {
    let code = 0;
    const top = Math.min(largest, n - start);
    for (let d = 2; d <= top; d++) {
      code = code * d + before[(d - 1) * n + start + d - 1]!;
      const table = wanted[d];
      if (table !== null && table!.counts[code]!++ === 0) table!.seen[table!.distinct++] = code;
    }
  }
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i]!;
    const entropy = entropyOfTable(wanted[d]!, windowsOf(d));
    for (const j of at[i]!) out[offset + j] = entropy;
  }
}

/** Permutation entropy of `x` for window length `dimension` and window step `tau`. */
export function permutationEntropy(x: Float64Array, tau: number, dimension: number): number {
  checkParameters(tau, dimension);
  if (x.length < dimension || hasNaN(x)) return Number.NaN;
  const out = new Float64Array(1);
  entropiesFromPlaces(insertionPlaces(x, dimension - 1), x.length, tau, [dimension], out, 0, [[0]]);
  return out[0]!;
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
    // parameter sets with a window, grouped by tau (tsfresh's sets all have tau 1)
    const byTau = new Map<number, { dimensions: number[]; at: number[][] }>();
    for (let i = 0; i < list.length; i++) {
      const dimension = num(list[i]!['dimension']);
      if (before === null || x.length < dimension) {
        out[offset + i] = Number.NaN;
        continue;
      }
      const tau = num(list[i]!['tau']);
      let group = byTau.get(tau);
      if (!group) byTau.set(tau, (group = { dimensions: [], at: [] }));
      const known = group.dimensions.indexOf(dimension);
      if (known >= 0) group.at[known]!.push(i);
      else {
        group.dimensions.push(dimension);
        group.at.push([i]);
      }
    }
    for (const [tau, { dimensions, at }] of byTau) entropiesFromPlaces(before!, x.length, tau, dimensions, out, offset, at);
  },
};
