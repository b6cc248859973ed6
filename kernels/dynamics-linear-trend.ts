/**
 * scipy.stats.linregress against 0..n−1 and tsfresh's agg_linear_trend chunk reductions
 * (src/features/numeric/linear-regression.ts, src/features/calculators/dynamics/
 * agg-linear-trend.ts), numpy's rounding: pairwise sums (numpy's pairwise_sum order: blocks
 * under 8 left to right, up to 128 with eight accumulators combined ((r0+r1)+(r2+r3))+
 * ((r4+r5)+(r6+r7)) then the rest, larger blocks split at a multiple of 8) for means, variances
 * and sums; max/min propagate the first NaN.
 */
import { get, put } from './f64-memory';

import { pairwiseSum } from './stats-pairwise-sum';

/**
 * Σ (a_i − mean)² of a[0..n) in numpy's pairwise order (np.var's numerator): up to 128 values
 * with the squared deviations formed on the fly (the same products a stored array would hold;
 * eight accumulators as four f64x2 lanes), longer blocks through `scratch` (n values).
 */
function squaredDeviationSum(a: usize, n: i32, mean: f64, scratch: usize): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) {
      const d = get(a, i) - mean;
      res += d * d;
    }
    return res;
  }
  if (n <= 128) {
    const m = f64x2.splat(mean);
    let d = f64x2.sub(v128.load(a), m);
    let r01 = f64x2.mul(d, d);
    d = f64x2.sub(v128.load(a, 16), m);
    let r23 = f64x2.mul(d, d);
    d = f64x2.sub(v128.load(a, 32), m);
    let r45 = f64x2.mul(d, d);
    d = f64x2.sub(v128.load(a, 48), m);
    let r67 = f64x2.mul(d, d);
    const blocked = n - (n & 7);
    let i = 8;
    for (; i < blocked; i += 8) {
      const p = a + (<usize>i << 3);
      d = f64x2.sub(v128.load(p), m);
      r01 = f64x2.add(r01, f64x2.mul(d, d));
      d = f64x2.sub(v128.load(p, 16), m);
      r23 = f64x2.add(r23, f64x2.mul(d, d));
      d = f64x2.sub(v128.load(p, 32), m);
      r45 = f64x2.add(r45, f64x2.mul(d, d));
      d = f64x2.sub(v128.load(p, 48), m);
      r67 = f64x2.add(r67, f64x2.mul(d, d));
    }
    let res =
      f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) + (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
      (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) + (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
    for (; i < n; i++) {
      const e = get(a, i) - mean;
      res += e * e;
    }
    return res;
  }
  for (let i = 0; i < n; i++) {
    const e = get(a, i) - mean;
    put(scratch, i, e * e);
  }
  return pairwiseSum(scratch, n);
}

/**
 * The largest or smallest of a[0..count), numpy's way: the first of equal values, or the first
 * NaN if there is one, by the plain loop that stops there.
 */
function extremeInOrder(a: usize, count: i32, largest: bool): f64 {
  let v = get(a, 0);
  for (let i = 1; i < count && v == v; i++) {
    const w = get(a, i);
    if (largest ? !(w <= v) : !(w >= v)) v = w;
  }
  return v;
}

/**
 * Chunk c's max (`kinds` bit 0) and min (bit 1) of a[0..count) into out[c] and out[m + c]
 * (`row` = m float64s in bytes), as {@link extremeInOrder}. Two values at a time in f64x2 lanes
 * with pmax/pmin (branch-free); the lanes' order of equal values differs from the series order
 * only between -0 and +0, and NaN is not ordered, so a zero extreme or a NaN in the chunk
 * takes the in-order loop.
 */
