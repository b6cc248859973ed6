/**
 * numpy's equal-width binning (src/features/numeric/equal-width-bins.ts) and the two tsfresh
 * calculators built on it: `np.histogram(x, bins)` counts (binned_entropy, fourier_entropy)
 * and `lempel_ziv_complexity`'s symbols and phrase count.
 */

/**
 * numpy's `np.linspace(start, stop, num)` into `out[0..num)`: e_k = k * step + start with
 * step = (stop - start) / (num - 1), or (k / (num - 1)) * delta + start when the step
 * underflows to 0; the last edge is `stop` exactly.
 */
export function linspace(out: usize, start: f64, stop: f64, num: i32): void {
  const div = <f64>(num - 1);
  const delta = stop - start;
  const step = delta / div;
  if (step == 0) {
    for (let k = 0; k < num; k++) store<f64>(out + (<usize>k << 3), (<f64>k / div) * delta + start);
  } else {
    for (let k = 0; k < num; k++) store<f64>(out + (<usize>k << 3), <f64>k * step + start);
  }
  if (num > 1) store<f64>(out + (<usize>(num - 1) << 3), stop);
}

/**
 * The first guess of a value's bin, (value - start) * scale truncated into [0, bins - 1]
 * (0 for NaN); the callers correct it against the edges, so only its speed depends on it.
 */
// @ts-ignore: decorator
@inline function guessBin(value: f64, start: f64, scale: f64, bins: i32): i32 {
  const g = (value - start) * scale;
  if (!(g > 0)) return 0;
  if (g >= <f64>(bins - 1)) return bins - 1;
  return <i32>g;
}

/**
 * The range `np.histogram` bins `x[0..n)` over, into `range[0..2)` (float64s): [min, max],
 * widened to [v - 0.5, v + 0.5] when every value is v (n >= 1). Returns -1 (writing nothing)
 * when a value is NaN or infinite, else 0. One pass: the finiteness check and the extremes
 * together, each extreme the first value of the series that compares smallest / largest (as
 * a `v < min` / `v > max` scan keeps it), selected without branches.
 */
export function histogramRange(x: usize, n: i32, range: usize): i32 {
  let first = load<f64>(x);
  let last = first;
  let finite: f64 = 0; // stays 0 unless some v - v is NaN (v NaN or infinite)
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    finite += v - v;
    first = select<f64>(v, first, v < first);
    last = select<f64>(v, last, v > last);
  }
  if (finite != 0) return -1;
  if (first == last) {
    first -= 0.5;
    last += 0.5;
  }
  store<f64>(range, first);
  store<f64>(range, last, 8);
  return 0;
}

/**
 * `np.histogram(x[0..n), bins)` counts over the range [first, last] that {@link histogramRange}
 * gave (the values finite), into `counts[0..bins)` (i32s), and its edges
 * linspace(first, last, bins + 1) into `edges` (bins + 1 float64s): bin k holds
 * e_k <= v < e_(k+1), the last bin closed. `counts` is a work region of 4 * bins i32s: four
 * interleaved tallies (value i into tally i mod 4, summed at the end) so a run of values in one
 * bin is not one chain of dependent increments.
 */
export function histogramCountsInRange(x: usize, n: i32, bins: i32, first: f64, last: f64, counts: usize, edges: usize): void {
  const stride = <usize>bins << 2;
  memory.fill(counts, 0, stride << 2);
  linspace(edges, first, last, bins + 1);
  const scale = <f64>bins / (last - first);
  const top = <f64>(bins - 1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = x + (<usize>i << 3);
    const c0 = counts + (<usize>binOf(load<f64>(at), first, scale, top, bins, edges) << 2);
    const c1 = counts + stride + (<usize>binOf(load<f64>(at, 8), first, scale, top, bins, edges) << 2);
    const c2 = counts + 2 * stride + (<usize>binOf(load<f64>(at, 16), first, scale, top, bins, edges) << 2);
    const c3 = counts + 3 * stride + (<usize>binOf(load<f64>(at, 24), first, scale, top, bins, edges) << 2);
    store<i32>(c0, load<i32>(c0) + 1);
    store<i32>(c1, load<i32>(c1) + 1);
    store<i32>(c2, load<i32>(c2) + 1);
    store<i32>(c3, load<i32>(c3) + 1);
  }
  for (; i < n; i++) {
    const c = counts + (<usize>binOf(load<f64>(x + (<usize>i << 3)), first, scale, top, bins, edges) << 2);
    store<i32>(c, load<i32>(c) + 1);
  }
  for (let k = 0; k < bins; k++) {
    const c = counts + (<usize>k << 2);
    store<i32>(c, load<i32>(c) + load<i32>(c + stride) + load<i32>(c + 2 * stride) + load<i32>(c + 3 * stride));
  }
}

