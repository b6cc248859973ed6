/**
 * Least squares on a lag design (src/features/calculators/dynamics/lagged-gram.ts,
 * gram-least-squares.ts, lagged-least-squares.ts): the Gram matrix by the window-shift
 * recurrences, its upper Cholesky factor, ω = ‖(R·D)⁻¹‖_F, and the whole certified fit with
 * iterative refinement against the data. Every operation in the order of those modules'
 * comments; matrices are row-major with a stride, pointers are byte offsets.
 *
 * The design: rows t = first..end−1, columns [1, (e_t), u_{t−1}..u_{t−lags}], response u_t,
 * with at most one extra regressor e (`hasExtra` 0 or 1, `extra` indexed by t like u).
 */
import { get, put } from './f64-memory';

/**
 * The upper triangle of the augmented Gram matrix (size = lags + 2 + hasExtra, response last)
 * into `gram` (size×size): entry (0,0) = rows, row 0 the column sums, the extra's sums and
 * products, S(0, l) = Σ_t u_t u_{t−l} directly (each sum in increasing t; lanes of f64x2 are
 * separate lags, eight lags per pass over the rows, the first pass also summing u, e and e²),
 * then σ(l) and S(j, l) by the recurrences. Requires first ≥ lags.
 */
export function laggedGram(u: usize, extra: usize, hasExtra: i32, first: i32, end: i32, lags: i32, gram: usize): void {
  const size = lags + 2 + hasExtra;
  const response = size - 1;
  put(gram, 0, <f64>(end - first));
  for (let l = 0; l <= lags; ) {
    const count = lags + 1 - l;
    if (!hasExtra && count > 8) {
      laggedProducts16(u, u, first, end, l, min<i32>(16, count), gram, response, size, response * size + response, l == 0 ? response : -1);
      l += 16;
    } else if (count <= 4) {
      laggedProducts4(u, extra, hasExtra, first, end, l, count, gram, size);
      l += 4;
    } else {
      laggedProducts8(u, extra, hasExtra, first, end, l, min<i32>(8, count), gram, size);
      l += 8;
    }
  }
  // σ(0) (from the first pass), then σ(l) and S(j, l) by the window-shift recurrences.
  let sum = get(gram, response);
  for (let k = 1; k <= lags; k++) {
    sum += get(u, first - k) - get(u, end - k);
    put(gram, hasExtra + k, sum);
  }
  for (let j = 1; j <= lags; j++) {
    const uj = get(u, first - j);
    const vj = get(u, end - j);
    const previousRow = j == 1 ? response : hasExtra + j - 1;
    for (let k = j; k <= lags; k++) {
      const previousColumn = k == 1 ? response : hasExtra + k - 1;
      const previous = previousRow <= previousColumn ? previousRow * size + previousColumn : previousColumn * size + previousRow;
      put(gram, (hasExtra + j) * size + hasExtra + k, get(gram, previous) + uj * get(u, first - k) - vj * get(u, end - k));
    }
  }
}

/** The Gram column of lag l (the response for lag 0). */
@inline function lagColumn(l: i32, hasExtra: i32, response: i32): i32 {
  return l == 0 ? response : hasExtra + l;
}

/** Lag l's S(0, l) and extra product into the matrix. */
@inline function putLag(gram: usize, size: i32, hasExtra: i32, l: i32, s: f64, p: f64): void {
  const response = size - 1;
  const column = lagColumn(l, hasExtra, response);
  put(gram, column * size + response, s);
  if (hasExtra) put(gram, size + column, p);
}

/**
 * Lags l..l+count−1 (count ≤ 8): s_j = Σ_t u_t u_{t−l−j}, p_j = Σ_t e_t u_{t−l−j}, into the
 * matrix. The f64x2 loaded at u_{t−l−j−1} holds (u_{t−l−j−1}, u_{t−l−j}): lanes (j+1, j). A
 * short last block still runs all eight lanes (the unused ones read up to seven values before
 * u_0, which kernel memory always has, and are dropped). The pass at l = 0 also sums u_t (σ(0),
 * into the response's column of row 0) and, with the extra, e_t and e_t² (each in increasing t).
 */
