/**
 * statsmodels' acovf(x, adjusted=True, demean=True) (src/features/calculators/dynamics/
 * autocovariance.ts): with c_t = x_t − mean,
 *
 *     out[k] = (Σ_{t=0}^{n−1−k} c_t c_{t+k}) / (n − k),   k = 0..want−1 (want ≤ n),
 *
 * every sum in increasing t. Eight lags per pass over the data as four f64x2 accumulators
 * (lanes k, k+1: the vector loaded at c_{t+k}), the t that only the shorter sums miss
 * finished lane by lane; then two lags per pass, then one. `centered` receives the n c_t.
 */
import { get, put } from './f64-memory';

export function autocovariance(x: usize, n: i32, mean: f64, want: i32, centered: usize, out: usize): void {
  for (let i = 0; i < n; i++) put(centered, i, get(x, i) - mean);
  const c = centered;
  let k = 0;
  for (; k + 7 < want; k += 8) {
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    const common = n - k - 7; // t < common is inside all eight sums
    for (let t = 0; t < common; t++) {
      const ct = f64x2.splat(get(c, t));
      const at = c + (<usize>(t + k) << 3);
      a0 = f64x2.add(a0, f64x2.mul(ct, v128.load(at)));
      a1 = f64x2.add(a1, f64x2.mul(ct, v128.load(at, 16)));
      a2 = f64x2.add(a2, f64x2.mul(ct, v128.load(at, 32)));
      a3 = f64x2.add(a3, f64x2.mul(ct, v128.load(at, 48)));
    }
    finish(c, n, k, common, f64x2.extract_lane(a0, 0), out);
    finish(c, n, k + 1, common, f64x2.extract_lane(a0, 1), out);
    finish(c, n, k + 2, common, f64x2.extract_lane(a1, 0), out);
    finish(c, n, k + 3, common, f64x2.extract_lane(a1, 1), out);
    finish(c, n, k + 4, common, f64x2.extract_lane(a2, 0), out);
    finish(c, n, k + 5, common, f64x2.extract_lane(a2, 1), out);
    finish(c, n, k + 6, common, f64x2.extract_lane(a3, 0), out);
    finish(c, n, k + 7, common, f64x2.extract_lane(a3, 1), out);
  }
  for (; k + 1 < want; k += 2) {
    let a0 = f64x2.splat(0);
    const common = n - k - 1;
    for (let t = 0; t < common; t++) a0 = f64x2.add(a0, f64x2.mul(f64x2.splat(get(c, t)), v128.load(c + (<usize>(t + k) << 3))));
    finish(c, n, k, common, f64x2.extract_lane(a0, 0), out);
    finish(c, n, k + 1, common, f64x2.extract_lane(a0, 1), out);
  }
  for (; k < want; k++) finish(c, n, k, 0, 0, out);
}

/** Lag k's sum continued from t = from (s so far) to its end, divided by n − k, into out[k]. */
@inline function finish(c: usize, n: i32, k: i32, from: i32, s: f64, out: usize): void {
  for (let t = from; t < n - k; t++) s += get(c, t) * get(c, t + k);
  put(out, k, s / <f64>(n - k));
}