/**
 * The histogram bin of a finite value: the guess g = (value - first) * scale clamped into
 * [0, bins - 1] (0 when g is NaN, an infinite scale times 0) and truncated, then corrected
 * against the edges (e_k <= v < e_(k+1)).
 */
// @ts-ignore: decorator
@inline function binOf(v: f64, first: f64, scale: f64, top: f64, bins: i32, edges: usize): i32 {
  const g = (v - first) * scale;
  let k = <i32>select<f64>(min<f64>(g, top), 0, g > 0);
  while (k > 0 && v < load<f64>(edges + (<usize>k << 3))) k--;
  while (k < bins - 1 && v >= load<f64>(edges + (<usize>(k + 1) << 3))) k++;
  return k;
}

/**
 * `np.histogram(x[0..n), bins)` into `counts` and its edges into `edges` (bins + 1 float64s):
 * {@link histogramRange} then {@link histogramCountsInRange} (`counts`: a work region of
 * 4 * bins i32s, the counts in the first bins). Returns -1 (and writes nothing) when a value
 * is NaN or infinite, else 0; nothing but zero counts when n = 0.
 */
export function histogramCounts(x: usize, n: i32, bins: i32, counts: usize, edges: usize): i32 {
  if (n == 0) {
    memory.fill(counts, 0, <usize>bins << 2);
    return 0;
  }
  if (histogramRange(x, n, edges) < 0) return -1;
  histogramCountsInRange(x, n, bins, load<f64>(edges), load<f64>(edges, 8), counts, edges);
  return 0;
}

/** Alphabets up to this size keep each trie node's children in a direct row (see countPhrases). */
const DIRECT_ALPHABET: i32 = 16;

/** The float64s of the work region {@link lempelZivPhraseCounts} needs for n values and at most `largestBins` bins. */
export function lempelZivWorkSize(n: i32, largestBins: i32): i32 {
  // edges (largestBins + 1 float64s), then i32s: the symbols (n), then countPhrases' trie
  return largestBins + 1 + ((n + 1) >> 1) + phraseWorkSize(n, largestBins);
}

/** The float64s of the work region {@link countPhrases} needs for n symbols of `alphabet` or any smaller alphabet. */
export function phraseWorkSize(n: i32, alphabet: i32): i32 {
  // direct rows: (n + 1) nodes x the row stride (the alphabet rounded up to whole v128s), room
  // for every alphabet up to this one (lempelZivPhraseCounts parses several in one region)
  const direct = (n + 1) * ((min(alphabet, DIRECT_ALPHABET) + 3) & ~3);
  // lists: root children (alphabet), first child, next sibling and symbol of each node (n + 1 each)
  const lists = alphabet + 3 * (n + 1);
  return (max(direct, lists) + 1) >> 1;
}

/**
 * tsfresh's `lempel_ziv_complexity` phrase counts of `x[0..n)` (n >= 1) for each of the `k`
 * bin counts `binCounts[0..k)` (positive integers as float64s), into `out[0..k)` (float64s):
 * with e = linspace(min, max, bins + 1), symbol(v) = #{j in 1..bins : e_j < v} (numpy's
 * searchsorted(e[1:], v, side="left"), a value on an edge in the lower bin), then
 * {@link countPhrases}. The range is found once for all bin counts. Returns -1 (writing
 * nothing) when a value is NaN, else 0. `work`: lempelZivWorkSize(n, largest bins) float64s.
 */
export function lempelZivPhraseCounts(x: usize, n: i32, binCounts: usize, k: i32, work: usize, out: usize): i32 {
  let min = load<f64>(x);
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) return -1;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  for (let b = 0; b < k; b++) {
    const bins = <i32>load<f64>(binCounts + (<usize>b << 3));
    const edges = work;
    const symbols = edges + (<usize>(bins + 1) << 3);
    linspace(edges, min, max, bins + 1);
    const scale = <f64>bins / (max - min);
    if (bins <= DIRECT_ALPHABET) {
      store<f64>(out + (<usize>b << 3), <f64>binnedPhrasesDirect(x, n, bins, min, scale, edges, symbols));
      continue;
    }
    for (let i = 0; i < n; i++) {
      const v = load<f64>(x + (<usize>i << 3));
      store<i32>(symbols + (<usize>i << 2), symbolOf(v, min, scale, bins, edges));
    }
    store<f64>(out + (<usize>b << 3), <f64>countPhrases(symbols, n, bins, symbols + (<usize>((n + 1) >> 1) << 3)));
  }
  return 0;
}

/** The symbol of `v`, #{j in 1..bins : e_j < v}, from its guessed bin corrected against the edges. */
// @ts-ignore: decorator
@inline function symbolOf(v: f64, start: f64, scale: f64, bins: i32, edges: usize): i32 {
  let symbol = guessBin(v, start, scale, bins);
  while (symbol > 0 && load<f64>(edges + (<usize>symbol << 3)) >= v) symbol--;
  while (symbol < bins - 1 && load<f64>(edges + (<usize>(symbol + 1) << 3)) < v) symbol++;
  return symbol;
}