function laggedProducts8(u: usize, extra: usize, hasExtra: i32, first: i32, end: i32, l: i32, count: i32, gram: usize, size: i32): void {
  let s10 = f64x2.splat(0);
  let s32 = f64x2.splat(0);
  let s54 = f64x2.splat(0);
  let s76 = f64x2.splat(0);
  let p10 = f64x2.splat(0);
  let p32 = f64x2.splat(0);
  let p54 = f64x2.splat(0);
  let p76 = f64x2.splat(0);
  let sumU: f64 = 0;
  let sumE: f64 = 0;
  let sumEE: f64 = 0;
  if (hasExtra) {
    if (l == 0) {
      for (let t = first; t < end; t++) {
        const ut = get(u, t);
        const et = get(extra, t);
        sumU += ut;
        sumE += et;
        sumEE += et * et;
        const a = f64x2.splat(ut);
        const c = f64x2.splat(et);
        const b = u + (<usize>(t - l - 7) << 3);
        const u76 = v128.load(b);
        const u54 = v128.load(b, 16);
        const u32 = v128.load(b, 32);
        const u10 = v128.load(b, 48);
        s10 = f64x2.add(s10, f64x2.mul(a, u10));
        s32 = f64x2.add(s32, f64x2.mul(a, u32));
        s54 = f64x2.add(s54, f64x2.mul(a, u54));
        s76 = f64x2.add(s76, f64x2.mul(a, u76));
        p10 = f64x2.add(p10, f64x2.mul(c, u10));
        p32 = f64x2.add(p32, f64x2.mul(c, u32));
        p54 = f64x2.add(p54, f64x2.mul(c, u54));
        p76 = f64x2.add(p76, f64x2.mul(c, u76));
      }
    } else {
      for (let t = first; t < end; t++) {
        const a = f64x2.splat(get(u, t));
        const c = f64x2.splat(get(extra, t));
        const b = u + (<usize>(t - l - 7) << 3);
        const u76 = v128.load(b);
        const u54 = v128.load(b, 16);
        const u32 = v128.load(b, 32);
        const u10 = v128.load(b, 48);
        s10 = f64x2.add(s10, f64x2.mul(a, u10));
        s32 = f64x2.add(s32, f64x2.mul(a, u32));
        s54 = f64x2.add(s54, f64x2.mul(a, u54));
        s76 = f64x2.add(s76, f64x2.mul(a, u76));
        p10 = f64x2.add(p10, f64x2.mul(c, u10));
        p32 = f64x2.add(p32, f64x2.mul(c, u32));
        p54 = f64x2.add(p54, f64x2.mul(c, u54));
        p76 = f64x2.add(p76, f64x2.mul(c, u76));
      }
    }
  } else if (l == 0) {
    for (let t = first; t < end; t++) {
      const ut = get(u, t);
      sumU += ut;
      const a = f64x2.splat(ut);
      const b = u + (<usize>(t - l - 7) << 3);
      s76 = f64x2.add(s76, f64x2.mul(a, v128.load(b)));
      s54 = f64x2.add(s54, f64x2.mul(a, v128.load(b, 16)));
      s32 = f64x2.add(s32, f64x2.mul(a, v128.load(b, 32)));
      s10 = f64x2.add(s10, f64x2.mul(a, v128.load(b, 48)));
    }
  } else {
    for (let t = first; t < end; t++) {
      const a = f64x2.splat(get(u, t));
      const b = u + (<usize>(t - l - 7) << 3);
      s76 = f64x2.add(s76, f64x2.mul(a, v128.load(b)));
      s54 = f64x2.add(s54, f64x2.mul(a, v128.load(b, 16)));
      s32 = f64x2.add(s32, f64x2.mul(a, v128.load(b, 32)));
      s10 = f64x2.add(s10, f64x2.mul(a, v128.load(b, 48)));
    }
  }
  putLag(gram, size, hasExtra, l, f64x2.extract_lane(s10, 1), f64x2.extract_lane(p10, 1));
  if (count > 1) putLag(gram, size, hasExtra, l + 1, f64x2.extract_lane(s10, 0), f64x2.extract_lane(p10, 0));
  if (count > 2) putLag(gram, size, hasExtra, l + 2, f64x2.extract_lane(s32, 1), f64x2.extract_lane(p32, 1));
  if (count > 3) putLag(gram, size, hasExtra, l + 3, f64x2.extract_lane(s32, 0), f64x2.extract_lane(p32, 0));
  if (count > 4) putLag(gram, size, hasExtra, l + 4, f64x2.extract_lane(s54, 1), f64x2.extract_lane(p54, 1));
  if (count > 5) putLag(gram, size, hasExtra, l + 5, f64x2.extract_lane(s54, 0), f64x2.extract_lane(p54, 0));
  if (count > 6) putLag(gram, size, hasExtra, l + 6, f64x2.extract_lane(s76, 1), f64x2.extract_lane(p76, 1));
  if (count > 7) putLag(gram, size, hasExtra, l + 7, f64x2.extract_lane(s76, 0), f64x2.extract_lane(p76, 0));
  if (l == 0) {
    put(gram, size - 1, sumU);
    if (hasExtra) {
      put(gram, 1, sumE);
      put(gram, size + 1, sumEE);
    }
  }
}

