/**
 * The shared spectrum of a series: numpy.fft.rfft(x), computed once per series under the memo
 * key 'rfft' and used by fft_coefficient and fft_aggregated (and any other family that needs
 * it: call `seriesRfft(ctx)` rather than computing it again).
 *
 * For every length where numpy uses its mixed-radix real FFT (all lengths below 50 and all
 * with small prime factors, i.e. everything tsfresh usually meets) the spectrum is numpy's
 * own, bit for bit (numeric/pocketfft-rfft.ts): tsfresh's values include numpy's rounding
 * noise, e.g. the angles of the ~1e-12 "zero" terms of a constant series. For the remaining
 * lengths (numpy switches to Bluestein's algorithm) we use `accurateRfft` below.
 *
 * Precision of the fallback: telemetry gauges sit around 1e8 while their fluctuations are a few thousand, so
 * the zero-frequency term is ~1e11 and every other term is ~1e5 or smaller. Any FFT (numpy's
 * pocketfft included) spreads a rounding error of about eps * ||x|| over all terms, which would
 * eat most of a 1e-6 budget on the small terms. Since the DFT is linear and sum_j W^{jk} = 0
 * for k != 0, we transform x - c instead (c = the mean, or x[0] for a constant series so that
 * the difference is exactly 0; x_j - c is exact whenever x_j is within a factor 2 of c) and
 * compute the zero-frequency term as numpy's sum of x. The result is then correct to a few
 * ulps of the fluctuations, i.e. at least as accurate as numpy on every term.
 */
import type { SeriesContext } from '../../calculator.js';
import { rfft } from '../../numeric/fft.js';
import { pocketfftRfft, pocketfftRfftInKernel, pocketfftRfftSupported } from '../../numeric/pocketfft-rfft.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { seriesPointer } from '../statistics/series-moments.js';

/** The one-sided spectrum X[0 .. floor(n/2)] of a real series. */
export interface RealSpectrum {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** numpy.fft.rfft of `x` (n >= 1), computed around an offset as described above. */
export function accurateRfft(x: Float64Array): RealSpectrum {
  const n = x.length;
  if (n === 0) throw new RangeError('rfft of an empty series');
  const total = pairwiseSum(x);
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = x[i] === x[0];
  const offset = constant ? x[0]! : total / n;
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = x[i]! - offset;
  const spectrum = rfft(centred);
  spectrum.re[0] = total;
  spectrum.im[0] = 0;
  // An exactly zero term is +0, as numpy gives it (a -0 would turn its angle into 180 deg).
  for (let k = 0; k < spectrum.re.length; k++) {
    spectrum.re[k]! += 0;
    spectrum.im[k]! += 0;
  }
  return spectrum;
}

/** numpy.fft.rfft(x): numpy's own arithmetic where ported, else `accurateRfft`. */
export function numpyRfft(x: Float64Array): RealSpectrum {
  return pocketfftRfftSupported(x.length) ? pocketfftRfft(x) : accurateRfft(x);
}

const spectrum = new KernelBuffer();
/** The context whose spectrum `spectrum` holds. */
let spectrumOwner: SeriesContext | null = null;

/** The number of rfft terms of a series of n >= 1 values: floor(n/2) + 1. */
export function rfftLength(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * `numpyRfft(ctx.x)` in kernel memory (non-empty series): its pointer, with the K =
 * rfftLength(n) real parts there and the K imaginary parts after them; valid until the next
 * call for another series. numpy's own passes read the series where statistics/series-moments.ts
 * `seriesPointer` keeps it (no copy); the Bluestein-length fallback is copied in.
 */
export function seriesSpectrumPointer(ctx: SeriesContext): number {
  const n = ctx.x.length;
  const half = rfftLength(n);
  const pointer = spectrum.pointer(2 * half);
  if (spectrumOwner !== ctx) {
    if (pocketfftRfftSupported(n)) pocketfftRfftInKernel(seriesPointer(ctx), n, pointer);
    else {
      const { re, im } = accurateRfft(ctx.x);
      kernels().f64.set(re, pointer / 8);
      kernels().f64.set(im, pointer / 8 + half);
    }
    spectrumOwner = ctx;
  }
  return pointer;
}

/** The rfft of the context's series, shared under the memo key 'rfft'. */
export function seriesRfft(ctx: SeriesContext): RealSpectrum {
  return ctx.memo('rfft', () => {
    const half = rfftLength(ctx.x.length);
    const start = seriesSpectrumPointer(ctx) / 8;
    const terms = kernels().f64;
    return { re: terms.slice(start, start + half), im: terms.slice(start + half, start + 2 * half) };
  });
}
