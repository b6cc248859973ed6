/**
 * The CWT rows number_cwt_peaks computes in kernel memory (ricker-cwt.ts's
 * rickerCwtRowsInKernel, kernels/ricker-row.ts's twelve- and two-output blocks) against the
 * per-position convolution written here in plain TypeScript, Object.is per value, for interior
 * lengths with every remainder modulo 12, and the calculator's counts against
 * findPeaksCwt on those rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ricker, rickerCwtRowsInKernel } from '../../src/features/calculators/spectral/ricker-cwt.js';
import { findPeaksCwt } from '../../src/features/calculators/spectral/find-peaks-cwt.js';
import { numberCwtPeaks } from '../../src/features/calculators/spectral/number-cwt-peaks.js';
import { SeriesContext } from '../../src/features/calculator.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';

/** numpy.convolve(x, ricker(N, a), 'same')[i] summed in ascending j from its first term. */
function referenceAt(x: Float64Array, a: number, i: number): number {
  const n = x.length;
  const h = ricker(Math.min(10 * a, n), a);
  const full = i + Math.floor((h.length - 1) / 2);
  let sum = 0;
  for (let j = Math.max(0, full - h.length + 1); j <= Math.min(n - 1, full); j++) sum += x[j]! * h[full - j]!;
  return sum;
}

function walk(n: number, seed: number, withNaN: boolean): Float64Array {
  let state = seed;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  let v = 0;
  return Float64Array.from({ length: n }, (_, i) => (withNaN && i % 97 === 13 ? Number.NaN : (v += next())));
}

test('CWT rows in kernel memory are bit for bit the per-position convolution (all block remainders, NaN)', () => {
  const rows = new KernelBuffer();
  let compared = 0;
  // interior outputs n - N + 1 (N = 10a) take every remainder modulo 12 for each width
  for (let n = 50; n < 50 + 24; n++) {
    for (const withNaN of [false, true]) {
      const x = walk(n, 17 + n, withNaN);
      const widest = 5;
      const at = rickerCwtRowsInKernel(x, widest, rows) / 8;
      const memory = kernels().f64;
      for (let a = 1; a <= widest; a++) {
        for (let i = 0; i < n; i++) {
          const got = memory[at + (a - 1) * n + i]!;
          const expected = referenceAt(x, a, i);
          assert.ok(Object.is(got, expected), `n ${n} a ${a} i ${i} NaN ${withNaN}: ${got} vs ${expected}`);
          compared++;
        }
      }
    }
  }
  assert.equal(compared, 10 * (50 + 73) * 12);
});

test('number_cwt_peaks from the kernel rows counts what findPeaksCwt lists on the plain rows', () => {
  const params = [{ n: 1 }, { n: 5 }, { n: 3 }];
  let nonzero = 0;
  for (const [n, seed, withNaN] of [[600, 1, false], [601, 2, false], [613, 3, true], [37, 4, false], [2, 5, false]] as const) {
    const x = walk(n, seed, withNaN);
    const out = new Float64Array(3);
    numberCwtPeaks.compute(new SeriesContext(x), params, out, 0);
    params.forEach(({ n: widest }, p) => {
      const widths = Array.from({ length: widest }, (_, i) => i + 1);
      const plainRows = widths.map((a) => Float64Array.from({ length: n }, (_, i) => referenceAt(x, a, i)));
      const expected = findPeaksCwt(plainRows, widths).length;
      assert.equal(out[p], expected, `length ${n}, n ${widest}`);
      if (expected > 0) nonzero++;
    });
  }
  assert.ok(nonzero >= 9, `${nonzero} nonzero counts`);
});