/**
 * A last block of at most four lags, as laggedProducts8 with four lanes (two f64x2 sums per
 * series instead of four: the ADF refit's few lags and the lag search's tail), the first pass's
 * sums of u, e and e² included.
 */
function laggedProducts4(u: usize, extra: usize, hasExtra: i32, first: i32, end: i32, l: i32, count: i32, gram: usize, size: i32): void {
  let s10 = f64x2.splat(0);
  let s32 = f64x2.splat(0);
  let p10 = f64x2.splat(0);
  let p32 = f64x2.splat(0);
  let sumU: f64 = 0;
  let sumE: f64 = 0;
  let sumEE: f64 = 0;
  if (hasExtra) {
    if (l == 0) {
      for (let t = first; t < end; t++) {
        const ut = get(u, t);
        const et = get(extra, t);
        sumU += ut;
        sumE += et;
        sumEE += et * et;
        const a = f64x2.splat(ut);
        const c = f64x2.splat(et);
        const b = u + (<usize>(t - l - 3) << 3);
        const u32 = v128.load(b);
        const u10 = v128.load(b, 16);
        s10 = f64x2.add(s10, f64x2.mul(a, u10));
        s32 = f64x2.add(s32, f64x2.mul(a, u32));
        p10 = f64x2.add(p10, f64x2.mul(c, u10));
        p32 = f64x2.add(p32, f64x2.mul(c, u32));
      }
    } else {
      for (let t = first; t < end; t++) {
        const a = f64x2.splat(get(u, t));
        const c = f64x2.splat(get(extra, t));
        const b = u + (<usize>(t - l - 3) << 3);
        const u32 = v128.load(b);
        const u10 = v128.load(b, 16);
        s10 = f64x2.add(s10, f64x2.mul(a, u10));
        s32 = f64x2.add(s32, f64x2.mul(a, u32));
        p10 = f64x2.add(p10, f64x2.mul(c, u10));
        p32 = f64x2.add(p32, f64x2.mul(c, u32));
      }
    }
  } else if (l == 0) {
    for (let t = first; t < end; t++) {
      const ut = get(u, t);
      sumU += ut;
      const a = f64x2.splat(ut);
      const b = u + (<usize>(t - l - 3) << 3);
      s32 = f64x2.add(s32, f64x2.mul(a, v128.load(b)));
      s10 = f64x2.add(s10, f64x2.mul(a, v128.load(b, 16)));
    }
  } else {
    for (let t = first; t < end; t++) {
      const a = f64x2.splat(get(u, t));
      const b = u + (<usize>(t - l - 3) << 3);
      s32 = f64x2.add(s32, f64x2.mul(a, v128.load(b)));
      s10 = f64x2.add(s10, f64x2.mul(a, v128.load(b, 16)));
    }
  }
  putLag(gram, size, hasExtra, l, f64x2.extract_lane(s10, 1), f64x2.extract_lane(p10, 1));
  if (count > 1) putLag(gram, size, hasExtra, l + 1, f64x2.extract_lane(s10, 0), f64x2.extract_lane(p10, 0));
  if (count > 2) putLag(gram, size, hasExtra, l + 2, f64x2.extract_lane(s32, 1), f64x2.extract_lane(p32, 1));
  if (count > 3) putLag(gram, size, hasExtra, l + 3, f64x2.extract_lane(s32, 0), f64x2.extract_lane(p32, 0));
  if (l == 0) {
    put(gram, size - 1, sumU);
    if (hasExtra) {
      put(gram, 1, sumE);
      put(gram, size + 1, sumEE);
    }
  }
}

/**
 * Sixteen lags in one pass without an extra regressor: Σ_t y_t x_{t−l−j}, j = 0..count−1
 * (count ≤ 16, each sum in increasing t; the f64x2 loaded at x_{t−l−15+2k} holds lags
 * (15−2k, 14−2k); a short block runs all sixteen lanes, reading up to fifteen values before x_0,
 * which kernel memory always has, and drops the unused ones), stored at out[base + (l+j)·stride]
 * (out[zeroAt] for lag 0). When sumAt ≥ 0 the pass also stores Σ_t y_t at out[sumAt] and returns
 * Σ_t y_t² (in increasing t); else it returns 0.
 */
