/**
 * The spectral loops that moved into WebAssembly (kernels/spectral-welch.ts,
 * spectral-complex-fft.ts, spectral-spectrum-terms.ts) against plain TypeScript references
 * of the loops they replaced, value by value with Object.is: Welch on every segment length
 * class (odd, even, one point, Bluestein primes), fft_coefficient / fft_aggregated on numpy's
 * and the fallback spectrum, fourier_entropy, with NaN, infinities, constants and short series.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeriesContext, type Calculator } from '../../src/features/calculator.js';
import type { ParamSet } from '../../src/features/params.js';
import { fft } from '../../src/features/numeric/fft.js';
import { hypot } from '../../src/features/numeric/hypot.js';
import { pairwiseSum } from '../../src/features/numeric/pairwise-sum.js';
import { binnedEntropy } from '../../src/features/numeric/binned-entropy.js';
import { shannonEntropy } from '../../src/features/numeric/shannon-entropy.js';
import { numpyRfft } from '../../src/features/calculators/spectral/series-rfft.js';
import { periodicHann, seriesWelch, welchDensity } from '../../src/features/calculators/spectral/welch.js';
import { fftCoefficient } from '../../src/features/calculators/spectral/fft-coefficient.js';
import { fftAggregated } from '../../src/features/calculators/spectral/fft-aggregated.js';
import { fourierEntropy } from '../../src/features/calculators/spectral/fourier-entropy.js';
import { spktWelchDensity } from '../../src/features/calculators/spectral/spkt-welch-density.js';

/** A seeded series of length n: a random walk (kind 0), gauge-like 1e8 + noise (1), integers (2). */
function series(n: number, kind: number, seed: number): Float64Array {
  let s = seed * 7919 + n + 1;
  const uniform = (): number => (s = (s * 48271) % 2147483647) / 2147483647;
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (kind === 0) x[i] = v += uniform() - 0.5;
    else if (kind === 1) x[i] = 1e8 + (uniform() - 0.5) * 1e4;
    else x[i] = Math.round(uniform() * 6 - 3);
  }
  return x;
}

