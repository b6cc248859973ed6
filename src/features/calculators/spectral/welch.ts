/**
 * Welch's power spectral density estimate as tsfresh calls it:
 * scipy.signal.welch(x, nperseg=min(len(x), 256)) with scipy's defaults, i.e. fs = 1, a
 * periodic Hann window, noverlap = nperseg // 2, nfft = nperseg, detrend = 'constant',
 * one-sided density scaling and the mean over segments:
 *
 *     segments s = 0 .. S-1 start at s * step, step = nperseg - noverlap,
 *                  S = (n - noverlap) // step
 *     Y_s = rfft(w * (seg_s - mean(seg_s)))
 *     P[k] = mean_s |Y_s[k]|^2 / sum(w^2), doubled for 0 < k < nfft/2 (both sides folded in)
 *
 * with w[j] = 0.5 + 0.5 cos(-pi + 2 pi j / nperseg) (scipy's general_cosine on
 * linspace(-pi, pi, nperseg + 1), last point dropped); a one-point window is [1].
 * Shared under the memo key 'welch'.
 */
import type { SeriesContext } from '../../calculator.js';
import { fftPlan } from '../../numeric/fft.js';
import { numpyMean, pairwiseSum } from '../../numeric/pairwise-sum.js';

/** tsfresh's longest Welch segment. */
export const MAX_SEGMENT_LENGTH = 256;

const windows = new Map<number, Float64Array>();

/** scipy.signal.get_window('hann', m) (periodic), cached per length. */
export function periodicHann(m: number): Float64Array {
  let w = windows.get(m);
  if (!w) {
    w = new Float64Array(m);
    if (m <= 1) w.fill(1);
    else {
      // numpy.linspace(-pi, pi, m + 1): start + j * step, step = 2pi / m
      const step = (Math.PI - -Math.PI) / m;
      for (let j = 0; j < m; j++) w[j] = 0.5 + 0.5 * Math.cos(j * step + -Math.PI);
    }
    windows.set(m, w);
  }
  return w;
}

/** The Welch density of `x` (n >= 1) with segments of `nperseg` points. */
export function welchDensity(x: Float64Array, nperseg = Math.min(x.length, MAX_SEGMENT_LENGTH)): Float64Array {
  const n = x.length;
  if (n === 0) throw new RangeError('welch of an empty series');
  if (!Number.isInteger(nperseg) || nperseg < 1 || nperseg > n) {
    throw new RangeError(`welch: nperseg must be an integer in 1..${n}, got ${nperseg}`);
  }
  const window = periodicHann(nperseg);
  const squares = new Float64Array(nperseg);
  for (let j = 0; j < nperseg; j++) squares[j] = window[j]! * window[j]!;
  const scale = 1.0 / pairwiseSum(squares);
  const noverlap = Math.floor(nperseg / 2);
  const step = nperseg - noverlap;
  const segments = Math.floor((n - noverlap) / step);
  const bins = Math.floor(nperseg / 2) + 1;
  const plan = fftPlan(nperseg);
  const re = new Float64Array(nperseg);
  const im = new Float64Array(nperseg);
  const total = new Float64Array(bins);
  const lastDoubled = nperseg % 2 === 1 ? bins : bins - 1;
  for (let s = 0; s < segments; s++) {
    const start = s * step;
    const mean = numpyMean(x, start, start + nperseg);
    for (let j = 0; j < nperseg; j++) re[j] = window[j]! * (x[start + j]! - mean);
    im.fill(0);
    plan.forward(re, im);
    for (let k = 0; k < bins; k++) {
      let p = (re[k]! * re[k]! + im[k]! * im[k]!) * scale;
      if (k > 0 && k < lastDoubled) p *= 2;
      total[k]! += p;
    }
  }
  for (let k = 0; k < bins; k++) total[k]! /= segments;
  return total;
}

/** The Welch density of the context's series, shared under the memo key 'welch'. */
export function seriesWelch(ctx: SeriesContext): Float64Array {
  return ctx.memo('welch', () => welchDensity(ctx.x));
}