function laggedProducts16(
  y: usize,
  x: usize,
  first: i32,
  end: i32,
  l: i32,
  count: i32,
  out: usize,
  base: i32,
  stride: i32,
  zeroAt: i32,
  sumAt: i32,
): f64 {
  let a0 = f64x2.splat(0);
  let a1 = f64x2.splat(0);
  let a2 = f64x2.splat(0);
  let a3 = f64x2.splat(0);
  let a4 = f64x2.splat(0);
  let a5 = f64x2.splat(0);
  let a6 = f64x2.splat(0);
  let a7 = f64x2.splat(0);
  let sum: f64 = 0;
  let squares: f64 = 0;
  if (sumAt >= 0) {
    for (let t = first; t < end; t++) {
      const yt = get(y, t);
      squares += yt * yt;
      sum += yt;
      const v = f64x2.splat(yt);
      const b = x + (<usize>(t - l - 15) << 3);
      a0 = f64x2.add(a0, f64x2.mul(v128.load(b), v));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(b, 16), v));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(b, 32), v));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(b, 48), v));
      a4 = f64x2.add(a4, f64x2.mul(v128.load(b, 64), v));
      a5 = f64x2.add(a5, f64x2.mul(v128.load(b, 80), v));
      a6 = f64x2.add(a6, f64x2.mul(v128.load(b, 96), v));
      a7 = f64x2.add(a7, f64x2.mul(v128.load(b, 112), v));
    }
    put(out, sumAt, sum);
  } else {
    for (let t = first; t < end; t++) {
      const v = f64x2.splat(get(y, t));
      const b = x + (<usize>(t - l - 15) << 3);
      a0 = f64x2.add(a0, f64x2.mul(v128.load(b), v));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(b, 16), v));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(b, 32), v));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(b, 48), v));
      a4 = f64x2.add(a4, f64x2.mul(v128.load(b, 64), v));
      a5 = f64x2.add(a5, f64x2.mul(v128.load(b, 80), v));
      a6 = f64x2.add(a6, f64x2.mul(v128.load(b, 96), v));
      a7 = f64x2.add(a7, f64x2.mul(v128.load(b, 112), v));
    }
  }
  putProduct(out, base, stride, zeroAt, l, 0, count, f64x2.extract_lane(a7, 1));
  putProduct(out, base, stride, zeroAt, l, 1, count, f64x2.extract_lane(a7, 0));
  putProduct(out, base, stride, zeroAt, l, 2, count, f64x2.extract_lane(a6, 1));
  putProduct(out, base, stride, zeroAt, l, 3, count, f64x2.extract_lane(a6, 0));
  putProduct(out, base, stride, zeroAt, l, 4, count, f64x2.extract_lane(a5, 1));
  putProduct(out, base, stride, zeroAt, l, 5, count, f64x2.extract_lane(a5, 0));
  putProduct(out, base, stride, zeroAt, l, 6, count, f64x2.extract_lane(a4, 1));
  putProduct(out, base, stride, zeroAt, l, 7, count, f64x2.extract_lane(a4, 0));
  putProduct(out, base, stride, zeroAt, l, 8, count, f64x2.extract_lane(a3, 1));
  putProduct(out, base, stride, zeroAt, l, 9, count, f64x2.extract_lane(a3, 0));
  putProduct(out, base, stride, zeroAt, l, 10, count, f64x2.extract_lane(a2, 1));
  putProduct(out, base, stride, zeroAt, l, 11, count, f64x2.extract_lane(a2, 0));
  putProduct(out, base, stride, zeroAt, l, 12, count, f64x2.extract_lane(a1, 1));
  putProduct(out, base, stride, zeroAt, l, 13, count, f64x2.extract_lane(a1, 0));
  putProduct(out, base, stride, zeroAt, l, 14, count, f64x2.extract_lane(a0, 1));
  putProduct(out, base, stride, zeroAt, l, 15, count, f64x2.extract_lane(a0, 0));
  return squares;
}

/** laggedProducts16's store of lag l + j (when j < count). */
@inline function putProduct(out: usize, base: i32, stride: i32, zeroAt: i32, l: i32, j: i32, count: i32, v: f64): void {
  if (j < count) put(out, l + j == 0 ? zeroAt : base + (l + j) * stride, v);
}