function assertSame(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual[i], expected[i]), `${what} [${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

/** The TypeScript segment loop the Welch kernel replaced, over the (digest-pinned) complex FFT. */
function referenceWelch(x: Float64Array, nperseg: number): Float64Array {
  const window = periodicHann(nperseg);
  const squares = window.map((w) => w * w);
  const scale = 1.0 / pairwiseSum(squares);
  const noverlap = Math.floor(nperseg / 2);
  const step = nperseg - noverlap;
  const segments = Math.floor((x.length - noverlap) / step);
  const bins = Math.floor(nperseg / 2) + 1;
  const lastDoubled = nperseg % 2 === 1 ? bins : bins - 1;
  const total = new Float64Array(bins);
  for (let s = 0; s < segments; s++) {
    const start = s * step;
    const mean = pairwiseSum(x, start, nperseg) / nperseg;
    const seg = new Float64Array(nperseg);
    for (let j = 0; j < nperseg; j++) seg[j] = window[j]! * (x[start + j]! - mean);
    const { re, im } = fft(seg, new Float64Array(nperseg));
    for (let k = 0; k < bins; k++) {
      let p = (re[k]! * re[k]! + im[k]! * im[k]!) * scale;
      if (k > 0 && k < lastDoubled) p *= 2;
      total[k]! += p;
    }
  }
  for (let k = 0; k < bins; k++) total[k]! /= segments;
  return total;
}

/** Lengths: short ones, odd/even segments, Bluestein segment lengths (41, 97, 251), 256 and beyond. */
const LENGTHS = [1, 2, 3, 4, 5, 7, 8, 12, 41, 60, 97, 251, 255, 256, 257, 600, 777];

function withSpecials(x: Float64Array, trial: number): Float64Array {
  const y = Float64Array.from(x);
  if (trial === 1 && y.length > 2) y[Math.floor(y.length / 2)] = Number.NaN;
  if (trial === 2) y.fill(3.25);
  if (trial === 3 && y.length > 1) y[y.length - 1] = Number.POSITIVE_INFINITY;
  if (trial === 4) y.fill(-0);
  return y;
}

test('Welch in WebAssembly equals the TypeScript segment loop: every segment class, NaN, infinity, constants', () => {
  for (const n of LENGTHS) {
    for (let trial = 0; trial < 5; trial++) {
      const x = withSpecials(series(n, trial % 3, trial), trial);
      assertSame(welchDensity(x), referenceWelch(x, Math.min(n, 256)), `n ${n} trial ${trial}`);
      // explicit segment lengths: odd, even, 1, a Bluestein prime
      for (const nperseg of [1, 2, 3, 41].filter((m) => m <= n)) {
        assertSame(welchDensity(x, nperseg), referenceWelch(x, nperseg), `n ${n} trial ${trial} nperseg ${nperseg}`);
      }
      // the calculator path (series read from kernel memory) gives the same density
      assertSame(seriesWelch(new SeriesContext(x)), referenceWelch(x, Math.min(n, 256)), `seriesWelch n ${n} trial ${trial}`);
    }
  }
});

const COEFFICIENT_PARAMS: ParamSet[] = [];
for (const attr of ['real', 'imag', 'abs', 'angle']) for (const coeff of [0, 1, 2, 3, 50, 128, 400]) COEFFICIENT_PARAMS.push({ attr, coeff });
const AGG_PARAMS: ParamSet[] = ['centroid', 'variance', 'skew', 'kurtosis'].map((aggtype) => ({ aggtype }));

function compute(calc: Calculator, x: Float64Array, params: ParamSet[]): Float64Array {
  const out = new Float64Array(params.length + 2).fill(7);
  calc.compute(new SeriesContext(x), params, out, 1);
  assert.ok(out[0] === 7 && out[params.length + 1] === 7, `${calc.name} wrote outside its range`);
  return out.subarray(1, params.length + 1);
}

/** fft_coefficient's output loop as TypeScript did it. */
function referenceCoefficients(x: Float64Array): number[] {
  const { re, im } = numpyRfft(x);
  return COEFFICIENT_PARAMS.map(({ attr, coeff }) => {
    const k = coeff as number;
    if (k >= re.length) return Number.NaN;
    if (attr === 'real') return re[k]!;
    if (attr === 'imag') return im[k]!;
    if (attr === 'abs') return hypot(re[k]!, im[k]!);
    return Math.atan2(im[k]!, re[k]!) * (180 / Math.PI);
  });
}

/** fft_aggregated's loops and formulas as TypeScript did them. */
function referenceAggregates(x: Float64Array): number[] {
  const { re, im } = numpyRfft(x);
  const y = re.map((r, k) => hypot(r, im[k]!));
  const total = pairwiseSum(y);
  let d1 = 0, d2 = 0, d3 = 0, d4 = 0;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!, k2 = k * k;
    d1 += v * k;
    d2 += v * k2;
    d3 += v * (k2 * k);
    d4 += v * (k2 * k2);
  }
  const m1 = d1 / total, m2 = d2 / total, m3 = d3 / total, m4 = d4 / total;
  const variance = m2 - m1 ** 2;
  const small = variance < 0.5;
  const skew = small ? Number.NaN : (m3 - 3 * m1 * variance - m1 ** 3) / variance ** 1.5;
  const kurtosis = small ? Number.NaN : (m4 - 4 * m1 * m3 + 6 * m2 * m1 ** 2 - 3 * m1) / variance ** 2;
  return [m1, variance, skew, kurtosis];
}

test('fft_coefficient and fft_aggregated output loops in WebAssembly equal the TypeScript loops (numpy and fallback spectra)', () => {
  // 101 and 257: numpy's Bluestein lengths, where the spectrum is accurateRfft's
  for (const n of [1, 2, 3, 4, 7, 8, 12, 101, 256, 257, 600, 801]) {
    for (let trial = 0; trial < 5; trial++) {
      const x = withSpecials(series(n, trial % 3, trial + 10), trial);
      assertSame(compute(fftCoefficient, x, COEFFICIENT_PARAMS), referenceCoefficients(x), `fft_coefficient n ${n} trial ${trial}`);
      assertSame(compute(fftAggregated, x, AGG_PARAMS), referenceAggregates(x), `fft_aggregated n ${n} trial ${trial}`);
    }
  }
});

test('fourier_entropy and spkt_welch_density read the kernel density: equal to binning the normalised TypeScript density', () => {
  const params = [1, 2, 5, 10, 100].map((bins) => ({ bins }));
  for (const n of [1, 2, 5, 41, 256, 600]) {
    for (let trial = 0; trial < 5; trial++) {
      const x = withSpecials(series(n, trial % 3, trial + 20), trial);
      const pxx = referenceWelch(x, Math.min(n, 256));
      let max = -Infinity;
      for (const v of pxx) if (v > max || Number.isNaN(v)) max = v;
      const normalised = pxx.map((v) => v / max);
      const expected = params.map(({ bins }) => binnedEntropy(normalised, bins));
      const ctx = new SeriesContext(x);
      const got = new Float64Array(params.length);
      fourierEntropy.compute(ctx, params, got, 0);
      assertSame(got, expected, `fourier_entropy n ${n} trial ${trial}`);
      const welch = new Float64Array(3);
      spktWelchDensity.compute(ctx, [{ coeff: 0 }, { coeff: 1 }, { coeff: 2 }], welch, 0);
      assertSame(welch, [0, 1, 2].map((k) => (k < pxx.length ? pxx[k]! : Number.NaN)), `spkt_welch_density n ${n} trial ${trial}`);
    }
  }
});

test('shannonEntropy reads counts from an offset; empty cells add 0; a zero entropy is +0', () => {
  const counts = Int32Array.from([9, 9, 1, 0, 3]);
  const expected = 0 - ((1 / 4) * Math.log(1 / 4) + 0 + (3 / 4) * Math.log(3 / 4));
  assert.ok(Object.is(shannonEntropy(counts, 3, 4, 2), expected));
  assert.ok(Object.is(shannonEntropy(Int32Array.from([5]), 1, 5), 0));
});
