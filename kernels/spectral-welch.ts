/**
 * Welch's density as src/features/calculators/spectral/welch.ts defines it (scipy.signal.welch
 * with tsfresh's arguments): per segment s of `nperseg` points starting at s * step,
 * re = w * (seg - mean(seg)) (numpy's pairwise mean), its complex FFT, and the one-sided powers
 * (re^2 + im^2) * scale, doubled for 0 < k < nperseg / 2, summed over segments in order and
 * divided by their count.
 */
import { pairwiseSum } from './stats-pairwise-sum';
import { fftForward } from './spectral-complex-fft';
import { get, put } from './f64-memory';

/**
 * The Welch density of `x[0..n)` into `out` (nperseg / 2 + 1 values): `window` the nperseg
 * Hann weights, `scale` = 1 / sum(w^2), `plan` the FFT plan header of length nperseg;
 * `work` 2 nperseg values plus the plan's work.
 */
export function welchDensity(x: usize, n: i32, nperseg: i32, window: usize, scale: f64, plan: usize, work: usize, out: usize): void {
  const noverlap = nperseg >> 1;
  const step = nperseg - noverlap;
  const segments = (n - noverlap) / step;
  const bins = (nperseg >> 1) + 1;
  const lastDoubled = (nperseg & 1) == 1 ? bins : bins - 1;
  const re = work, im = work + (<usize>nperseg << 3);
  const fftWork = work + (<usize>nperseg << 4);
  memory.fill(out, 0, <usize>bins << 3);
  for (let s = 0; s < segments; s++) {
    const segment = x + (<usize>(s * step) << 3);
    const mean = pairwiseSum(segment, nperseg) / <f64>nperseg;
    for (let j = 0; j < nperseg; j++) put(re, j, get(window, j) * (get(segment, j) - mean));
    memory.fill(im, 0, <usize>nperseg << 3);
    fftForward(re, im, fftWork, plan);
    for (let k = 0; k < bins; k++) {
      const r = get(re, k), i = get(im, k);
      let p = (r * r + i * i) * scale;
      if (k > 0 && k < lastDoubled) p *= 2;
      put(out, k, get(out, k) + p);
    }
  }
  for (let k = 0; k < bins; k++) put(out, k, get(out, k) / <f64>segments);
}

/**
 * fourier_entropy's normalisation: `out[k] = x[k] / max` over `x[0..n)`, max the largest value
 * (NaN when some value is NaN; -Infinity's start when n = 0).
 */
export function divideByMax(x: usize, n: i32, out: usize): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = get(x, k);
    if (v > max || v != v) max = v;
  }
  for (let k = 0; k < n; k++) put(out, k, get(x, k) / max);
}
