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
 * WebAssembly (kernels/stats-equal-width-bins.ts), one call per series and `bins`.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
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

/**
 * Lempel-Ziv complexity of `x` with `bins` equal-width bins (see the file comment), given
 * `xPointer`, a copy of `x` in kernel memory; NaN when `x` holds a NaN.
 */
function complexityAt(xPointer: number, n: number, bins: number): number {
  const k = kernels();
  const phrases = k.fn.lempelZivPhrases(xPointer, n, bins, work.pointer(k.fn.lempelZivWorkSize(n, bins)));
  return phrases < 0 ? Number.NaN : phrases / n;
}

/** Lempel-Ziv complexity of `x` (non-empty) with `bins` equal-width bins (see the file comment); NaN when `x` holds a NaN. */
export function lempelZivComplexity(x: Float64Array, bins: number): number {
  checkBins(bins);
  return complexityAt(series.copyIn(x), x.length, bins);
}

export const lempelZivComplexityCalculator: Calculator = {
  name: 'lempel_ziv_complexity',
  outputs: (params) => requireParams('lempel_ziv_complexity', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('lempel_ziv_complexity', params);
    const x = ctx.x;
    for (let i = 0; i < list.length; i++) checkBins(num(list[i]!['bins']));
    if (x.length === 0) {
      for (let i = 0; i < list.length; i++) out[offset + i] = Number.NaN;
      return;
    }
    const xPointer = series.copyIn(x);
    for (let i = 0; i < list.length; i++) out[offset + i] = complexityAt(xPointer, x.length, num(list[i]!['bins']));
  },
};
