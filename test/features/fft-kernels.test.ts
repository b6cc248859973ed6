/**
 * The spectral kernels in WebAssembly give, bit for bit, what their TypeScript implementations
 * gave before the move: the FFTs (kernels/pocketfft-rfft.ts, spectral-stockham-fft.ts) and find_peaks_cwt's ridge search
 * (kernels/spectral-ridge-lines.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { countPeaksCwt, findPeaksCwt } from '../../src/features/calculators/spectral/find-peaks-cwt.js';
import { rickerCwtRow } from '../../src/features/calculators/spectral/ricker-cwt.js';
import { fft } from '../../src/features/numeric/fft.js';
import { pocketfftRfft, pocketfftRfftSupported } from '../../src/features/numeric/pocketfft-rfft.js';

/** A seeded gauge-like series: 1e8 plus fluctuations of a few thousand (Lehmer generator). */
function gauge(n: number): Float64Array {
  let s = n * 7919 + 1;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    x[i] = 1e8 + (s / 2147483647 - 0.5) * 1e4;
  }
  return x;
}

function digest(...arrays: Float64Array[]): string {
  const h = createHash('sha256');
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
}

/**
 * sha256 (first 16 hex digits) of rfft(gauge(n)).re and .im as computed by the TypeScript port
 * of pocketfft before its passes moved to WebAssembly: every radix (2, 3, 4, 5, the generic
 * 7, 11, 13), every position of a factor 2 and lengths 1 .. 6 with their special cases.
 */
const TYPESCRIPT_PORT_DIGESTS: Record<number, string> = {
  1: '3c73f4ad8ede6d34', 2: '4d6d64e035731ea6', 3: '289316b702f75631', 4: 'cf972d73a07a8e0d',
  5: 'cde0b030d8231081', 6: 'ea479321ce4cc6f4', 7: '8b998056347e5095', 8: '437a7aa9247ab205',
  9: '8bec915aedf3e624', 12: '59503fbfd622f165', 15: '082dcaac111d5ca9', 16: '45ca5c0ded452d5f',
  20: 'a16559e579033c3b', 25: '4587296c41b577c3', 30: 'ecc751d198b8e385', 49: 'e37519c8853688ee',
  60: '5c8553d6ae976c75', 77: '1b7a953f1ff38979', 143: '0fd119df6fe794e4', 180: 'afc9da6bdff7ce5c',
  243: '32e12d00bc02b2a3', 256: '14dba71c0784293b', 600: 'f570fc624c39bcd8', 1000: 'b8c224558f3a22b6',
  1001: '38ac7f66347f3e99',
};

test('pocketfftRfft in WebAssembly is bit-identical to the TypeScript port it replaced', () => {
  for (const [key, expected] of Object.entries(TYPESCRIPT_PORT_DIGESTS)) {
    const n = Number(key);
    assert.ok(pocketfftRfftSupported(n));
    const { re, im } = pocketfftRfft(gauge(n));
    assert.equal(re.length, Math.floor(n / 2) + 1);
    assert.equal(digest(re, im), expected, `length ${n}`);
  }
});

test('pocketfftRfft: results are fresh arrays, the imaginary zero and Nyquist terms exactly +0, NaN spreads', () => {
  const a = pocketfftRfft(Float64Array.from([1, 2, 3, 4]));
  const b = pocketfftRfft(Float64Array.from([5, 5, 5, 5]));
  assert.deepEqual([...a.re], [10, -2, -2]);
  assert.deepEqual([...a.im], [0, 2, 0]);
  assert.ok(Object.is(a.im[0], 0) && Object.is(a.im[2], 0));
  assert.deepEqual([...b.re], [20, 0, 0]);
  const withNaN = pocketfftRfft(Float64Array.from([1, Number.NaN, 3, 4, 5, 6]));
  assert.ok(withNaN.re.every((v) => Number.isNaN(v)));
});

test('countPeaksCwt (ridge search in WebAssembly) counts what findPeaksCwt lists: wide n, NaN, flat and tiny series', () => {
  let state = 2024;
  const uniform = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ns = [1, 2, 7, 20, 33];
  const widest = 33;
  const widths = Array.from({ length: widest }, (_, i) => i + 1);
  let nonzero = 0;
  for (let trial = 0; trial < 60; trial++) {
    const length = trial < 8 ? 1 + trial : 40 + Math.floor(uniform() * 300);
    const x = new Float64Array(length);
    let v = 0;
    for (let i = 0; i < length; i++) {
      x[i] = v += trial % 3 === 0 ? Math.round(uniform() * 4 - 2) : uniform() - 0.5;
      if (trial % 4 === 1 && uniform() < 0.02) x[i] = Number.NaN; // NaN rows: the untabled noise floor
      if (trial % 5 === 2 && i > length / 2) x[i] = 7; // a flat half: exact ties, zero noise
    }
    const rows = widths.map((a) => rickerCwtRow(x, a));
    const cwt = new Float64Array(widest * length);
    rows.forEach((row, r) => cwt.set(row, r * length));
    const got = new Float64Array(ns.length);
    countPeaksCwt(cwt, length, ns, got, 0);
    ns.forEach((n, i) => {
      const expected = findPeaksCwt(rows.slice(0, n), widths.slice(0, n)).length;
      assert.equal(got[i], expected, `trial ${trial} (length ${length}), n ${n}`);
      if (expected > 0) nonzero++;
    });
  }
  assert.ok(nonzero > 150, `${nonzero} nonzero counts`);
});

/**
 * sha256 (first 16 hex digits) of fft(gauge(n), gauge(n + 1)[1..] - 1e8) as the TypeScript
 * Stockham passes computed it before they moved to WebAssembly: radix 4, 2, 3, 5, the generic
 * 7 and 11, and Bluestein lengths (41, 97, 257) whose inner power-of-two FFTs use the kernel.
 */
const TYPESCRIPT_FFT_DIGESTS: Record<number, string> = {
  1: '2c1e0968db80f1f3', 2: '395312cf3a4993f4', 3: '16ec0e0f5bc75ce8', 4: '0d080a8adf17a9ea',
  5: '28c800345a70da94', 6: '5cae77608a887f07', 7: '4d092093c17a7204', 8: 'd51e58289862ae7e',
  12: '3e442a5ecabe0dbd', 30: '25eea6f24dd27e7f', 41: '37e39ab5ff0de9e8', 49: '5f1bee400e2aecff',
  60: 'e0f7771663274575', 77: '7320bc673ec98cc6', 97: 'f8a761f710f49a7c', 128: '1ccd75edd3e68180',
  180: 'a44d0847be5cc858', 256: '9ceb52b74ec21a91', 257: 'bd2f74f5e434cc62', 600: '9fa2afc5aed2bd60',
};

test('the Stockham FFT in WebAssembly is bit-identical to the TypeScript passes it replaced', () => {
  for (const [key, expected] of Object.entries(TYPESCRIPT_FFT_DIGESTS)) {
    const n = Number(key);
    const imaginary = gauge(n + 1).subarray(1).map((v) => v - 1e8);
    const { re, im } = fft(gauge(n), imaginary);
    assert.equal(digest(re, im), expected, `length ${n}`);
  }
});
