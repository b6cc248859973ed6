import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext, type Calculator } from '../../src/features/calculator.js';
import type { ParamSet } from '../../src/features/params.js';
import { fft, rfft, unitRoot } from '../../src/features/numeric/fft.js';
import { fusedMultiplyAdd, pocketfftRfft, pocketfftRfftSupported } from '../../src/features/numeric/pocketfft-rfft.js';
import { pairwiseSum as numpySum } from '../../src/features/numeric/pairwise-sum.js';
import { accurateRfft } from '../../src/features/calculators/spectral/series-rfft.js';
import { fftCoefficient } from '../../src/features/calculators/spectral/fft-coefficient.js';
import { fftAggregated } from '../../src/features/calculators/spectral/fft-aggregated.js';
import { cwtCoefficients } from '../../src/features/calculators/spectral/cwt-coefficients.js';
import { ricker, rickerCwtAt, rickerCwtRow } from '../../src/features/calculators/spectral/ricker-cwt.js';
import { numberCwtPeaks } from '../../src/features/calculators/spectral/number-cwt-peaks.js';
import {
  countPeaksCwt,
  findPeaksCwt,
  identifyRidgeLines,
  relativeMaxima,
  scoreAtPercentile,
  slidingPercentile,
} from '../../src/features/calculators/spectral/find-peaks-cwt.js';
import { periodicHann, welchDensity } from '../../src/features/calculators/spectral/welch.js';
import { spktWelchDensity } from '../../src/features/calculators/spectral/spkt-welch-density.js';
import { binnedEntropy } from '../../src/features/numeric/binned-entropy.js';
import { histogramCounts } from '../../src/features/numeric/equal-width-bins.js';

/** np.histogram(x, bins) counts as a plain array. */
function numpyHistogram(x: Float64Array, bins: number): number[] {
  return Array.from(histogramCounts(x, bins, new Int32Array(bins), new Float64Array(bins + 1)));
}
import { fourierEntropy } from '../../src/features/calculators/spectral/fourier-entropy.js';

function run(calc: Calculator, x: number[], params: ParamSet[]): number[] {
  const out = new Float64Array(params.length);
  calc.compute(new SeriesContext(Float64Array.from(x)), params, out, 0);
  return Array.from(out);
}

function close(actual: number, expected: number, tol = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);
}

function naiveDft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const oRe = new Float64Array(n);
  const oIm = new Float64Array(n);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      oRe[k]! += re[j]! * Math.cos(a) - im[j]! * Math.sin(a);
      oIm[k]! += re[j]! * Math.sin(a) + im[j]! * Math.cos(a);
    }
  return { re: oRe, im: oIm };
}

test('unitRoot gives cos/sin of 2*pi*k/n in every octant', () => {
  const out = new Float64Array(2);
  for (const [k, n] of [[0, 8], [1, 8], [3, 8], [5, 12], [7, 9], [-1, 4], [11, 10]] as const) {
    unitRoot(k, n, out);
    close(out[0]!, Math.cos((2 * Math.PI * k) / n), 1e-15);
    close(out[1]!, Math.sin((2 * Math.PI * k) / n), 1e-15);
  }
});

test('fft matches a direct DFT for radix-2/3/4/5, generic-prime and Bluestein lengths', () => {
  for (const n of [1, 2, 3, 4, 5, 6, 7, 12, 17, 30, 37, 41, 97, 180, 1009]) {
    const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 7));
    const im = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
    const got = fft(re, im);
    const want = naiveDft(re, im);
    for (let k = 0; k < n; k++) {
      close(got.re[k]!, want.re[k]!, 1e-11);
      close(got.im[k]!, want.im[k]!, 1e-11);
    }
  }
});

test('rfft of [1, 2, 3, 4] is [10, -2+2i, -2]', () => {
  for (const spectrum of [rfft(Float64Array.from([1, 2, 3, 4])), pocketfftRfft(Float64Array.from([1, 2, 3, 4])), accurateRfft(Float64Array.from([1, 2, 3, 4]))]) {
    assert.deepEqual(Array.from(spectrum.re), [10, -2, -2]);
    assert.deepEqual(Array.from(spectrum.im), [0, 2, 0]);
  }
});