/**
 * The upper Cholesky factor of the size×size matrix at `r` (upper triangle read), in place,
 * right-looking: R_ii = √a_ii, R_ij = a_ij·(1/R_ii), then a_jl −= R_ij R_il for i < j ≤ l. The
 * last pivot (the response's) becomes √ of itself, or 0 when not positive. Returns 0 when an
 * earlier pivot is not positive (rank deficient), else 1.
 */
function choleskyUpper(r: usize, size: i32): i32 {
  const k = size - 1;
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    const pivot = get(r, rowI + i);
    if (i == k) {
      put(r, rowI + i, pivot > 0 ? sqrt<f64>(pivot) : 0);
      break;
    }
    if (!(pivot > 0)) return 0;
    const rii = sqrt<f64>(pivot);
    put(r, rowI + i, rii);
    const inv = 1 / rii;
    for (let j = i + 1; j < size; j++) put(r, rowI + j, get(r, rowI + j) * inv);
    for (let j = i + 1; j < size; j++) {
      const rij = get(r, rowI + j);
      const vij = f64x2.splat(rij);
      const rowJ = j * size;
      let l = j;
      for (; l + 1 < size; l += 2) {
        const at = r + (<usize>(rowJ + l) << 3);
        v128.store(at, f64x2.sub(v128.load(at), f64x2.mul(vij, v128.load(r + (<usize>(rowI + l) << 3)))));
      }
      for (; l < size; l++) put(r, rowJ + l, get(r, rowJ + l) - rij * get(r, rowI + l));
    }
  }
  return 1;
}

/**
 * ω = ‖(R·D)⁻¹‖_F of the leading k×k block of the upper-triangular R (row stride `stride`),
 * D = diag(1/norms): Σ_ij (norms_i·(R⁻¹)_ij)² with R⁻¹ by substitution column by column, the
 * column sums added to the total in column order. Columns j and j+1 run side by side in the
 * lanes of f64x2 (each lane the scalar recurrence's operations in its order; column j+1's extra
 * last term, l = j+1, subtracted in its lane alone). `scratch` holds 3k values.
 */
function scaledInverseNorm(r: usize, stride: i32, k: i32, norms: usize, scratch: usize): f64 {
  const reciprocal = scratch;
  const w = scratch + (<usize>k << 3); // pairs (w_l of column j, w_l of column j+1), l ≤ j+1
  for (let i = 0; i < k; i++) put(reciprocal, i, 1 / get(r, i * stride + i));
  let sum: f64 = 0;
  let j = 0;
  for (; j + 1 < k; j += 2) {
    const J = j + 1;
    // column J's first two rows (i = J, i = j), column j's i = j
    const wJJ = get(reciprocal, J);
    const firstJ = get(norms, J) * wJJ;
    let columnJ = firstJ * firstJ;
    const sJ: f64 = 0 - get(r, j * stride + J) * wJJ;
    const wJj = sJ * get(reciprocal, j);
    const scaledJ = get(norms, j) * wJj;
    columnJ += scaledJ * scaledJ;
    const wjj = get(reciprocal, j);
    const firstj = get(norms, j) * wjj;
    let columns = f64x2.replace_lane(f64x2.splat(firstj * firstj), 1, columnJ);
    v128.store(w + (<usize>j << 4), f64x2.replace_lane(f64x2.splat(wjj), 1, wJj));
    for (let i = j - 1; i >= 0; i--) {
      let s2 = f64x2.splat(0);
      const rowI = i * stride;
      for (let l = i + 1; l <= j; l++) s2 = f64x2.sub(s2, f64x2.mul(f64x2.splat(get(r, rowI + l)), v128.load(w + (<usize>l << 4))));
      s2 = f64x2.replace_lane(s2, 1, f64x2.extract_lane(s2, 1) - get(r, rowI + J) * wJJ);
      const wi = f64x2.mul(s2, f64x2.splat(get(reciprocal, i)));
      v128.store(w + (<usize>i << 4), wi);
      const scaled = f64x2.mul(f64x2.splat(get(norms, i)), wi);
      columns = f64x2.add(columns, f64x2.mul(scaled, scaled));
    }
    sum += f64x2.extract_lane(columns, 0);
    sum += f64x2.extract_lane(columns, 1);
  }
  if (j < k) {
    // the last column alone, its w in the pairs' first lanes
    put(w, 2 * j, get(reciprocal, j));
    const first = get(norms, j) * get(w, 2 * j);
    let column = first * first;
    for (let i = j - 1; i >= 0; i--) {
      let s: f64 = 0;
      const rowI = i * stride;
      for (let l = i + 1; l <= j; l++) s -= get(r, rowI + l) * get(w, 2 * l);
      put(w, 2 * i, s * get(reciprocal, i));
      const scaled = get(norms, i) * get(w, 2 * i);
      column += scaled * scaled;
    }
    sum += column;
  }
  return sqrt<f64>(sum);
}

