/**
 * find_peaks_cwt's noise floors (src/features/calculators/spectral/window-smallest.ts and
 * find-peaks-cwt.ts): the k smallest values of sliding windows of one NaN-free row from block
 * prefix/suffix tables, scipy's scoreatpercentile from them, and the signal-to-noise test of
 * ridge-line ends.
 *
 * A state region of float64s, laid out from (n, k), holds per row:
 *   prefix [n * k]   the k smallest (ascending, padded with +inf) of the block up to column p
 *   suffix [n * k]   the same from column p to the block's end
 *   noise [n], known [n]   noise floors found so far (known[c] = 1)
 *   selected [k]     the k smallest of the last window selected
 * Every comparison is `<` on non-NaN values, so the lists are the ones an insertion builds.
 */
import { get, put } from './f64-memory';

@inline function suffixAt(state: usize, n: i32, k: i32): usize {
  return state + (<usize>(n * k) << 3);
}

@inline function noiseAt(state: usize, n: i32, k: i32): usize {
  return state + (<usize>(2 * n * k) << 3);
}

@inline function knownAt(state: usize, n: i32, k: i32): usize {
  return state + (<usize>(2 * n * k + n) << 3);
}

@inline function selectedAt(state: usize, n: i32, k: i32): usize {
  return state + (<usize>(2 * n * k + 2 * n) << 3);
}

/** The float64s of the state region for a row of n columns and lists of k. */
export function windowStateSize(n: i32, k: i32): i32 {
  return 2 * n * k + 2 * n + k;
}

/** Builds the prefix and suffix tables of `row` (n values, no NaN) for blocks of `block` columns; forgets the noise floors. */
export function windowSmallestTables(row: usize, n: i32, block: i32, k: i32, state: usize): void {
  const prefix = state;
  const suffix = suffixAt(state, n, k);
  const known = knownAt(state, n, k);
  memory.fill(known, 0, <usize>n << 3);
  if (k <= 4) {
    smallFour(row, n, block, k, prefix, suffix);
    return;
  }
  for (let start = 0; start < n; start += block) {
    const end = min(n, start + block);
    for (let p = start; p < end; p++) {
      const at = p * k;
      if (p == start) for (let o = 0; o < k; o++) put(prefix, at + o, Infinity);
      else for (let o = 0; o < k; o++) put(prefix, at + o, get(prefix, at - k + o));
      insertSorted(prefix, at, k, get(row, p));
    }
    for (let p = end - 1; p >= start; p--) {
      const at = p * k;
      if (p == end - 1) for (let o = 0; o < k; o++) put(suffix, at + o, Infinity);
      else for (let o = 0; o < k; o++) put(suffix, at + o, get(suffix, at + k + o));
      insertSorted(suffix, at, k, get(row, p));
    }
  }
}

/**
 * The tables for k <= 4 with the running four smallest in registers (the first k of them are
 * the k smallest): lane 0 walks the block forwards for `prefix`, lane 1 backwards for
 * `suffix`. Inserting v into s0 <= s1 <= s2 <= s3 is s_i = min(s_i, max(s_{i-1}, v)) (s_{-1} =
 * -inf), branch-free; without NaN this keeps the same values as the insertion by `<`, up to
 * which of equal zeros is kept (its sign), which the noise floor's use does not see.
 */
function smallFour(row: usize, n: i32, block: i32, k: i32, prefix: usize, suffix: usize): void {
  for (let start = 0; start < n; start += block) {
    const end = min(n, start + block);
    let s0 = f64x2.splat(Infinity);
    let s1 = s0;
    let s2 = s0;
    let s3 = s0;
    for (let q = start; q < end; q++) {
      const back = start + end - 1 - q;
      const v = f64x2.replace_lane(f64x2.splat(get(row, q)), 1, get(row, back));
      const n3 = f64x2.pmin(s3, f64x2.pmax(s2, v));
      const n2 = f64x2.pmin(s2, f64x2.pmax(s1, v));
      const n1 = f64x2.pmin(s1, f64x2.pmax(s0, v));
      s0 = f64x2.pmin(s0, v);
      s1 = n1;
      s2 = n2;
      s3 = n3;
      const pre = prefix + (<usize>(q * k) << 3);
      const suf = suffix + (<usize>(back * k) << 3);
      if (k == 4) {
        v128.store(pre, v128.shuffle<f64>(s0, s1, 0, 2));
        v128.store(pre, v128.shuffle<f64>(s2, s3, 0, 2), 16);
        v128.store(suf, v128.shuffle<f64>(s0, s1, 1, 3));
        v128.store(suf, v128.shuffle<f64>(s2, s3, 1, 3), 16);
      } else {
        store<f64>(pre, f64x2.extract_lane(s0, 0));
        store<f64>(suf, f64x2.extract_lane(s0, 1));
        if (k > 1) {
          store<f64>(pre, f64x2.extract_lane(s1, 0), 8);
          store<f64>(suf, f64x2.extract_lane(s1, 1), 8);
        }
        if (k > 2) {
          store<f64>(pre, f64x2.extract_lane(s2, 0), 16);
          store<f64>(suf, f64x2.extract_lane(s2, 1), 16);
        }
      }
    }
  }
}