test('the pocketfft port agrees with a direct DFT on ported lengths', () => {
  for (const n of [1, 2, 3, 5, 7, 17, 49, 60, 100, 180, 300, 1200]) {
    assert.ok(pocketfftRfftSupported(n), `length ${n} should be ported`);
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 100 + i);
    const got = pocketfftRfft(x);
    const want = naiveDft(x, new Float64Array(n));
    for (let k = 0; k < got.re.length; k++) {
      close(got.re[k]!, want.re[k]!, 1e-10);
      close(got.im[k]!, want.im[k]!, 1e-10);
    }
  }
  assert.equal(pocketfftRfftSupported(1009), false, 'numpy uses Bluestein for the prime 1009');
});

test("numpy's rounding noise is reproduced bit for bit (constant series, tsfresh golden values)", () => {
  const noisy = pocketfftRfft(new Float64Array(180).fill(3448));
  assert.equal(noisy.re[0], 620640);
  assert.equal(noisy.re[1], 2.5091582907797664e-11);
  assert.equal(noisy.im[1], -1.756931549765383e-11);
  assert.equal(noisy.re[36], 9.094947017729282e-13);
  const clean = pocketfftRfft(new Float64Array(180).fill(2086));
  for (let k = 1; k < clean.re.length; k++) assert.ok(clean.re[k] === 0 && clean.im[k] === 0, `term ${k}`);
});

test('fusedMultiplyAdd rounds once', () => {
  assert.equal(fusedMultiplyAdd(0.1, 10, -1), 2 ** -54);
  assert.equal(0.1 * 10 - 1, 0); // two roundings lose it
  assert.equal(fusedMultiplyAdd(2, 3, 4), 10);
  assert.equal(fusedMultiplyAdd(-1.5, 2, 0.5), -2.5);
});

test("numpySum associates as numpy's pairwise sum", () => {
  assert.equal(numpySum(Float64Array.from({ length: 200 }, (_, i) => i + 1)), 20100);
  // 8-way unrolled block then the remainder: ((1e16+1)+(1+1)) + ((1+1)+(1+1)) - 1e16 = 6,
  // where a left-to-right sum gives 0.
  assert.equal(numpySum(Float64Array.from([1e16, 1, 1, 1, 1, 1, 1, 1, -1e16])), 6);
  assert.equal(numpySum(new Float64Array(0)), 0);
});

test('fft_coefficient: real, imag, abs, angle in degrees, NaN past the spectrum', () => {
  const params = [
    { attr: 'real', coeff: 0 },
    { attr: 'imag', coeff: 1 },
    { attr: 'abs', coeff: 1 },
    { attr: 'angle', coeff: 1 },
    { attr: 'real', coeff: 2 },
    { attr: 'angle', coeff: 2 },
    { attr: 'abs', coeff: 3 },
  ];
  const got = run(fftCoefficient, [1, 2, 3, 4], params);
  assert.deepEqual(got.slice(0, 2), [10, 2]);
  close(got[2]!, 2 * Math.SQRT2);
  close(got[3]!, 135);
  assert.equal(got[4], -2);
  close(got[5]!, 180);
  assert.ok(Number.isNaN(got[6]!));
  assert.deepEqual(fftCoefficient.outputs(params).slice(0, 2), ['attr_"real"__coeff_0', 'attr_"imag"__coeff_1']);
  assert.throws(() => run(fftCoefficient, [1], [{ attr: 'phase', coeff: 0 }]), /attr must be/);
  assert.throws(() => run(fftCoefficient, [1], [{ attr: 'real', coeff: -1 }]), /coeff must be/);
});