@inline function chunkExtremes(a: usize, count: i32, kinds: i32, out: usize, row: usize, c: i32): void {
  let mx = v128.load64_splat(a);
  let mn = mx;
  let nan = f64x2.ne(mx, mx);
  let i = 1;
  for (; i + 1 < count; i += 2) {
    const w = v128.load(a + (<usize>i << 3));
    mx = f64x2.pmax(mx, w);
    mn = f64x2.pmin(mn, w);
    nan = v128.or(nan, f64x2.ne(w, w));
  }
  if (i < count) {
    const w = v128.load64_splat(a + (<usize>i << 3));
    mx = f64x2.pmax(mx, w);
    mn = f64x2.pmin(mn, w);
    nan = v128.or(nan, f64x2.ne(w, w));
  }
  const anyNaN = v128.any_true(nan);
  if (kinds & 1) {
    const l0 = f64x2.extract_lane(mx, 0);
    const l1 = f64x2.extract_lane(mx, 1);
    let v = l0 < l1 ? l1 : l0;
    if (anyNaN || v == 0) v = extremeInOrder(a, count, true);
    put(out, c, v);
  }
  if (kinds & 2) {
    const l0 = f64x2.extract_lane(mn, 0);
    const l1 = f64x2.extract_lane(mn, 1);
    let v = l1 < l0 ? l1 : l0;
    if (anyNaN || v == 0) v = extremeInOrder(a, count, false);
    put(out + row, c, v);
  }
}

/** Value i of chunks a (lane 0) and b (lane 1). */
@inline function pairAt(a: usize, b: usize, i: i32): v128 {
  const o = <usize>i << 3;
  return f64x2.replace_lane(v128.load64_splat(a + o), 1, load<f64>(b + o));
}

/** (value i − mean)² of chunks a and b, lane-wise. */
@inline function squareAt(a: usize, b: usize, i: i32, mean: v128): v128 {
  const d = f64x2.sub(pairAt(a, b, i), mean);
  return f64x2.mul(d, d);
}

/**
 * numpy's pairwise sum of len ≤ 128 values (under 8: left to right from 0; else eight
 * accumulators from the first eight, blocks of eight, combined ((r0+r1)+(r2+r3))+((r4+r5)+
 * (r6+r7)), then the rest) of chunks a and b in the two lanes; `squares`: of (value − mean)².
 */
@inline function pairSum(a: usize, b: usize, len: i32, squares: bool, mean: v128): v128 {
  if (len < 8) {
    let res = f64x2.splat(0);
    for (let i = 0; i < len; i++) res = f64x2.add(res, squares ? squareAt(a, b, i, mean) : pairAt(a, b, i));
    return res;
  }
  let r0 = squares ? squareAt(a, b, 0, mean) : pairAt(a, b, 0);
  let r1 = squares ? squareAt(a, b, 1, mean) : pairAt(a, b, 1);
  let r2 = squares ? squareAt(a, b, 2, mean) : pairAt(a, b, 2);
  let r3 = squares ? squareAt(a, b, 3, mean) : pairAt(a, b, 3);
  let r4 = squares ? squareAt(a, b, 4, mean) : pairAt(a, b, 4);
  let r5 = squares ? squareAt(a, b, 5, mean) : pairAt(a, b, 5);
  let r6 = squares ? squareAt(a, b, 6, mean) : pairAt(a, b, 6);
  let r7 = squares ? squareAt(a, b, 7, mean) : pairAt(a, b, 7);
  const blocked = len - (len & 7);
  let i = 8;
  for (; i < blocked; i += 8) {
    r0 = f64x2.add(r0, squares ? squareAt(a, b, i, mean) : pairAt(a, b, i));
    r1 = f64x2.add(r1, squares ? squareAt(a, b, i + 1, mean) : pairAt(a, b, i + 1));
    r2 = f64x2.add(r2, squares ? squareAt(a, b, i + 2, mean) : pairAt(a, b, i + 2));
    r3 = f64x2.add(r3, squares ? squareAt(a, b, i + 3, mean) : pairAt(a, b, i + 3));
    r4 = f64x2.add(r4, squares ? squareAt(a, b, i + 4, mean) : pairAt(a, b, i + 4));
    r5 = f64x2.add(r5, squares ? squareAt(a, b, i + 5, mean) : pairAt(a, b, i + 5));
    r6 = f64x2.add(r6, squares ? squareAt(a, b, i + 6, mean) : pairAt(a, b, i + 6));
    r7 = f64x2.add(r7, squares ? squareAt(a, b, i + 7, mean) : pairAt(a, b, i + 7));
  }
  let res = f64x2.add(f64x2.add(f64x2.add(r0, r1), f64x2.add(r2, r3)), f64x2.add(f64x2.add(r4, r5), f64x2.add(r6, r7)));
  for (; i < len; i++) res = f64x2.add(res, squares ? squareAt(a, b, i, mean) : pairAt(a, b, i));
  return res;
}

