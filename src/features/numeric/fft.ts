/**
 * A discrete Fourier transform for any length, accurate to a few ulps of the input's norm.
 *
 *     X[k] = sum_{j=0}^{n-1} x[j] * exp(-2*pi*i*j*k/n),   k = 0 .. n-1
 *
 * Lengths whose prime factors are all small (<= MAX_DIRECT_RADIX) use an iterative Stockham
 * autosort FFT with radix-4/2/3/5 butterflies and a generic prime butterfly; any other length
 * goes through Bluestein's chirp-z algorithm on a power-of-two FFT. Twiddle factors are computed
 * from exact integer fractions of a turn reduced to the first octant (as pocketfft, numpy's FFT,
 * does), never by recurrence, so the rounding error stays O(eps * log n) of the input's norm.
 * Plans are cached per length; all arrays are Float64Arrays with separate real and imaginary
 * parts. The transforms run in WebAssembly (kernels/spectral-complex-fft.ts: the Stockham
 * passes and Bluestein's chirp loops); plans, twiddles and chirps are computed here and written
 * once per length into a plan header in kernel memory.
 */

import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

/** The largest prime factor handled by a direct butterfly; larger ones use Bluestein. */
const MAX_DIRECT_RADIX = 37;

/**
 * cos and sin of the angle `2*pi*k/n`, written to `out[0]`, `out[1]`. The fraction k/n is
 * reduced exactly with integers to an angle in [0, pi/4] before calling cos/sin, so the
 * result is as accurate as the platform's cos/sin near zero.
 */
export function unitRoot(k: number, n: number, out: Float64Array): void {
  // Work in units of 1/(8n) of a turn so that every reflection stays an integer.
  const full = 8 * n;
  let a = (((8 * k) % full) + full) % full;
  let sinSign = 1;
  if (a > full / 2) {
    a = full - a; // angle -> 2pi - angle: cos same, sin negated
    sinSign = -1;
  }
  let cosSign = 1;
  if (a > full / 4) {
    a = full / 2 - a; // angle -> pi - angle: cos negated, sin same
    cosSign = -1;
  }
  let swap = false;
  if (a > full / 8) {
    a = full / 4 - a; // angle -> pi/2 - angle: cos and sin swap
    swap = true;
  }
  const theta = (2 * Math.PI * a) / full;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  out[0] = cosSign * (swap ? s : c);
  out[1] = sinSign * (swap ? c : s);
}

/** One radix-p pass of the Stockham FFT: `L` transforms of length L done, L*p after. */
interface Stage {
  readonly p: number;
  readonly L: number;
  /** Twiddles W_{L p}^{q k} for k < L, 1 <= q < p, at index k*(p-1) + q-1. */
  readonly twRe: Float64Array;
  readonly twIm: Float64Array;
  /** For a generic radix: W_p^m for m < p. */
  readonly rootRe: Float64Array | null;
  readonly rootIm: Float64Array | null;
}

/** A reusable forward complex FFT of one length. */
export interface FftPlan {
  readonly n: number;
  /** The plan header's pointer in kernel memory (kernels/spectral-complex-fft.ts `fftForward`). */
  readonly header: number;
  /** The float64s of work region `fftForward` needs with this plan. */
  readonly workSize: number;
  /** Transforms `re`/`im` (length n) in place. */
  forward(re: Float64Array, im: Float64Array): void;
}

/** re, im and the plan's work region, in kernel memory. */
const work = new KernelBuffer();

/** `plan.forward`: the arrays copied into kernel memory, transformed there, copied back. */
function forwardInKernel(plan: FftPlan, re: Float64Array, im: Float64Array): void {
  const n = plan.n;
  const pointer = work.pointer(2 * n + plan.workSize);
  const memory = kernels().f64;
  memory.set(re, pointer / 8);
  memory.set(im, pointer / 8 + n);
  kernels().fn.fftForward(pointer, pointer + 8 * n, pointer + 16 * n, plan.header);
  const out = work.view(2 * n);
  re.set(out.subarray(0, n));
  im.set(out.subarray(n, 2 * n));
}