test('fft_aggregated: moments of |rfft| over the bin index, NaN skew/kurtosis for variance < 0.5', () => {
  const params = ['centroid', 'variance', 'skew', 'kurtosis'].map((aggtype) => ({ aggtype }));
  // |rfft([1,2,3,4])| = [10, 2*sqrt2, 2]
  const y = [10, 2 * Math.SQRT2, 2];
  const total = y[0]! + y[1]! + y[2]!;
  const m1 = (y[1]! + 2 * y[2]!) / total;
  const m2 = (y[1]! + 4 * y[2]!) / total;
  const m3 = (y[1]! + 8 * y[2]!) / total;
  const m4 = (y[1]! + 16 * y[2]!) / total;
  const variance = m2 - m1 * m1; // 0.52, just above the 0.5 cut-off
  const got = run(fftAggregated, [1, 2, 3, 4], params);
  close(got[0]!, m1);
  close(got[1]!, variance);
  close(got[2]!, (m3 - 3 * m1 * variance - m1 ** 3) / variance ** 1.5);
  close(got[3]!, (m4 - 4 * m1 * m3 + 6 * m2 * m1 ** 2 - 3 * m1) / variance ** 2);
  // [1, 2, 1]: |rfft| = [4, 1]: variance = 0.2 - 0.04 < 0.5 -> NaN skew and kurtosis
  const narrow = run(fftAggregated, [1, 2, 1], params);
  close(narrow[1]!, 0.2 - 0.04);
  assert.ok(Number.isNaN(narrow[2]!) && Number.isNaN(narrow[3]!));
  // |rfft([0,0,0,0,0,0,0,1])| = ones(5): m_p = mean of k^p over 0..4
  const flat = run(fftAggregated, [0, 0, 0, 0, 0, 0, 0, 1], params);
  const m = (p: number) => [0, 1, 2, 3, 4].reduce((s, k) => s + k ** p, 0) / 5;
  close(flat[0]!, 2);
  close(flat[1]!, 2);
  close(flat[2]!, (m(3) - 3 * 2 * 2 - 8) / 2 ** 1.5); // symmetric: 0
  close(flat[3]!, (m(4) - 4 * 2 * m(3) + 6 * m(2) * 4 - 3 * 2) / 4); // tsfresh's "- 3 m1" term
});

test('ricker matches its formula and the CWT of an impulse is the wavelet', () => {
  const a = 2;
  const A = 2 / (Math.sqrt(3 * a) * Math.PI ** 0.25);
  const w = ricker(5, a);
  close(w[2]!, A);
  close(w[1]!, A * 0.75 * Math.exp(-1 / 8));
  close(w[0]!, 0);
  assert.equal(w[1], w[3]);
  // N = min(10a, 5) = 5: 'same' output i = full[i + 2] = h[i] for an impulse at 2
  const params = [0, 1, 2, 3, 4, 5].map((coeff) => ({ coeff, w: 2, widths: [2, 5] }));
  const got = run(cwtCoefficients, [0, 0, 1, 0, 0], params);
  for (let i = 0; i < 5; i++) close(got[i]!, w[i]!);
  assert.ok(Number.isNaN(got[5]!));
  assert.equal(cwtCoefficients.outputs(params)[0], 'coeff_0__w_2__widths_(2, 5)');
  assert.throws(() => run(cwtCoefficients, [1], [{ coeff: 0, w: 3, widths: [2, 5] }]), /not one of widths/);
  // even wavelet length: N = 10 for a = 1, output i = full[i + 4]
  const row = rickerCwtRow(Float64Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]), 1);
  const h = ricker(10, 1);
  for (let i = 0; i < 12; i++) close(row[i]!, i + 4 - 5 >= 0 && i + 4 - 5 < 10 ? h[i + 4 - 5]! : 0);
});

test('a whole CWT row is bit for bit the per-position convolution (blocked interior, remainders, edges)', () => {
  // lengths around multiples of the block, shorter and longer than the wavelet (N = 10a)
  let state = 7;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  let compared = 0;
  for (const n of [1, 2, 5, 9, 10, 11, 17, 23, 40, 61, 100, 137]) {
    let v = 0;
    const x = Float64Array.from({ length: n }, () => (v += next() * 1e3));
    for (const a of [0.5, 1, 2, 3, 5]) {
      const row = rickerCwtRow(x, a);
      for (let i = 0; i < n; i++) {
        assert.ok(Object.is(row[i], rickerCwtAt(x, a, i)), `n ${n}, a ${a}, i ${i}: ${row[i]} vs ${rickerCwtAt(x, a, i)}`);
        compared++;
      }
    }
  }
  assert.equal(compared, 5 * 416);
});