/** Chunk lengths up to this take two chunks per pass in the lanes ({@link chunkPair}). */
const PAIRED_CHUNK_MAX = 16;

/**
 * Chunks c and c+1 (both full, chunkLen ≤ PAIRED_CHUNK_MAX) in the two lanes of f64x2: every
 * aggregate is the same sequence of operations as for one chunk (numpy's pairwise sums, max
 * and min in series order, which pmax/pmin keep exactly: the first of equal values); a NaN
 * sends the pair back to the one-chunk path. Returns false then, having written nothing.
 */
@inline function chunkPair(x: usize, chunkLen: i32, kinds: i32, c: i32, out: usize, row: usize): bool {
  const a = x + (<usize>(c * chunkLen) << 3);
  const b = a + (<usize>chunkLen << 3);
  let w = pairAt(a, b, 0);
  let mx = w;
  let mn = w;
  let nan = f64x2.ne(w, w);
  for (let i = 1; i < chunkLen; i++) {
    w = pairAt(a, b, i);
    mx = f64x2.pmax(mx, w);
    mn = f64x2.pmin(mn, w);
    nan = v128.or(nan, f64x2.ne(w, w));
  }
  if (v128.any_true(nan)) return false;
  const at = <usize>c << 3;
  if (kinds & 1) v128.store(out + at, mx);
  if (kinds & 2) v128.store(out + row + at, mn);
  if (!(kinds & 60)) return true;
  const count = f64x2.splat(<f64>chunkLen);
  const sum = pairSum(a, b, chunkLen, false, count);
  const mean = f64x2.div(sum, count);
  if (kinds & 4) v128.store(out + 2 * row + at, mean);
  if (kinds & 24) {
    const variance = f64x2.div(pairSum(a, b, chunkLen, true, mean), count);
    if (kinds & 8) v128.store(out + 3 * row + at, variance);
    if (kinds & 16) v128.store(out + 4 * row + at, f64x2.sqrt(variance));
  }
  if (kinds & 32) v128.store(out + 5 * row + at, sum);
  return true;
}

/**
 * The aggregates `kinds` asks for (bit j for kind j: 0 max, 1 min, 2 mean, 3 var, 4 std,
 * 5 sum) of every chunk x[c·len .. min(n, (c+1)·len)), c = 0..m−1 with m = ⌈n/len⌉, kind j's
 * into out[j·m .. (j+1)·m); `scratch` holds len values. One pass per chunk serves them all (the
 * pairwise sum once for mean, var, std and sum). Max and min keep the first of equal values and
 * return the first NaN; var is np.var's: Σ(x − mean)² pairwise, over the count.
 */
export function chunkAggregates(x: usize, n: i32, kinds: i32, chunkLen: i32, out: usize, scratch: usize): void {
  const m = (n + chunkLen - 1) / chunkLen;
  const row = <usize>m << 3;
  const needSum = (kinds & 0b111100) != 0;
  const needSquares = (kinds & 0b11000) != 0;
  const full = n / chunkLen;
  for (let c = 0; c < m; c++) {
    if (chunkLen <= PAIRED_CHUNK_MAX && c + 1 < full && chunkPair(x, chunkLen, kinds, c, out, row)) {
      c++;
      continue;
    }
    const start = c * chunkLen;
    const count = min<i32>(n, start + chunkLen) - start;
    const a = x + (<usize>start << 3);
    if (kinds & 3) chunkExtremes(a, count, kinds, out, row, c);
    if (!needSum) continue;
    const sum = pairwiseSum(a, count);
    const mean = sum / <f64>count;
    if (kinds & 4) put(out + 2 * row, c, mean);
    if (needSquares) {
      const variance = squaredDeviationSum(a, count, mean, scratch) / <f64>count;
      if (kinds & 8) put(out + 3 * row, c, variance);
      if (kinds & 16) put(out + 4 * row, c, sqrt<f64>(variance));
    }
    if (kinds & 32) put(out + 5 * row, c, sum);
  }
}

