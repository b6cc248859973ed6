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
 * Shared under the memo key 'welch'. The segment loop (means, windowing, the complex FFTs and
 * the power sums) runs in WebAssembly (kernels/spectral-welch.ts); the window and its scale are
 * computed here once per length.
 */
import type { SeriesContext } from '../../calculator.js';
import { fftPlan } from '../../numeric/fft.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from '../statistics/series-moments.js';

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

/** 1 / sum(w^2) of `periodicHann(m)` (numpy's pairwise sum), cached per length. */
const scales = new Map<number, number>();

function densityScale(m: number): number {
  let scale = scales.get(m);
  if (scale === undefined) {
    const window = periodicHann(m);
    const squares = new Float64Array(m);
    for (let j = 0; j < m; j++) squares[j] = window[j]! * window[j]!;
    scale = 1.0 / pairwiseSum(squares);
    scales.set(m, scale);
  }
  return scale;
}

/** The Hann windows in kernel memory, one region per length. */
const kernelWindows = new Map<number, number>();

function windowPointer(m: number): number {
  let pointer = kernelWindows.get(m);
  if (pointer === undefined) {
    pointer = kernels().reserve(m);
    kernels().f64.set(periodicHann(m), pointer / 8);
    kernelWindows.set(m, pointer);
  }
  return pointer;
}

const series = new KernelBuffer();
const work = new KernelBuffer();
/** The density of the series `densityOwner`. */
const density = new KernelBuffer();
/** The density of `welchDensity`'s argument. */
const freeDensity = new KernelBuffer();

/** The number of density terms for segments of `nperseg`. */
function binCount(nperseg: number): number {
  return Math.floor(nperseg / 2) + 1;
}

function checkSegment(n: number, nperseg: number): void {
  if (n === 0) throw new RangeError('welch of an empty series');
  if (!Number.isInteger(nperseg) || nperseg < 1 || nperseg > n) {
    throw new RangeError(`welch: nperseg must be an integer in 1..${n}, got ${nperseg}`);
  }
}

/**
 * The Welch density of the `n` float64s at kernel pointer `x` into the region `into` (its
 * pointer returned; nperseg / 2 + 1 values). The segment loop, the FFTs and the power sums
 * run in WebAssembly (kernels/spectral-welch.ts).
 */
function welchInKernel(x: number, n: number, nperseg: number, into: KernelBuffer): number {
  checkSegment(n, nperseg);
  const plan = fftPlan(nperseg);
  const workPointer = work.pointer(2 * nperseg + plan.workSize);
  const out = into.pointer(binCount(nperseg));
  kernels().fn.welchDensity(x, n, nperseg, windowPointer(nperseg), densityScale(nperseg), plan.header, workPointer, out);
  return out;
}

/** The Welch density of `x` (n >= 1) with segments of `nperseg` points. */
export function welchDensity(x: Float64Array, nperseg = Math.min(x.length, MAX_SEGMENT_LENGTH)): Float64Array {
  checkSegment(x.length, nperseg);
  welchInKernel(series.copyIn(x), x.length, nperseg, freeDensity);
  return freeDensity.view(binCount(nperseg)).slice();
}

/** The context whose density `density` holds. */
let densityOwner: SeriesContext | null = null;

/**
 * The Welch density of the context's series in kernel memory (read from the shared series
 * copy, statistics/series-moments.ts `seriesPointer`): its pointer, valid until the next call
 * for another series; `seriesWelchLength(ctx)` values.
 */
export function seriesWelchPointer(ctx: SeriesContext): number {
  const n = ctx.x.length;
  const nperseg = Math.min(n, MAX_SEGMENT_LENGTH);
  if (densityOwner !== ctx) {
    welchInKernel(seriesPointer(ctx), n, nperseg, density);
    densityOwner = ctx;
  }
  return density.pointer(binCount(nperseg));
}

/** The number of terms of the context's Welch density (n >= 1). */
export function seriesWelchLength(ctx: SeriesContext): number {
  return binCount(Math.min(ctx.x.length, MAX_SEGMENT_LENGTH));
}

/** The Welch density of the context's series, shared under the memo key 'welch'. */
export function seriesWelch(ctx: SeriesContext): Float64Array {
  return ctx.memo('welch', () => {
    const start = seriesWelchPointer(ctx) / 8;
    return kernels().f64.slice(start, start + seriesWelchLength(ctx));
  });
}
