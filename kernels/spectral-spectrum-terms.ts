/**
 * The output loops of fft_coefficient and fft_aggregated over a one-sided spectrum re + i im
 * (K terms): the absolute values |X_k| by V8's Math.hypot method (src/features/numeric/hypot.ts,
 * only + - * / sqrt: the same bits) and fft_aggregated's sums. The angles (atan2) and the
 * closing formulas stay in TypeScript.
 */
import { pairwiseSum } from './stats-pairwise-sum';
import { get, put } from './f64-memory';
import { hypot } from './hypot';

/**
 * fft_aggregated's sums of y_k = |X_k| (written to `y`, K values): out = [sum_k y_k (pairwise),
 * sum y_k k, sum y_k k^2, sum y_k k^3, sum y_k k^4] (the last four left to right).
 */
export function spectrumMomentSums(re: usize, im: usize, K: i32, y: usize, out: usize): void {
  for (let k = 0; k < K; k++) put(y, k, hypot(get(re, k), get(im, k)));
  let d1: f64 = 0, d2: f64 = 0, d3: f64 = 0, d4: f64 = 0;
  for (let k = 0; k < K; k++) {
    const v = get(y, k);
    const kf = <f64>k;
    const k2 = kf * kf;
    d1 += v * kf;
    d2 += v * k2;
    d3 += v * (k2 * kf);
    d4 += v * (k2 * k2);
  }
  put(out, 0, pairwiseSum(y, K));
  put(out, 1, d1);
  put(out, 2, d2);
  put(out, 3, d3);
  put(out, 4, d4);
}

/**
 * fft_coefficient's values for `count` requests (i32 coefficient `coeffs[i]`, i32 attribute
 * `attrs[i]`: 0 real, 1 imag, 2 abs, 3 angle): out[i] = Re X_k, Im X_k or |X_k|; NaN for an
 * angle (computed by the caller) and for k >= K.
 */
export function coefficientValues(re: usize, im: usize, K: i32, coeffs: usize, attrs: usize, count: i32, out: usize): void {
  for (let i = 0; i < count; i++) {
    const k = load<i32>(coeffs + (<usize>i << 2));
    const attr = load<i32>(attrs + (<usize>i << 2));
    let value: f64 = NaN;
    if (k < K) {
      if (attr == 0) value = get(re, k);
      else if (attr == 1) value = get(im, k);
      else if (attr == 2) value = hypot(get(re, k), get(im, k));
    }
    put(out, i, value);
  }
}
