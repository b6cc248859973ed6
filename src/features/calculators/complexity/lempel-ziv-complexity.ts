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
 * steps instead of tsfresh's hashing of ever longer tuples. Children are kept as
 * first-child / next-sibling lists in reusable typed arrays.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
import { equalWidthSymbols } from '../../numeric/equal-width-bins.js';
import { hasNaN } from './numpy-reductions.js';

let symbols = new Int32Array(0);
let edges = new Float64Array(0);
let rootChild = new Int32Array(0);
let firstChild = new Int32Array(0);
let nextSibling = new Int32Array(0);
let nodeSymbol = new Int32Array(0);

/**
 * Number of phrases in the LZ78-style parse of `sequence[0..n)` over the alphabet
 * `0..alphabet-1` (see the file comment). The root, visited once per phrase, has a direct
 * child table; deeper nodes keep first-child / next-sibling lists.
 */
export function countPhrases(sequence: Int32Array, n: number, alphabet: number): number {
  if (firstChild.length < n + 1) {
    firstChild = new Int32Array(n + 1);
    nextSibling = new Int32Array(n + 1);
    nodeSymbol = new Int32Array(n + 1);
  }
  if (rootChild.length < alphabet) rootChild = new Int32Array(alphabet);
  rootChild.fill(-1, 0, alphabet);
  let nodes = 1; // node 0 is the root, the empty phrase; every further node is one phrase
  let node = 0;
  for (let i = 0; i < n; i++) {
    const symbol = sequence[i]!;
    if (symbol < 0 || symbol >= alphabet) throw new RangeError(`countPhrases: symbol ${symbol} outside 0..${alphabet - 1}`);
    let child: number;
    if (node === 0) child = rootChild[symbol]!;
    else {
      child = firstChild[node]!;
      while (child !== -1 && nodeSymbol[child] !== symbol) child = nextSibling[child]!;
    }
    if (child !== -1) {
      node = child; // a known phrase: extend it by the next symbol
      continue;
    }
    nodeSymbol[nodes] = symbol;
    firstChild[nodes] = -1;
    if (node === 0) rootChild[symbol] = nodes;
    else {
      nextSibling[nodes] = firstChild[node]!;
      firstChild[node] = nodes;
    }
    nodes++;
    node = 0;
  }
  return nodes - 1;
}

/** Lempel-Ziv complexity of `x` with `bins` equal-width bins (see the file comment). */
export function lempelZivComplexity(x: Float64Array, bins: number, min: number, max: number): number {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`lempel_ziv_complexity: bins must be a positive integer, got ${bins}`);
  const n = x.length;
  if (symbols.length < n) symbols = new Int32Array(n);
  if (edges.length < bins + 1) edges = new Float64Array(bins + 1);
  equalWidthSymbols(x, min, max, bins, symbols, edges);
  return countPhrases(symbols, n, bins) / n;
}

export const lempelZivComplexityCalculator: Calculator = {
  name: 'lempel_ziv_complexity',
  outputs: (params) => requireParams('lempel_ziv_complexity', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('lempel_ziv_complexity', params);
    const x = ctx.x;
    if (x.length === 0 || hasNaN(x)) {
      for (let i = 0; i < list.length; i++) out[offset + i] = Number.NaN;
      return;
    }
    let min = x[0]!;
    let max = x[0]!;
    for (let i = 1; i < x.length; i++) {
      const v = x[i]!;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    for (let i = 0; i < list.length; i++) out[offset + i] = lempelZivComplexity(x, num(list[i]!['bins']), min, max);
  },
};