/**
 * The float64s of `laggedLeastSquares`' work region for p = 1 + hasExtra + lags columns and
 * `rows` rows.
 */
export function laggedWorkSize(p: i32, rows: i32): i32 {
  return 2 + p + p * p + (p + 1) * (p + 1) + 6 * p + rows;
}

/**
 * The certified fit of lagged-least-squares.ts. Work layout (float64 indices): [0] the SSR,
 * [1] η, [2, 2+p) β, then R (p×p row-major, zero below the diagonal), then scratch. Returns 1
 * when certified, 0 when refused (a column or pivot not positive, a pivot within 1e-10 of the
 * largest column norm, η > maxEta, or three refinement steps without settling).
 */
export function laggedLeastSquares(
  u: usize,
  extra: usize,
  hasExtra: i32,
  first: i32,
  end: i32,
  lags: i32,
  maxEta: f64,
  gramError: f64,
  work: usize,
): i32 {
  const p = 1 + hasExtra + lags;
  const size = p + 1;
  const beta = work + 16;
  const rOut = beta + (<usize>p << 3);
  const gram = rOut + (<usize>(p * p) << 3);
  const norms = gram + (<usize>(size * size) << 3);
  const gradient = norms + (<usize>p << 3);
  const correction = gradient + (<usize>p << 3);
  const scratch = correction + (<usize>p << 3);
  const residual = scratch + (<usize>(3 * p) << 3);
  laggedGram(u, extra, hasExtra, first, end, lags, gram);
  for (let j = 0; j < p; j++) {
    const d = get(gram, j * size + j);
    if (!(d > 0)) return 0;
    put(norms, j, sqrt<f64>(d));
  }
  if (!choleskyUpper(gram, size)) return 0;
  let maxNorm: f64 = 0;
  for (let j = 0; j < p; j++) maxNorm = max<f64>(maxNorm, get(norms, j));
  for (let j = 0; j < p; j++) if (!(abs<f64>(get(gram, j * size + j)) > 1e-10 * maxNorm)) return 0;
  const omega = scaledInverseNorm(gram, size, p, norms, scratch);
  const eta = <f64>p * gramError * omega * omega;
  if (!(eta <= maxEta)) return 0;
  for (let i = 0; i < p; i++) {
    put(beta, i, get(gram, i * size + p));
    for (let j = 0; j < p; j++) put(rOut, i * p + j, j >= i ? get(gram, i * size + j) : 0);
  }
  solveUpper(rOut, p, beta);
  let certified = false;
  let ssr: f64 = NaN;
  for (let step = 0; step < 3 && !certified; step++) {
    const ssrBefore = residualGradient(u, extra, hasExtra, first, end, lags, beta, gradient, residual);
    memory.copy(correction, gradient, <usize>p << 3);
    solveLowerTransposed(rOut, p, correction);
    solveUpper(rOut, p, correction);
    let delta: f64 = 0;
    let norm: f64 = 0;
    let decrease: f64 = 0;
    for (let j = 0; j < p; j++) {
      const c = get(correction, j);
      const b = get(beta, j) + c;
      put(beta, j, b);
      const scale = get(norms, j);
      const dc = c * scale;
      const db = b * scale;
      delta += dc * dc;
      norm += db * db;
      decrease += c * get(gradient, j);
    }
    ssr = ssrBefore - decrease;
    certified = eta * sqrt<f64>(delta) <= 1e-13 * sqrt<f64>(norm);
  }
  if (!certified) return 0;
  put(work, 0, ssr);
  put(work, 1, eta);
  return 1;
}

/**
 * r_t = u_t − β_0 − β_1 e_t − Σ_l β_{E+l} u_{t−l} (subtracted in that order) into `residual`
 * (rows − first.., eight rows per step in f64x2 lanes), then g = Xᵀr into `gradient` (each sum
 * in increasing t) and Σ r_t² returned.
 */