/** The float64s of a plan header (kernels/spectral-complex-fft.ts). */
const HEADER = 8;

const plans = new Map<number, FftPlan>();

/** The cached FFT plan for length `n` (n >= 1). */
export function fftPlan(n: number): FftPlan {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`FFT length must be a positive integer, got ${n}`);
  let plan = plans.get(n);
  if (!plan) {
    plan = primeFactors(n).some((p) => p > MAX_DIRECT_RADIX) ? new BluesteinPlan(n) : new StockhamPlan(n);
    plans.set(n, plan);
  }
  return plan;
}

/** Prime factors of n in ascending order, with multiplicity. */
function primeFactors(n: number): number[] {
  const factors: number[] = [];
  let m = n;
  for (let p = 2; p * p <= m; p++) {
    while (m % p === 0) {
      factors.push(p);
      m /= p;
    }
  }
  if (m > 1) factors.push(m);
  return factors;
}

/** The radices of the passes: fours first, then the remaining primes ascending. */
function radices(n: number): number[] {
  const primes = primeFactors(n);
  const twos = primes.filter((p) => p === 2).length;
  const out: number[] = [];
  for (let i = 0; i + 1 < twos; i += 2) out.push(4);
  if (twos % 2 === 1) out.push(2);
  for (const p of primes) if (p !== 2) out.push(p);
  return out;
}

/** The float64s per pass in the kernel's plan table (kernels/spectral-stockham-fft.ts). */
const STAGE = 10;

/**
 * A Stockham plan: its passes' twiddles computed here (unitRoot) and written, once, into a
 * plan table in kernel memory; the passes run in WebAssembly (kernels/spectral-stockham-fft.ts)
 * through `fftForward`.
 */
class StockhamPlan implements FftPlan {
  readonly header: number;
  readonly workSize: number;

  constructor(readonly n: number) {
    const stages: Stage[] = [];
    const root = new Float64Array(2);
    let L = 1;
    for (const p of radices(n)) {
      const Lp = L * p;
      const twRe = new Float64Array(L * (p - 1));
      const twIm = new Float64Array(L * (p - 1));
      for (let k = 0; k < L; k++) {
        for (let q = 1; q < p; q++) {
          unitRoot(q * k, Lp, root);
          twRe[k * (p - 1) + q - 1] = root[0]!;
          twIm[k * (p - 1) + q - 1] = -root[1]!;
        }
      }
      let rootRe: Float64Array | null = null;
      let rootIm: Float64Array | null = null;
      if (p > 5) {
        rootRe = new Float64Array(p);
        rootIm = new Float64Array(p);
        for (let m = 0; m < p; m++) {
          unitRoot(m, p, root);
          rootRe[m] = root[0]!;
          rootIm[m] = -root[1]!;
        }
      }
      stages.push({ p, L, twRe, twIm, rootRe, rootIm });
      L = Lp;
    }
    const scratchSize = 2 * Math.max(1, ...stages.map((stage) => stage.p));
    this.workSize = 2 * n + scratchSize;
    let size = HEADER + STAGE * stages.length;
    for (const stage of stages) size += 2 * stage.twRe.length + 2 * (stage.rootRe?.length ?? 0);
    this.header = kernels().reserve(size);
    const table = this.header + 8 * HEADER;
    const memory = kernels().f64;
    let at = table / 8 + STAGE * stages.length;
    const place = (values: Float64Array | null): number => {
      if (!values) return 0;
      memory.set(values, at);
      at += values.length;
      return (at - values.length) * 8;
    };
    stages.forEach((stage, s) => {
      const record = table / 8 + STAGE * s;
      const constants = radixConstants(stage.p);
      memory.set([stage.p, stage.L, place(stage.twRe), place(stage.twIm), place(stage.rootRe), place(stage.rootIm)], record);
      memory.set(constants, record + 6);
    });
    memory.set([0, n, stages.length, table, scratchSize], this.header / 8);
  }

  forward(re: Float64Array, im: Float64Array): void {
    forwardInKernel(this, re, im);
  }
}