test('relative maxima are strict and never at the ends', () => {
  assert.deepEqual(relativeMaxima(Float64Array.from([5, 1, 3, 2, 2, 4, 4, 1, 9])), [2]);
  assert.deepEqual(relativeMaxima(Float64Array.from([1, 2])), []);
});

test("scoreatpercentile interpolates by 'fraction'; the sliding window matches it column by column", () => {
  close(scoreAtPercentile(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), 10), 1.9);
  assert.equal(scoreAtPercentile(Float64Array.from([3, 1, 2]), 50), 2);
  const row = Float64Array.from({ length: 53 }, (_, i) => Math.sin(i * 1.7) * 10 + (i % 5));
  for (const windowSize of [1, 2, 3, 6, 7]) {
    const noise = slidingPercentile(row, windowSize, 10);
    const half = Math.floor(windowSize / 2);
    const odd = windowSize % 2;
    for (let c = 0; c < row.length; c++) {
      const window = row.subarray(Math.max(c - half, 0), Math.min(c + half + odd, row.length));
      assert.equal(noise[c], scoreAtPercentile(window, 10));
    }
  }
});

test("ridge lines follow scipy: snapshot columns, nearest line (lowest index on ties), gap limit", () => {
  // rows (widest last): row 2 has maxima at 10 and 20; row 1 at 11 (joins 10) and 15 (equidistant
  // from nothing within reach 1 -> new line); row 0 at 11 and 12: both join the line at 11
  // (snapshot), so that line gets two points in row 0.
  const lines = identifyRidgeLines([[11, 12], [11, 15], [10, 20]], 30, [1, 1, 1], 1);
  const summary = lines.map((l) => [l.length, l.lastRow, l.lastCol]).sort((a, b) => a[2]! - b[2]! || a[0]! - b[0]!);
  assert.deepEqual(summary, [
    [4, 0, 12],
    [1, 1, 15],
    [1, 2, 20],
  ]);
  // a line not extended for more than gap_thresh rows is closed and not extended again
  const gapped = identifyRidgeLines([[5], [], [], [5]], 10, [1, 1, 1, 1], 1);
  assert.deepEqual(gapped.map((l) => [l.length, l.lastRow, l.lastCol]).sort(), [[1, 0, 5], [1, 3, 5]]);
  assert.deepEqual(identifyRidgeLines([[], []], 10, [1, 1], 1), []);
});

test('countPeaksCwt counts what findPeaksCwt lists, for several n at once', () => {
  // random walks, integer walks and flat stretches (exact ties in the CWT rows), short series
  let state = 12345;
  const uniform = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let compared = 0;
  let nonzero = 0;
  for (let trial = 0; trial < 300; trial++) {
    const length = trial < 40 ? 1 + trial : 50 + Math.floor(uniform() * 400);
    const x = new Float64Array(length);
    let v = 0;
    for (let i = 0; i < length; i++) {
      const step = trial % 3 === 0 ? Math.round(uniform() * 4 - 2) : trial % 3 === 1 ? uniform() - 0.5 : uniform() < 0.7 ? 0 : uniform() * 3;
      x[i] = v += step;
    }
    const ns = [1, 5, 3, 8];
    const widths = Array.from({ length: 8 }, (_, i) => i + 1);
    const cwt = new Float64Array(8 * length);
    const rows = widths.map((a) => rickerCwtRow(x, a));
    rows.forEach((row, r) => cwt.set(row, r * length));
    const got = new Float64Array(ns.length + 1);
    countPeaksCwt(cwt, length, ns, got, 1);
    assert.equal(got[0], 0, 'writes from the offset');
    ns.forEach((n, i) => {
      const expected = findPeaksCwt(rows.slice(0, n), widths.slice(0, n)).length;
      assert.equal(got[i + 1], expected, `trial ${trial}, n ${n}`);
      compared++;
      if (expected > 0) nonzero++;
    });
  }
  assert.ok(nonzero > compared / 2, `${nonzero} of ${compared} counts are nonzero`);
});