/**
 * {@link countPhrases}' direct-row walk over the symbols of `x[0..n)` (bins <= DIRECT_ALPHABET)
 * computed on the way, so the binning overlaps the walk's chain of loads; `work` as countPhrases'.
 */
function binnedPhrasesDirect(x: usize, n: i32, bins: i32, start: f64, scale: f64, edges: usize, work: usize): i32 {
  const rowBytes = <usize>((bins + 3) & ~3) << 2; // whole v128s
  const zero = i32x4.splat(0);
  for (let b: usize = 0; b < rowBytes; b += 16) v128.store(work + b, zero);
  let nodes = 1;
  let row = work; // the current node's row
  for (let i = 0; i < n; i++) {
    const slot = row + (<usize>symbolOf(load<f64>(x + (<usize>i << 3)), start, scale, bins, edges) << 2);
    const child = load<i32>(slot);
    if (child != 0) {
      row = work + <usize>child * rowBytes; // a known phrase: extend it by the next symbol
      continue;
    }
    store<i32>(slot, nodes);
    const fresh = work + <usize>nodes * rowBytes;
    for (let b: usize = 0; b < rowBytes; b += 16) v128.store(fresh + b, zero);
    nodes++;
    row = work;
  }
  return nodes - 1;
}

/**
 * The number of phrases in the LZ78 parse of the i32 `symbols[0..n)` over the alphabet
 * 0..alphabet-1 (each symbol in range): each phrase is the shortest prefix of the rest that is
 * not yet a phrase, an unfinished last phrase not counted. Every proper prefix of a phrase is
 * a phrase, so the phrases form a trie walked once. For a small alphabet each node has a
 * direct row of child numbers (0: none; the root, node 0, is nobody's child), zeroed when the
 * node is made; for a larger one the root's children are a direct row and deeper nodes' are
 * first-child / next-sibling lists. `work`: phraseWorkSize(n, alphabet) float64s.
 */
export function countPhrases(symbols: usize, n: i32, alphabet: i32, work: usize): i32 {
  if (alphabet <= DIRECT_ALPHABET) return countPhrasesDirect(symbols, n, alphabet, work);
  const rootChild = work;
  const firstChild = rootChild + (<usize>alphabet << 2);
  const nextSibling = firstChild + (<usize>(n + 1) << 2);
  const nodeSymbol = nextSibling + (<usize>(n + 1) << 2);
  memory.fill(rootChild, 0xff, <usize>alphabet << 2); // -1: no child yet
  let nodes = 1; // node 0 is the root, the empty phrase; every further node is one phrase
  let node = 0;
  for (let i = 0; i < n; i++) {
    const symbol = load<i32>(symbols + (<usize>i << 2));
    let child: i32;
    if (node == 0) child = load<i32>(rootChild + (<usize>symbol << 2));
    else {
      child = load<i32>(firstChild + (<usize>node << 2));
      while (child != -1 && load<i32>(nodeSymbol + (<usize>child << 2)) != symbol) child = load<i32>(nextSibling + (<usize>child << 2));
    }
    if (child != -1) {
      node = child; // a known phrase: extend it by the next symbol
      continue;
    }
    store<i32>(nodeSymbol + (<usize>nodes << 2), symbol);
    store<i32>(firstChild + (<usize>nodes << 2), -1);
    if (node == 0) store<i32>(rootChild + (<usize>symbol << 2), nodes);
    else {
      store<i32>(nextSibling + (<usize>nodes << 2), load<i32>(firstChild + (<usize>node << 2)));
      store<i32>(firstChild + (<usize>node << 2), nodes);
    }
    nodes++;
    node = 0;
  }
  return nodes - 1;
}

/** {@link countPhrases} for alphabets up to DIRECT_ALPHABET: a row of i32 child numbers per node, whole v128s. */
function countPhrasesDirect(symbols: usize, n: i32, alphabet: i32, work: usize): i32 {
  const rowBytes = <usize>((alphabet + 3) & ~3) << 2; // whole v128s
  const zero = i32x4.splat(0);
  for (let b: usize = 0; b < rowBytes; b += 16) v128.store(work + b, zero);
  let nodes = 1;
  let row = work; // the current node's row
  for (let i = 0; i < n; i++) {
    const slot = row + (<usize>load<i32>(symbols + (<usize>i << 2)) << 2);
    const child = load<i32>(slot);
    if (child != 0) {
      row = work + <usize>child * rowBytes; // a known phrase: extend it by the next symbol
      continue;
    }
    store<i32>(slot, nodes);
    const fresh = work + <usize>nodes * rowBytes;
    for (let b: usize = 0; b < rowBytes; b += 16) v128.store(fresh + b, zero);
    nodes++;
    row = work;
  }
  return nodes - 1;
}