function residualGradient(
  u: usize,
  extra: usize,
  hasExtra: i32,
  first: i32,
  end: i32,
  lags: i32,
  beta: usize,
  gradient: usize,
  residual: usize,
): f64 {
  const lag1 = 1 + hasExtra;
  const b0 = get(beta, 0);
  const bExtra = hasExtra ? get(beta, 1) : 0;
  const r = residual - (<usize>first << 3); // r(t) = get(r, t)
  const v0 = f64x2.splat(b0);
  const vExtra = f64x2.splat(bExtra);
  let t = first;
  for (; t + 8 <= end; t += 8) {
    const at = u + (<usize>t << 3);
    let r10 = f64x2.sub(v128.load(at), v0);
    let r32 = f64x2.sub(v128.load(at, 16), v0);
    let r54 = f64x2.sub(v128.load(at, 32), v0);
    let r76 = f64x2.sub(v128.load(at, 48), v0);
    if (hasExtra) {
      const e = extra + (<usize>t << 3);
      r10 = f64x2.sub(r10, f64x2.mul(vExtra, v128.load(e)));
      r32 = f64x2.sub(r32, f64x2.mul(vExtra, v128.load(e, 16)));
      r54 = f64x2.sub(r54, f64x2.mul(vExtra, v128.load(e, 32)));
      r76 = f64x2.sub(r76, f64x2.mul(vExtra, v128.load(e, 48)));
    }
    for (let l = 1; l <= lags; l++) {
      const b = f64x2.splat(get(beta, lag1 + l - 1));
      const back = at - (<usize>l << 3);
      r10 = f64x2.sub(r10, f64x2.mul(b, v128.load(back)));
      r32 = f64x2.sub(r32, f64x2.mul(b, v128.load(back, 16)));
      r54 = f64x2.sub(r54, f64x2.mul(b, v128.load(back, 32)));
      r76 = f64x2.sub(r76, f64x2.mul(b, v128.load(back, 48)));
    }
    const out = r + (<usize>t << 3);
    v128.store(out, r10);
    v128.store(out, r32, 16);
    v128.store(out, r54, 32);
    v128.store(out, r76, 48);
  }
  for (; t < end; t++) {
    let rt = get(u, t) - b0;
    if (hasExtra) rt -= bExtra * get(extra, t);
    for (let l = 1; l <= lags; l++) rt -= get(beta, lag1 + l - 1) * get(u, t - l);
    put(r, t, rt);
  }
  let ssr: f64 = 0;
  for (let l = 1; l == 1 || l <= lags; ) {
    const count = lags + 1 - l;
    const firstBlock = l == 1;
    let s: f64;
    if (!hasExtra && count > 8) {
      s = laggedProducts16(r, u, first, end, l, min<i32>(16, count), gradient, 0, 1, 0, l == 1 ? 0 : -1);
      l += 16;
    } else {
      s = residualProducts8(r, u, extra, hasExtra, first, end, l, min<i32>(8, count), gradient, lag1);
      l += 8;
    }
    if (firstBlock) ssr = s;
  }
  return ssr;
}

/**
 * g_{E+l+j} = Σ_t u_{t−l−j} r_t for lags l..l+count−1 (count ≤ 8; lanes as in laggedProducts8,
 * a short block still running all eight); the pass at l = 1 also forms g_0 = Σ r_t, the extra's
 * Σ e_t r_t and returns Σ r_t² (each in increasing t).
 */