test('number_cwt_peaks counts isolated bumps and handles tiny series', () => {
  // two asymmetric integer bumps (no exact ties between mirrored sums); scipy 1.17's
  // find_peaks_cwt gives [2, 2] for n = 1, 5 on this series
  const x = new Array(100).fill(0);
  x.splice(22, 5, 1, 3, 7, 4, 1);
  x.splice(68, 5, 2, 5, 9, 4, 1);
  const got = run(numberCwtPeaks, x, [{ n: 1 }, { n: 5 }]);
  assert.deepEqual(got, [2, 2]);
  assert.deepEqual(run(numberCwtPeaks, [1], [{ n: 1 }, { n: 5 }]), [0, 0]);
  assert.deepEqual(run(numberCwtPeaks, [1, 2], [{ n: 5 }]), [0]);
});

test('periodic Hann window and Welch density by hand', () => {
  const w = periodicHann(4);
  close(w[0]!, 0, 1e-16);
  close(w[1]!, 0.5);
  close(w[2]!, 1);
  close(w[3]!, 0.5);
  assert.deepEqual(Array.from(periodicHann(1)), [1]);
  // x = [1,-1,1,-1]: one segment, windowed [0,-0.5,1,-0.5], Y = [0, -1, 2], sum w^2 = 1.5
  const pxx = welchDensity(Float64Array.from([1, -1, 1, -1]));
  close(pxx[0]!, 0, 1e-15);
  close(pxx[1]!, (1 / 1.5) * 2);
  close(pxx[2]!, 4 / 1.5);
  assert.deepEqual(Array.from(welchDensity(Float64Array.from([7]))), [0]);
  assert.deepEqual(Array.from(welchDensity(new Float64Array(300).fill(2.5))), new Array(129).fill(0));
  // two overlapping segments of 4 in [a,b,a,b,a,b]: both segments are the same, the mean is too
  const two = welchDensity(Float64Array.from([1, -1, 1, -1, 1, -1]), 4);
  close(two[2]!, 4 / 1.5);
});

test("spkt_welch_density: NaN past the estimate, tsfresh's order quirk kept", () => {
  const x = [1, -1, 1, -1];
  const got = run(spktWelchDensity, x, [{ coeff: 2 }, { coeff: 5 }, { coeff: 8 }]);
  close(got[0]!, 4 / 1.5);
  assert.ok(Number.isNaN(got[1]!) && Number.isNaN(got[2]!));
  // tsfresh returns available bins first, then NaNs, labelled in request order
  const quirk = run(spktWelchDensity, x, [{ coeff: 5 }, { coeff: 1 }]);
  close(quirk[0]!, 2 / 1.5);
  assert.ok(Number.isNaN(quirk[1]!));
});

test("numpy.histogram binning and binned entropy", () => {
  assert.deepEqual(Array.from(numpyHistogram(Float64Array.from([0, 0.5, 1]), 2)), [1, 2]);
  assert.deepEqual(Array.from(numpyHistogram(Float64Array.from([3, 3, 3]), 4)), [0, 0, 3, 0]);
  assert.ok(binnedEntropy(Float64Array.from([3, 3, 3]), 4) === 0); // numpy gives -0.0, equal to 0
  close(binnedEntropy(Float64Array.from([0, 0.5, 1]), 2), -(1 / 3) * Math.log(1 / 3) - (2 / 3) * Math.log(2 / 3));
  assert.ok(Number.isNaN(binnedEntropy(Float64Array.from([0, Number.NaN]), 2)));
  assert.ok(Number.isNaN(binnedEntropy(Float64Array.from([0, Number.POSITIVE_INFINITY]), 2)));
});

test('fourier_entropy: entropy of the normalised Welch density; NaN for a constant series', () => {
  // Welch of [1,-1,1,-1] / max = [0, 0.5, 1]
  const got = run(fourierEntropy, [1, -1, 1, -1], [{ bins: 2 }, { bins: 3 }]);
  close(got[0]!, -(1 / 3) * Math.log(1 / 3) - (2 / 3) * Math.log(2 / 3));
  close(got[1]!, Math.log(3));
  assert.ok(run(fourierEntropy, [4, 4, 4, 4, 4], [{ bins: 10 }]).every(Number.isNaN));
});
