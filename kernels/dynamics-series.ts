/**
 * Shifted copies of a series for the dynamics regressions (src/features/calculators/dynamics/
 * augmented-dickey-fuller.ts, ar-coefficient.ts): the fixed shifts keep series far from zero
 * well conditioned and change no fitted model.
 */
import { get, put } from './f64-memory';

/** out_t = x_t − c, t = 0..n−1. */
export function shiftSeries(x: usize, n: i32, c: f64, out: usize): void {
  for (let t = 0; t < n; t++) put(out, t, get(x, t) - c);
}

/**
 * The ADF regressors u_t = x_t − x_{t−1} − diffShift and L_t = x_{t−1} − levelShift for
 * t = 1..n−1 (u_0 = L_0 = 0). Returns 0 when some x_t is NaN or infinite (x − x ≠ 0), else 1.
 */
export function adfSeries(x: usize, n: i32, levelShift: f64, diffShift: f64, u: usize, level: usize): i32 {
  let finite = true;
  for (let t = 0; t < n; t++) {
    const v = get(x, t);
    finite = finite && v - v == 0;
  }
  put(u, 0, 0);
  put(level, 0, 0);
  for (let s = 1; s < n; s++) {
    put(u, s, get(x, s) - get(x, s - 1) - diffShift);
    put(level, s, get(x, s - 1) - levelShift);
  }
  return finite ? 1 : 0;
}

/** 1 when some x_t (t < n) is NaN, else 0. */
export function hasNaN(x: usize, n: i32): i32 {
  let nan = false;
  for (let t = 0; t < n; t++) {
    const v = get(x, t);
    nan = nan || v != v;
  }
  return nan ? 1 : 0;
}

/**
 * The ADF design on rows t = first..n−1 (m = n − first rows), column-major into `a`: columns
 * [1, x_{t−1} − levelShift, Δx_{t−1} − diffShift, ..., Δx_{t−lags} − diffShift], and the
 * response Δx_t − diffShift into `y` (Δx_s = x_s − x_{s−1}). Requires first ≥ lags + 1.
 */
export function adfDesign(x: usize, n: i32, first: i32, lags: i32, levelShift: f64, diffShift: f64, a: usize, y: usize): void {
  const m = n - first;
  for (let r = 0; r < m; r++) {
    const t = first + r;
    put(a, r, 1);
    put(a, m + r, get(x, t - 1) - levelShift);
    for (let j = 1; j <= lags; j++) put(a, (1 + j) * m + r, get(x, t - j) - get(x, t - j - 1) - diffShift);
    put(y, r, get(x, t) - get(x, t - 1) - diffShift);
  }
}

/**
 * The centered AR(k) design of `x[0..n)` for the QR fallback of
 * src/features/calculators/dynamics/ar-coefficient.ts: rows t = k..n−1 (m = n − k), column
 * i = 1..k holding x_{t−i} − mean_i column-major at `a` (column i at offset (i−1)·m), the
 * response x_t − ȳ into `y`, and [ȳ, mean_1..mean_k] into `means`; every mean a plain
 * left-to-right sum over its m values divided by m.
 */
export function arCenteredDesign(x: usize, n: i32, k: i32, a: usize, y: usize, means: usize): void {
  const m = n - k;
  let yMean: f64 = 0;
  for (let t = 0; t < m; t++) yMean += get(x, k + t);
  yMean /= <f64>m;
  put(means, 0, yMean);
  for (let t = 0; t < m; t++) put(y, t, get(x, k + t) - yMean);
  for (let i = 1; i <= k; i++) {
    let mean: f64 = 0;
    for (let t = 0; t < m; t++) mean += get(x, k + t - i);
    mean /= <f64>m;
    put(means, i, mean);
    const column = (i - 1) * m;
    for (let t = 0; t < m; t++) put(a, column + t, get(x, k + t - i) - mean);
  }
}
