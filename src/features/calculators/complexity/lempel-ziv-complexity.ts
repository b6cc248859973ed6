/**
 * tsfresh `lempel_ziv_complexity(x, bins)`.
 *
 * The series is turned into symbols 0..bins-1 with the edges `e = linspace(min, max,
 * bins + 1)`: symbol(v) = #{k in 1..bins : e_k < v} (numpy's `searchsorted(e[1:], v,
 * side="left")`, so a value on an edge takes the lower bin; a constant series is all 0s).
 * The symbol string is then parsed left to right into phrases, each the shortest prefix of
 * the rest that is not yet a phrase (an unfinished phrase at the end is not counted), and
 *
 *     lempel_ziv_complexity = (number of phrases) / n
 *
 * Parameters: `bins` (int >= 1; tsfresh uses 2, 3, 5, 10, 100). Example from tsfresh: the
 * binary string 100111 parses into 1, 0, 01, 11, giving 4 / 6. A series containing NaN
 * gives NaN (tsfresh refuses such input).
 *
 * Every proper prefix of a phrase is itself a phrase (the parse only grows a candidate while
 * it is already known), so the phrases form a trie and the parse is one walk down it: O(n)
 * steps instead of tsfresh's hashing of ever longer tuples. The binning and the walk run in
 * WebAssembly (kernels/stats-equal-width-bins.ts), one call per series for all `bins`.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const symbolsIn = new KernelBuffer();
const series = new KernelBuffer();
const work = new KernelBuffer();

/**
 * Number of phrases in the LZ78-style parse of `sequence[0..n)` over the alphabet
 * `0..alphabet-1` (see the file comment); a RangeError for a symbol outside the alphabet.
 */
export function countPhrases(sequence: Int32Array, n: number, alphabet: number): number {
  for (let i = 0; i < n; i++) {
    const symbol = sequence[i]!;
    if (symbol < 0 || symbol >= alphabet) throw new RangeError(`countPhrases: symbol ${symbol} outside 0..${alphabet - 1}`);
  }
  const k = kernels();
  const pointer = symbolsIn.pointer(Math.ceil(n / 2));
  new Int32Array(k.f64.buffer, pointer, n).set(sequence.subarray(0, n));
  return k.fn.countPhrases(pointer, n, alphabet, work.pointer(k.fn.phraseWorkSize(n, alphabet)));
}

/** The bins checked: a positive integer. */
function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`lempel_ziv_complexity: bins must be a positive integer, got ${bins}`);
}

const binList = new KernelBuffer();
const phraseCounts = new KernelBuffer();

/**
 * Lempel-Ziv complexities of non-empty `x` for each of `binCounts` (checked) into
 * `out[offset..)`: one kernel call finds the range once and parses each binning; all NaN when
 * `x` holds a NaN.
 */
function complexities(x: Float64Array, binCounts: ArrayLike<number>, out: Float64Array, offset: number): void {
  const k = kernels();
  const count = binCounts.length;
  let largest = 1;
  for (let i = 0; i < count; i++) largest = Math.max(largest, binCounts[i]!);
  // reserve everything first: growing the memory detaches the views made before
  const workPointer = work.pointer(k.fn.lempelZivWorkSize(x.length, largest));
  const countsPointer = phraseCounts.pointer(count);
  const xPointer = series.copyIn(x);
  const binsView = binList.view(count);
  for (let i = 0; i < count; i++) binsView[i] = binCounts[i]!;
  const status = k.fn.lempelZivPhraseCounts(xPointer, x.length, binList.pointer(count), count, workPointer, countsPointer);
  const phrases = phraseCounts.view(count);
  for (let i = 0; i < count; i++) out[offset + i] = status < 0 ? Number.NaN : phrases[i]! / x.length;
}

const single = new Float64Array(1);
const singleBins = new Float64Array(1);

/** Lempel-Ziv complexity of `x` (non-empty) with `bins` equal-width bins (see the file comment); NaN when `x` holds a NaN. */
export function lempelZivComplexity(x: Float64Array, bins: number): number {
  checkBins(bins);
  singleBins[0] = bins;
  complexities(x, singleBins, single, 0);
  return single[0]!;
}

/** The bin counts of a parameter list, read and checked once per plan (the same array comes back for every series). */
const binCountsOf = new WeakMap<readonly ParamSet[], Float64Array>();

export const lempelZivComplexityCalculator: Calculator = {
  name: 'lempel_ziv_complexity',
  outputs: (params) => requireParams('lempel_ziv_complexity', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('lempel_ziv_complexity', params);
    let binCounts = binCountsOf.get(list);
    if (!binCounts) {
      binCounts = Float64Array.from(list, (set) => num(set['bins']));
      binCounts.forEach(checkBins);
      binCountsOf.set(list, binCounts);
    }
    const x = ctx.x;
    if (x.length === 0) {
      for (let i = 0; i < list.length; i++) out[offset + i] = Number.NaN;
      return;
    }
    complexities(x, binCounts, out, offset);
  },
};