/**
 * linregress's sums for y[0..n) against 0..n−1 into `sums`: [x̄, ȳ, Σ dx², Σ dx·dy, Σ dy²]
 * with x̄ = (n(n−1)/2)/n, ȳ the pairwise mean, dx = i − x̄, dy = y_i − ȳ, sums in increasing i.
 */
export function trendSums(y: usize, n: i32, sums: usize): void {
  const count = <f64>n;
  const xMean = (count * <f64>(n - 1)) / 2 / count;
  const yMean = pairwiseSum(y, n) / count;
  let sxx: f64 = 0;
  let sxy: f64 = 0;
  let syy: f64 = 0;
  for (let i = 0; i < n; i++) {
    const dx = <f64>i - xMean;
    const dy = get(y, i) - yMean;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  put(sums, 0, xMean);
  put(sums, 1, yMean);
  put(sums, 2, sxx);
  put(sums, 3, sxy);
  put(sums, 4, syy);
}

/**
 * `trendSums` of `rows` arrays of n values each, row r at y + r·rowStride float64s, into
 * sums + 5r: four rows at a time side by side (x̄ and Σ dx² shared, each row's ȳ, Σ dx·dy and
 * Σ dy² its own, every sum in increasing i as alone), the rest one by one.
 */
export function trendSumsRows(y: usize, n: i32, rows: i32, rowStride: i32, sums: usize): void {
  const step = <usize>rowStride << 3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const y0 = y + <usize>r * step;
    const y1 = y0 + step;
    const y2 = y1 + step;
    const y3 = y2 + step;
    const count = <f64>n;
    const xMean = (count * <f64>(n - 1)) / 2 / count;
    const m0 = pairwiseSum(y0, n) / count;
    const m1 = pairwiseSum(y1, n) / count;
    const m2 = pairwiseSum(y2, n) / count;
    const m3 = pairwiseSum(y3, n) / count;
    let sxx: f64 = 0;
    let sxy0: f64 = 0;
    let sxy1: f64 = 0;
    let sxy2: f64 = 0;
    let sxy3: f64 = 0;
    let syy0: f64 = 0;
    let syy1: f64 = 0;
    let syy2: f64 = 0;
    let syy3: f64 = 0;
    for (let i = 0; i < n; i++) {
      const dx = <f64>i - xMean;
      sxx += dx * dx;
      const d0 = get(y0, i) - m0;
      const d1 = get(y1, i) - m1;
      const d2 = get(y2, i) - m2;
      const d3 = get(y3, i) - m3;
      sxy0 += dx * d0;
      sxy1 += dx * d1;
      sxy2 += dx * d2;
      sxy3 += dx * d3;
      syy0 += d0 * d0;
      syy1 += d1 * d1;
      syy2 += d2 * d2;
      syy3 += d3 * d3;
    }
    const out = sums + (<usize>(5 * r) << 3);
    putTrendSums(out, xMean, m0, sxx, sxy0, syy0);
    putTrendSums(out + 40, xMean, m1, sxx, sxy1, syy1);
    putTrendSums(out + 80, xMean, m2, sxx, sxy2, syy2);
    putTrendSums(out + 120, xMean, m3, sxx, sxy3, syy3);
  }
  for (; r < rows; r++) trendSums(y + <usize>r * step, n, sums + (<usize>(5 * r) << 3));
}

@inline function putTrendSums(out: usize, xMean: f64, yMean: f64, sxx: f64, sxy: f64, syy: f64): void {
  put(out, 0, xMean);
  put(out, 1, yMean);
  put(out, 2, sxx);
  put(out, 3, sxy);
  put(out, 4, syy);
}