/** The constants a radix's butterfly uses: sqrt(3)/2 for 3; cos, sin of 2pi/5 and 4pi/5 for 5. */
function radixConstants(p: number): number[] {
  const root = new Float64Array(2);
  if (p === 3) return [Math.sqrt(3) / 2, 0, 0, 0];
  if (p !== 5) return [0, 0, 0, 0];
  unitRoot(1, 5, root);
  const c1 = root[0]!, s1 = root[1]!;
  unitRoot(2, 5, root);
  return [c1, s1, root[0]!, root[1]!];
}

/**
 * Bluestein's algorithm: with c[j] = exp(-i*pi*j^2/n), X[k] = c[k] * sum_j (x[j] c[j]) conj(c[k-j]),
 * a convolution done with a power-of-two FFT of length m >= 2n-1. The chirp and the kernel
 * (the FFT of the conjugate chirp laid out circularly, divided by m: the inverse's scale) are
 * computed here once; the chirp products and the two inner FFTs run in WebAssembly.
 */
class BluesteinPlan implements FftPlan {
  readonly header: number;
  readonly workSize: number;

  constructor(readonly n: number) {
    let m = 1;
    while (m < 2 * n - 1) m *= 2;
    const inner = fftPlan(m);
    const chirpRe = new Float64Array(n);
    const chirpIm = new Float64Array(n);
    const root = new Float64Array(2);
    for (let j = 0; j < n; j++) {
      // exp(-i*pi*j^2/n) = exp(-2*pi*i*(j^2 mod 2n)/(2n)); j^2 mod 2n computed exactly.
      const j2 = Number((BigInt(j) * BigInt(j)) % BigInt(2 * n));
      unitRoot(j2, 2 * n, root);
      chirpRe[j] = root[0]!;
      chirpIm[j] = -root[1]!;
    }
    const kernelRe = new Float64Array(m);
    const kernelIm = new Float64Array(m);
    for (let j = 0; j < n; j++) {
      kernelRe[j] = chirpRe[j]!;
      kernelIm[j] = -chirpIm[j]!;
      if (j > 0) {
        kernelRe[m - j] = chirpRe[j]!;
        kernelIm[m - j] = -chirpIm[j]!;
      }
    }
    inner.forward(kernelRe, kernelIm);
    for (let j = 0; j < m; j++) {
      kernelRe[j]! /= m;
      kernelIm[j]! /= m;
    }
    this.workSize = 2 * m + inner.workSize;
    this.header = kernels().reserve(HEADER + 2 * n + 2 * m);
    const at = this.header / 8 + HEADER;
    const memory = kernels().f64;
    memory.set(chirpRe, at);
    memory.set(chirpIm, at + n);
    memory.set(kernelRe, at + 2 * n);
    memory.set(kernelIm, at + 2 * n + m);
    memory.set([1, n, m, 8 * at, 8 * (at + n), 8 * (at + 2 * n), 8 * (at + 2 * n + m), inner.header], this.header / 8);
  }

  forward(re: Float64Array, im: Float64Array): void {
    forwardInKernel(this, re, im);
  }
}

/** The full complex DFT of `re + i*im` as new arrays (inputs untouched). */
export function fft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  if (re.length !== im.length) throw new RangeError(`fft: real and imaginary parts differ in length (${re.length} vs ${im.length})`);
  const outRe = Float64Array.from(re);
  const outIm = Float64Array.from(im);
  if (re.length > 0) fftPlan(re.length).forward(outRe, outIm);
  return { re: outRe, im: outIm };
}

/**
 * numpy.fft.rfft: the first floor(n/2)+1 terms of the DFT of a real series. The imaginary
 * part of the zero-frequency term (and of the Nyquist term for even n) is exactly 0.
 */
export function rfft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  if (n === 0) throw new RangeError('rfft: the series is empty');
  const re = Float64Array.from(x);
  const im = new Float64Array(n);
  fftPlan(n).forward(re, im);
  const half = Math.floor(n / 2) + 1;
  const outRe = re.slice(0, half);
  const outIm = im.slice(0, half);
  outIm[0] = 0;
  if (n % 2 === 0) outIm[half - 1] = 0;
  return { re: outRe, im: outIm };
}