/** Inserts v into the ascending list list[at, at + k), dropping its largest value. */
function insertSorted(list: usize, at: i32, k: i32, v: f64): void {
  let b = at + k - 1;
  if (!(v < get(list, b))) return;
  while (b > at && v < get(list, b - 1)) {
    put(list, b, get(list, b - 1));
    b--;
  }
  put(list, b, v);
}

/**
 * The k smallest values of row[from, to) (to - from >= 1), ascending, into the state's
 * `selected` list (returned): a merge of a suffix and a prefix list when the window spans two
 * blocks, a list itself when it starts or ends a block, else a direct selection.
 */
export function windowSmallestSelect(row: usize, n: i32, block: i32, k: i32, state: usize, from: i32, to: i32): usize {
  const prefix = state;
  const suffix = suffixAt(state, n, k);
  const out = selectedAt(state, n, k);
  const first = from / block;
  const last = (to - 1) / block;
  if (last == first + 1) {
    let i = from * k;
    let j = (to - 1) * k;
    for (let o = 0; o < k; o++) {
      const x = get(suffix, i);
      const y = get(prefix, j);
      if (y < x) {
        put(out, o, y);
        j++;
      } else {
        put(out, o, x);
        i++;
      }
    }
    return out;
  }
  if (first == last) {
    const blockEnd = min(n, (first + 1) * block);
    if (from == first * block) {
      for (let o = 0, i = (to - 1) * k; o < k; o++) put(out, o, get(prefix, i + o));
      return out;
    }
    if (to == blockEnd) {
      for (let o = 0, i = from * k; o < k; o++) put(out, o, get(suffix, i + o));
      return out;
    }
  }
  for (let o = 0; o < k; o++) put(out, o, Infinity);
  for (let p = from; p < to; p++) insertSorted(out, 0, k, get(row, p));
  return out;
}

/**
 * scipy.stats.scoreatpercentile(sorted[0..m), per), 'fraction' interpolation: idx = per/100 *
 * (m-1), i = floor(idx), (v[i] (i+1-idx) + v[i+1] (idx-i)) / ((i+1-idx) + (idx-i)), or v[i]
 * when idx is whole.
 */
function percentileOfSorted(sorted: usize, m: i32, per: f64): f64 {
  const idx = (per / 100) * <f64>(m - 1);
  const i = <i32>idx; // 0 <= idx < m: the truncation is floor
  if (<f64>i == idx) return get(sorted, i);
  const w0 = <f64>(i + 1) - idx;
  const w1 = idx - <f64>i;
  return (get(sorted, i) * w0 + get(sorted, i + 1) * w1) / (w0 + w1);
}

/**
 * How many ridge-line ends (`ends`: (row, col) float64 pairs) pass find_peaks_cwt's test
 * |cwt[row, col]| / noise[col] >= 1 (NaN passes, as in Python), with noise[col] the 10th
 * percentile of row 0 (`row`, NaN-free, the tables built) over the window of `windowSize`
 * columns around col: [max(col - h, 0), min(col + h + odd, n)), h, odd = divmod(windowSize, 2).
 * Each column's floor is found once per row (the state remembers it).
 */
export function countSurvivingEnds(cwt: usize, row: usize, n: i32, block: i32, k: i32, state: usize, ends: usize, endCount: i32, windowSize: i32): i32 {
  const noise = noiseAt(state, n, k);
  const known = knownAt(state, n, k);
  const half = windowSize >> 1;
  const odd = windowSize & 1;
  let count = 0;
  for (let e = 0; e < endCount; e++) {
    const r = <i32>get(ends, 2 * e);
    const c = <i32>get(ends, 2 * e + 1);
    if (get(known, c) == 0) {
      const from = max(c - half, 0);
      const to = min(c + half + odd, n);
      put(noise, c, percentileOfSorted(windowSmallestSelect(row, n, block, k, state, from, to), to - from, 10));
      put(known, c, 1);
    }
    const snr = abs<f64>(get(cwt, r * n + c) / get(noise, c));
    if (!(snr < 1)) count++;
  }
  return count;
}
