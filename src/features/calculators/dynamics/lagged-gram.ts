/**
 * The Gram matrix of a lag design in O(m·p) instead of O(m·p²).
 *
 * Autoregressions (AR(k), the ADF regression) regress u_t on its own past u_{t−1}, ..., u_{t−p}
 * over rows t = first..end−1. Their design is Toeplitz: every column is the same sequence
 * shifted, so the cross products
 *
 *   S(j, l) = Σ_{t=first}^{end−1} u_{t−j} u_{t−l},   0 ≤ j ≤ l ≤ p,
 *
 * obey S(j, l) = S(j−1, l−1) + u_{first−j} u_{first−l} − u_{end−j} u_{end−l} (shift the window
 * of t by one: one row enters, one leaves). Only S(0, l) needs a pass over the data; likewise
 * the column sums σ(l) = Σ_t u_{t−l} = σ(l−1) + u_{first−l} − u_{end−l}. Each recurrence step
 * adds at most two roundings of the size of the products involved, so an entry's error stays
 * within (m + 4p)·u·‖column_j‖·‖column_l‖ (u the unit roundoff), the δ of gram-least-squares.ts.
 */

/**
 * Fills the upper triangle of the row-major `size`×`size` augmented Gram matrix of the design
 * [1, e_1..e_E, u_{t−1}, ..., u_{t−lags}] with response u_t, t = first..end−1 (requires
 * first ≥ lags; size = lags + 2 + E). Index 0 is the constant (entry (0,0) = m, its row the
 * column sums), 1..E the extra regressors `extras[e][t]` (indexed by t like u), then the lags
 * in order, and the response last. The extras' products cost one pass each; the lag block is
 * O(m·lags) by the recurrences above.
 */
export function fillLaggedGram(
  u: Float64Array,
  first: number,
  end: number,
  lags: number,
  extras: readonly Float64Array[],
  gram: Float64Array,
): void {
  const extra = extras.length;
  const size = lags + 2 + extra;
  if (first < lags || end > u.length || gram.length < size * size) throw new RangeError('fillLaggedGram: rows out of range');
  const response = size - 1;
  const at = (lag: number) => (lag === 0 ? response : extra + lag);
  /** Flat index of the upper-triangle entry for columns a, b in either order. */
  const cell = (a: number, b: number) => (a <= b ? a * size + b : b * size + a);
  gram[0] = end - first;
  // Sums and products of the extras.
  for (let e = 0; e < extra; e++) {
    const v = extras[e]!;
    let sum = 0;
    for (let t = first; t < end; t++) sum += v[t]!;
    gram[1 + e] = sum;
    for (let f = e; f < extra; f++) {
      const w = extras[f]!;
      let s = 0;
      for (let t = first; t < end; t++) s += v[t]! * w[t]!;
      gram[(1 + e) * size + 1 + f] = s;
    }
  }
  // S(0, l) and the extras' products with u_{t−l}: four lags per pass over the data (each
  // u_t, e_t loaded once for them), every sum still in increasing t.
  const products = new Float64Array(8);
  let l = 0;
  for (; l + 3 <= lags && extra <= 1; l += 4) {
    laggedProducts4(u, extra === 1 ? extras[0]! : null, first, end, l, products);
    for (let j = 0; j < 4; j++) {
      gram[cell(response, at(l + j))] = products[j]!;
      if (extra === 1) gram[size + at(l + j)] = products[4 + j]!;
    }
  }
  for (; l <= lags; l++) {
    let s = 0;
    for (let t = first; t < end; t++) s += u[t]! * u[t - l]!;
    gram[cell(response, at(l))] = s;
    for (let e = 0; e < extra; e++) {
      const v = extras[e]!;
      let p = 0;
      for (let t = first; t < end; t++) p += v[t]! * u[t - l]!;
      gram[(1 + e) * size + at(l)] = p;
    }
  }
  // σ(0) directly, then σ(l) and S(j, l) by the window-shift recurrences.
  let sum = 0;
  for (let t = first; t < end; t++) sum += u[t]!;
  gram[response] = sum;
  for (let l = 1; l <= lags; l++) {
    sum += u[first - l]! - u[end - l]!;
    gram[at(l)] = sum;
  }
  for (let j = 1; j <= lags; j++) {
    const uj = u[first - j]!;
    const vj = u[end - j]!;
    for (let l = j; l <= lags; l++) {
      gram[at(j) * size + at(l)] = gram[cell(at(j - 1), at(l - 1))]! + uj * u[first - l]! - vj * u[end - l]!;
    }
  }
}

/**
 * out[j] = Σ_t u_t u_{t−l−j} and, when `v` is given, out[4+j] = Σ_t v_t u_{t−l−j}, j = 0..3,
 * t = first..end−1, each summed in increasing t.
 */
function laggedProducts4(u: Float64Array, v: Float64Array | null, first: number, end: number, l: number, out: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  if (v === null) {
    for (let t = first; t < end; t++) {
      const a = u[t]!;
      const b = t - l;
      s0 += a * u[b]!;
      s1 += a * u[b - 1]!;
      s2 += a * u[b - 2]!;
      s3 += a * u[b - 3]!;
    }
  } else {
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let t = first; t < end; t++) {
      const a = u[t]!;
      const c = v[t]!;
      const b = t - l;
      const u0 = u[b]!;
      const u1 = u[b - 1]!;
      const u2 = u[b - 2]!;
      const u3 = u[b - 3]!;
      s0 += a * u0;
      s1 += a * u1;
      s2 += a * u2;
      s3 += a * u3;
      p0 += c * u0;
      p1 += c * u1;
      p2 += c * u2;
      p3 += c * u3;
    }
    out[4] = p0;
    out[5] = p1;
    out[6] = p2;
    out[7] = p3;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}