function residualProducts8(
  r: usize,
  u: usize,
  extra: usize,
  hasExtra: i32,
  first: i32,
  end: i32,
  l: i32,
  count: i32,
  gradient: usize,
  lag1: i32,
): f64 {
  let s10 = f64x2.splat(0);
  let s32 = f64x2.splat(0);
  let s54 = f64x2.splat(0);
  let s76 = f64x2.splat(0);
  let ssr: f64 = 0;
  let g0: f64 = 0;
  let gExtra: f64 = 0;
  if (l == 1) {
    if (hasExtra) {
      for (let t = first; t < end; t++) {
        const rt = get(r, t);
        ssr += rt * rt;
        g0 += rt;
        gExtra += get(extra, t) * rt;
        const a = f64x2.splat(rt);
        const b = u + (<usize>(t - l - 7) << 3);
        s76 = f64x2.add(s76, f64x2.mul(v128.load(b), a));
        s54 = f64x2.add(s54, f64x2.mul(v128.load(b, 16), a));
        s32 = f64x2.add(s32, f64x2.mul(v128.load(b, 32), a));
        s10 = f64x2.add(s10, f64x2.mul(v128.load(b, 48), a));
      }
    } else {
      for (let t = first; t < end; t++) {
        const rt = get(r, t);
        ssr += rt * rt;
        g0 += rt;
        const a = f64x2.splat(rt);
        const b = u + (<usize>(t - l - 7) << 3);
        s76 = f64x2.add(s76, f64x2.mul(v128.load(b), a));
        s54 = f64x2.add(s54, f64x2.mul(v128.load(b, 16), a));
        s32 = f64x2.add(s32, f64x2.mul(v128.load(b, 32), a));
        s10 = f64x2.add(s10, f64x2.mul(v128.load(b, 48), a));
      }
    }
    put(gradient, 0, g0);
    if (hasExtra) put(gradient, 1, gExtra);
  } else {
    for (let t = first; t < end; t++) {
      const a = f64x2.splat(get(r, t));
      const b = u + (<usize>(t - l - 7) << 3);
      s76 = f64x2.add(s76, f64x2.mul(v128.load(b), a));
      s54 = f64x2.add(s54, f64x2.mul(v128.load(b, 16), a));
      s32 = f64x2.add(s32, f64x2.mul(v128.load(b, 32), a));
      s10 = f64x2.add(s10, f64x2.mul(v128.load(b, 48), a));
    }
  }
  const g = lag1 + l - 1;
  if (count > 0) put(gradient, g, f64x2.extract_lane(s10, 1));
  if (count > 1) put(gradient, g + 1, f64x2.extract_lane(s10, 0));
  if (count > 2) put(gradient, g + 2, f64x2.extract_lane(s32, 1));
  if (count > 3) put(gradient, g + 3, f64x2.extract_lane(s32, 0));
  if (count > 4) put(gradient, g + 4, f64x2.extract_lane(s54, 1));
  if (count > 5) put(gradient, g + 5, f64x2.extract_lane(s54, 0));
  if (count > 6) put(gradient, g + 6, f64x2.extract_lane(s76, 1));
  if (count > 7) put(gradient, g + 7, f64x2.extract_lane(s76, 0));
  return ssr;
}

/** Solves R v = b in place (R upper triangular, p×p row-major). */
function solveUpper(r: usize, p: i32, b: usize): void {
  for (let i = p - 1; i >= 0; i--) {
    let s = get(b, i);
    for (let j = i + 1; j < p; j++) s -= get(r, i * p + j) * get(b, j);
    put(b, i, s / get(r, i * p + i));
  }
}

/** Solves Rᵀ v = b in place (R upper triangular, p×p row-major). */
function solveLowerTransposed(r: usize, p: i32, b: usize): void {
  for (let i = 0; i < p; i++) {
    let s = get(b, i);
    for (let j = 0; j < i; j++) s -= get(r, j * p + i) * get(b, j);
    put(b, i, s / get(r, i * p + i));
  }
}

/** The float64s of `nestedCholesky`'s output region for k columns. */
export function nestedCholeskySize(k: i32): i32 {
  return 1 + 3 * k + k * k + (k + 1) + (k + 1) * (k + 1) + 3 * k;
}

/**
 * gram-least-squares.ts' nested least squares from the (k+1)×(k+1) augmented Gram matrix
 * `gram` (upper triangle read, left alone). Output layout (float64 indices): [0] ω, then the
 * column norms √a_jj (k), R's diagonal (k), z (k), R (k×k row-major, zero below the diagonal),
 * ssr[0..k] (ρ² + Σ_{i≥j} z_i², summed from the last), then scratch. Returns 0 when a column
 * norm or a pivot is not positive, else 1.
 */
export function nestedCholesky(gram: usize, size: i32, out: usize): i32 {
  const k = size - 1;
  const norms = out + 8;
  const diagonal = norms + (<usize>k << 3);
  const z = diagonal + (<usize>k << 3);
  const rk = z + (<usize>k << 3);
  const ssr = rk + (<usize>(k * k) << 3);
  const r = ssr + (<usize>(k + 1) << 3);
  const scratch = r + (<usize>(size * size) << 3);
  for (let j = 0; j < k; j++) {
    const d = get(gram, j * size + j);
    if (!(d > 0)) return 0;
    put(norms, j, sqrt<f64>(d));
  }
  memory.copy(r, gram, <usize>(size * size) << 3);
  if (!choleskyUpper(r, size)) return 0;
  for (let i = 0; i < k; i++) {
    put(diagonal, i, get(r, i * size + i));
    put(z, i, get(r, i * size + k));
    for (let j = 0; j < k; j++) put(rk, i * k + j, j >= i ? get(r, i * size + j) : 0);
  }
  const rho = get(r, size * size - 1);
  let tail = rho * rho;
  put(ssr, k, tail);
  for (let i = k - 1; i >= 0; i--) {
    tail += get(z, i) * get(z, i);
    put(ssr, i, tail);
  }
  put(out, 0, scaledInverseNorm(r, size, k, norms, scratch));
  return 1;
}
