/**
 * The complex forward FFT of src/features/numeric/fft.ts for any length: the Stockham passes
 * (spectral-stockham-fft.ts) where every prime factor is small, else Bluestein's chirp-z
 * convolution on a power-of-two Stockham FFT, every operation in the TypeScript plan's order.
 *
 * A plan is a float64 header the TypeScript side writes once per length:
 * - Stockham:  [0, n, stages, pass table pointer, scratch values]; work: 2n + scratch values;
 * - Bluestein: [1, n, m, chirpRe, chirpIm, kernelRe, kernelIm, inner header pointer] with
 *   c_j = exp(-i pi j^2 / n) and the kernel FFT(conj chirp laid out circularly) / m;
 *   work: 2m + the inner plan's work.
 */
import { stockhamForward } from './spectral-stockham-fft';
import { get, put } from './f64-memory';

/** Transforms re + i im (n values each, n the plan's length) in place by the plan header `plan`, in `work`. */
export function fftForward(re: usize, im: usize, work: usize, plan: usize): void {
  const n = <i32>get(plan, 1);
  if (get(plan, 0) == 0) {
    stockhamForward(re, im, work, work + (<usize>n << 3), n, <usize>get(plan, 3), <i32>get(plan, 2), work + (<usize>n << 4));
    return;
  }
  const m = <i32>get(plan, 2);
  const chirpRe = <usize>get(plan, 3), chirpIm = <usize>get(plan, 4);
  const kernelRe = <usize>get(plan, 5), kernelIm = <usize>get(plan, 6);
  const inner = <usize>get(plan, 7);
  const wRe = work, wIm = work + (<usize>m << 3);
  const innerWork = work + (<usize>m << 4);
  memory.fill(wRe, 0, <usize>m << 4);
  for (let j = 0; j < n; j++) {
    const r = get(re, j), i = get(im, j), cr = get(chirpRe, j), ci = get(chirpIm, j);
    put(wRe, j, r * cr - i * ci);
    put(wIm, j, r * ci + i * cr);
  }
  fftForward(wRe, wIm, innerWork, inner);
  // multiply by the kernel and conjugate, so that a forward FFT performs the inverse
  for (let j = 0; j < m; j++) {
    const ar = get(wRe, j), ai = get(wIm, j), br = get(kernelRe, j), bi = get(kernelIm, j);
    put(wRe, j, ar * br - ai * bi);
    put(wIm, j, -(ar * bi + ai * br));
  }
  fftForward(wRe, wIm, innerWork, inner);
  for (let k = 0; k < n; k++) {
    const ar = get(wRe, k), ai = -get(wIm, k), cr = get(chirpRe, k), ci = get(chirpIm, k);
    put(re, k, ar * cr - ai * ci);
    put(im, k, ar * ci + ai * cr);
  }
}
