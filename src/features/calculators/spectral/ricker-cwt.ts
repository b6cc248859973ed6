/**
 * The continuous wavelet transform with the Ricker ("Mexican hat") wavelet, as
 * scipy.signal.cwt(x, ricker, widths) computes it (and tsfresh, which copies scipy's code):
 *
 *     psi_a(t) = 2 / (sqrt(3a) pi^(1/4)) * (1 - t^2/a^2) * exp(-t^2 / (2a^2))
 *
 * sampled at N = min(10a, n) points t = j - (N-1)/2, and each row of the transform is
 * numpy.convolve(x, psi_a reversed, mode='same'): output i is the full convolution at index
 * i + floor((N-1)/2). scipy.signal.convolve picks the direct method for every size that
 * tsfresh meets (its cost model favours FFT only beyond ~3.5e6 multiplications), so the sums
 * here are direct, not FFT-based: that keeps a flat stretch of the series giving bit-identical
 * outputs, which the peak finder's strict comparisons depend on.
 */

import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

/** One value per (points, a), found by the two numbers (no key string per call). */
class ByPointsAndWidth<T> {
  private readonly byPoints = new Map<number, Map<number, T>>();

  get(points: number, a: number): T | undefined {
    return this.byPoints.get(points)?.get(a);
  }

  set(points: number, a: number, value: T): void {
    let byWidth = this.byPoints.get(points);
    if (!byWidth) this.byPoints.set(points, (byWidth = new Map()));
    byWidth.set(a, value);
  }
}

const wavelets = new ByPointsAndWidth<Float64Array>();

/** scipy's ricker(points, a): the Ricker wavelet of width a sampled at `points` points. */
export function ricker(points: number, a: number): Float64Array {
  let w = wavelets.get(points, a);
  if (!w) {
    // numpy.arange(0, points): ceil(points) samples even for a fractional count.
    w = new Float64Array(Math.ceil(points));
    const amplitude = 2 / (Math.sqrt(3 * a) * Math.PI ** 0.25);
    const wsq = a ** 2;
    for (let j = 0; j < w.length; j++) {
      const t = j - (points - 1.0) / 2;
      const tsq = t ** 2;
      w[j] = amplitude * (1 - tsq / wsq) * Math.exp(-tsq / (2 * wsq));
    }
    wavelets.set(points, a, w);
  }
  return w;
}

/** The wavelet length scipy's cwt uses for width `a` on a series of length n. */
export function rickerLength(a: number, n: number): number {
  return Math.min(10 * a, n);
}

/** One coefficient of the CWT row of width `a`: the 'same'-mode convolution at position i. */
export function rickerCwtAt(x: Float64Array, a: number, i: number): number {
  const n = x.length;
  const h = ricker(rickerLength(a, n), a);
  const full = i + Math.floor((h.length - 1) / 2);
  // y_full[full] = sum_j x[j] * h[full - j] over 0 <= j < n, 0 <= full - j < N
  const lo = Math.max(0, full - h.length + 1);
  const hi = Math.min(n - 1, full);
  let sum = 0;
  for (let j = lo; j <= hi; j++) sum += x[j]! * h[full - j]!;
  return sum;
}

/** `ricker(points, a)` reversed (index k holds `h[N - 1 - k]`), in kernel memory, one per (points, a). */
const reversedWavelets = new ByPointsAndWidth<number>();

function reversedRickerPointer(points: number, a: number): number {
  let pointer = reversedWavelets.get(points, a);
  if (pointer === undefined) {
    const reversed = ricker(points, a).slice().reverse();
    pointer = kernels().reserve(reversed.length);
    kernels().f64.set(reversed, pointer / 8);
    reversedWavelets.set(points, a, pointer);
  }
  return pointer;
}

const series = new KernelBuffer();
const row = new KernelBuffer();

/**
 * The whole CWT row of width `a` (length n), written into `out`: every output is the same sum
 * as {@link rickerCwtAt}'s, in the same order (j ascending from its first term), so the values
 * are bit-identical. The sums run in WebAssembly (kernels/ricker-row.ts), six outputs at a time.
 */
export function rickerCwtRow(x: Float64Array, a: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  const points = rickerLength(a, n);
  kernels().fn.rickerRow(series.copyIn(x), n, reversedRickerPointer(points, a), Math.ceil(points), row.pointer(n));
  out.set(row.view(n));
  return out;
}

/**
 * The CWT rows of widths 1, 2, ..., `widest` of x (n values), each as {@link rickerCwtRow}
 * computes it, written into kernel memory row after row (width a at float64 (a - 1) * n of
 * `rows`, whose pointer is returned): x is copied in once and no row is copied out.
 */
export function rickerCwtRowsInKernel(x: Float64Array, widest: number, rows: KernelBuffer): number {
  const n = x.length;
  const fn = kernels().fn;
  const xAt = series.copyIn(x);
  for (let a = 1; a <= widest; a++) {
    const points = rickerLength(a, n);
    const wavelet = reversedRickerPointer(points, a); // may grow memory: pointers stay, views renew
    fn.rickerRow(xAt, n, wavelet, Math.ceil(points), rows.pointer(widest * n) + (a - 1) * n * 8);
  }
  return rows.pointer(widest * n);
}
