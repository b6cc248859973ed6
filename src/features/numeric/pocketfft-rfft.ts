/**
 * numpy.fft.rfft reproduced operation for operation: a TypeScript rendering of the real-input
 * half of pocketfft's C implementation as numpy 1.17 .. 1.26 ships it (numpy/fft/_pocketfft.c,
 * Martin Reinecke, BSD-3-Clause): the same factorisation (4s, then a 2 moved to the front,
 * then odd primes), the same twiddles (a polynomial sin/cos of pi*x evaluated with fused
 * multiply-adds, extended by octant symmetry), and the same radix-2/3/4/5/generic passes in
 * the same order. Every step is plain IEEE double arithmetic, so the results are bit for bit
 * numpy's on x86-64 (where numpy's build does not contract a*b+c into FMAs).
 *
 * Why bother: tsfresh reports numpy's rounding noise as data. The rfft of a constant series
 * of length 180 has terms of size ~1e-12 instead of 0, and their *angles* (-35, -70, ...
 * degrees) are golden values that no other FFT reproduces. Lengths for which numpy switches to
 * Bluestein's algorithm (length >= 50 with a prime factor above sqrt(length), when cheaper) are
 * not ported: `pocketfftRfftSupported` tells them apart, and callers use an accurate FFT
 * there. The passes themselves run in WebAssembly (kernels/pocketfft-rfft.ts); the plan and
 * its twiddles are computed here, once per length.
 *
 * Output layout: numpy's rfft, first floor(n/2)+1 terms, real and imaginary parts.
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

// ---------------------------------------------------------------------------------------------
// Exact fused multiply-add (C's fma), used only while building twiddle tables.

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa * 2^exponent exactly (x finite). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa: sign * mantissa, exponent };
}

/** round(m * 2^e) to the nearest double, ties to even (no overflow or subnormal results here). */
function roundToDouble(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const negative = m < 0n;
  let a = negative ? -m : m;
  const bits = a.toString(2).length;
  if (bits > 53) {
    const drop = BigInt(bits - 53);
    const rest = a & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    a >>= drop;
    if (rest > half || (rest === half && (a & 1n) === 1n)) a += 1n;
    e += bits - 53;
  }
  const value = Number(a) * 2 ** e;
  return negative ? -value : value;
}

/** fma(a, b, c) = round(a*b + c) with a single rounding. */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const x = decompose(a);
  const y = decompose(b);
  const z = decompose(c);
  let pm = x.mantissa * y.mantissa;
  let pe = x.exponent + y.exponent;
  let cm = z.mantissa;
  let ce = z.exponent;
  const e = Math.min(pe, ce);
  pm <<= BigInt(pe - e);
  cm <<= BigInt(ce - e);
  pe = ce = e;
  return roundToDouble(pm + cm, e);
}

// ---------------------------------------------------------------------------------------------
// Twiddle factors: pocketfft's sincos_2pibyn_half.

/** [cos(pi a) - 1, sin(pi a)] for a in [-0.25, 0.25], pocketfft's my_sincosm1pi. */
function sincosm1pi(a: number, res: Float64Array, at: number): void {
  let s = a * a;
  let r = -1.0369917389758117e-4;
  r = fusedMultiplyAdd(r, s, 1.9294935641298806e-3);
  r = fusedMultiplyAdd(r, s, -2.5806887942825395e-2);
  r = fusedMultiplyAdd(r, s, 2.3533063028328211e-1);
  r = fusedMultiplyAdd(r, s, -1.3352627688538006e0);
  r = fusedMultiplyAdd(r, s, 4.0587121264167623e0);
  r = fusedMultiplyAdd(r, s, -4.934802200544679e0);
  const c = r * s;
  r = 4.6151442520157035e-4;
  r = fusedMultiplyAdd(r, s, -7.3700183130883555e-3);
  r = fusedMultiplyAdd(r, s, 8.2145868949323936e-2);
  r = fusedMultiplyAdd(r, s, -5.9926452893214921e-1);
  r = fusedMultiplyAdd(r, s, 2.5501640398732688e0);
  r = fusedMultiplyAdd(r, s, -5.1677127800499516e0);
  s = s * a;
  r = r * s;
  res[at] = c;
  res[at + 1] = fusedMultiplyAdd(a, 3.1415926535897931e0, r);
}

function calcFirstOctant(den: number, res: Float64Array, o: number): void {
  const n = (den + 4) >> 3;
  if (n === 0) return;
  res[o] = 1;
  res[o + 1] = 0;
  if (n === 1) return;
  const l1 = Math.trunc(Math.sqrt(n));
  for (let i = 1; i < l1; ++i) sincosm1pi((2 * i) / den, res, o + 2 * i);
  const cs = new Float64Array(2);
  let start = l1;
  while (start < n) {
    sincosm1pi((2 * start) / den, cs, 0);
    res[o + 2 * start] = cs[0]! + 1;
    res[o + 2 * start + 1] = cs[1]!;
    let end = l1;
    if (start + end > n) end = n - start;
    for (let i = 1; i < end; ++i) {
      const x0 = res[o + 2 * i]!, x1 = res[o + 2 * i + 1]!;
      res[o + 2 * (start + i)] = cs[0]! * x0 - cs[1]! * x1 + cs[0]! + x0 + 1;
      res[o + 2 * (start + i) + 1] = cs[0]! * x1 + cs[1]! * x0 + cs[1]! + x1;
    }
    start += l1;
  }
  for (let i = 1; i < l1; ++i) res[o + 2 * i]! += 1;
}

function calcFirstQuadrant(n: number, res: Float64Array): void {
  const p = n; // offset of the scratch octant inside res
  calcFirstOctant(n << 1, res, p);
  const ndone = (n + 2) >> 2;
  let i = 0, idx1 = 0, idx2 = 2 * ndone - 2;
  for (; i + 1 < ndone; i += 2, idx1 += 2, idx2 -= 2) {
    res[idx1] = res[p + 2 * i]!;
    res[idx1 + 1] = res[p + 2 * i + 1]!;
    res[idx2] = res[p + 2 * i + 3]!;
    res[idx2 + 1] = res[p + 2 * i + 2]!;
  }
  if (i !== ndone) {
    res[idx1] = res[p + 2 * i]!;
    res[idx1 + 1] = res[p + 2 * i + 1]!;
  }
}

function calcFirstHalf(n: number, res: Float64Array): void {
  const ndone = (n + 1) >> 1;
  const p = n - 1;
  calcFirstOctant(n << 2, res, p);
  let i4 = 0, i = 0;
  const inn = n;
  for (; i4 <= inn - i4; ++i, i4 += 4) {
    res[2 * i] = res[p + 2 * i4]!;
    res[2 * i + 1] = res[p + 2 * i4 + 1]!;
  }
  for (; i4 - inn <= 0; ++i, i4 += 4) {
    const xm = inn - i4;
    res[2 * i] = res[p + 2 * xm + 1]!;
    res[2 * i + 1] = res[p + 2 * xm]!;
  }
  for (; i4 <= 3 * inn - i4; ++i, i4 += 4) {
    const xm = i4 - inn;
    res[2 * i] = -res[p + 2 * xm + 1]!;
    res[2 * i + 1] = res[p + 2 * xm]!;
  }
  for (; i < ndone; ++i, i4 += 4) {
    const xm = 2 * inn - i4;
    res[2 * i] = -res[p + 2 * xm]!;
    res[2 * i + 1] = res[p + 2 * xm + 1]!;
  }
}

function fillFirstQuadrant(n: number, res: Float64Array): void {
  const hsqt2 = 0.707106781186547524400844362104849;
  const quart = n >> 2;
  if ((n & 7) === 0) res[quart] = res[quart + 1] = hsqt2;
  for (let i = 2, j = 2 * quart - 2; i < quart; i += 2, j -= 2) {
    res[j] = res[i + 1]!;
    res[j + 1] = res[i]!;
  }
}

function fillFirstHalf(n: number, res: Float64Array): void {
  const half = n >> 1;
  if ((n & 3) === 0) {
    for (let i = 0; i < half; i += 2) {
      res[i + half] = -res[i + 1]!;
      res[i + half + 1] = res[i]!;
    }
  } else {
    for (let i = 2, j = 2 * half - 2; i < half; i += 2, j -= 2) {
      res[j] = -res[i]!;
      res[j + 1] = res[i + 1]!;
    }
  }
}

/** cos/sin of 2*pi*k/n interleaved for k < n/2 (and scratch beyond), as pocketfft lays them out. */
function sincos2PiByNHalf(n: number): Float64Array {
  const res = new Float64Array(2 * n + 8);
  if ((n & 3) === 0) {
    calcFirstOctant(n, res, 0);
    fillFirstQuadrant(n, res);
    fillFirstHalf(n, res);
  } else if ((n & 1) === 0) {
    calcFirstQuadrant(n, res);
    fillFirstHalf(n, res);
  } else calcFirstHalf(n, res);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Plan.

/**
 * A length's plan in kernel memory: per factor k (pocketfft's order) the float64 triple
 * [ip, pointer of its twiddles, pointer of its roots], followed by the twiddle tables.
 */
interface RealPlan {
  readonly n: number;
  /** The number of factors. */
  readonly nf: number;
  /** Byte offset of the factor table in kernel memory (0 when there are no factors). */
  readonly pointer: number;
}

function largestPrimeFactor(n: number): number {
  let res = 1;
  while (n % 2 === 0) {
    res = 2;
    n /= 2;
  }
  let limit = Math.trunc(Math.sqrt(n + 0.01));
  for (let x = 3; x <= limit; x += 2) {
    while (n % x === 0) {
      res = x;
      n /= x;
      limit = Math.trunc(Math.sqrt(n + 0.01));
    }
  }
  if (n > 1) res = n;
  return res;
}

function costGuess(n: number): number {
  const lfp = 1.1;
  const ni = n;
  let result = 0;
  while (n % 2 === 0) {
    result += 2;
    n /= 2;
  }
  let limit = Math.trunc(Math.sqrt(n + 0.01));
  for (let x = 3; x <= limit; x += 2) {
    while (n % x === 0) {
      result += x <= 5 ? x : lfp * x;
      n /= x;
      limit = Math.trunc(Math.sqrt(n + 0.01));
    }
  }
  if (n > 1) result += n <= 5 ? n : lfp * n;
  return result * ni;
}

function goodSize(n: number): number {
  if (n <= 6) return n;
  let best = 2 * n;
  for (let f2 = 1; f2 < best; f2 *= 2)
    for (let f23 = f2; f23 < best; f23 *= 3)
      for (let f235 = f23; f235 < best; f235 *= 5)
        for (let f2357 = f235; f2357 < best; f2357 *= 7)
          for (let f11 = f2357; f11 < best; f11 *= 11) if (f11 >= n) best = f11;
  return best;
}

/** Whether numpy computes an rfft of length n with the ported (non-Bluestein) algorithm. */
export function pocketfftRfftSupported(n: number): boolean {
  if (n < 50 || largestPrimeFactor(n) <= Math.sqrt(n)) return true;
  const comp1 = 0.5 * costGuess(n);
  const comp2 = 2 * costGuess(goodSize(2 * n - 1)) * 1.5;
  return !(comp2 < comp1);
}

const plans = new Map<number, RealPlan>();

/** pocketfft's factorisation of n: 4s, then a 2 moved to the front, then odd primes ascending. */
function realFactors(n: number): number[] {
  const ips: number[] = [];
  let len = n;
  while (len % 4 === 0) {
    ips.push(4);
    len >>= 2;
  }
  if (len % 2 === 0) {
    len >>= 1;
    ips.push(2);
    [ips[0], ips[ips.length - 1]] = [ips[ips.length - 1]!, ips[0]!];
  }
  let maxl = Math.trunc(Math.sqrt(len)) + 1;
  for (let d = 3; len > 1 && d < maxl; d += 2) {
    if (len % d === 0) {
      while (len % d === 0) {
        ips.push(d);
        len /= d;
      }
      maxl = Math.trunc(Math.sqrt(len)) + 1;
    }
  }
  if (len > 1) ips.push(len);
  return ips;
}

/**
 * The plan of length n, built once: pocketfft's rfftp_comp_twiddle (twiddles tw of every
 * factor but the last, roots tws of every factor above 5), written into kernel memory.
 */
function realPlan(n: number): RealPlan {
  let plan = plans.get(n);
  if (plan) return plan;
  const ips = realFactors(n);
  const nf = ips.length;
  if (n <= 1 || nf === 0) {
    plan = { n, nf: 0, pointer: 0 };
    plans.set(n, plan);
    return plan;
  }
  const twid = sincos2PiByNHalf(n);
  const tables: Float64Array[] = [];
  const roots: (Float64Array | null)[] = [];
  let l1 = 1;
  for (let k = 0; k < nf; k++) {
    const ip = ips[k]!;
    const ido = n / (l1 * ip);
    const tw = new Float64Array(k < nf - 1 ? (ip - 1) * (ido - 1) : 0);
    if (k < nf - 1)
      for (let j = 1; j < ip; ++j)
        for (let i = 1; i <= (ido - 1) >> 1; ++i) {
          tw[(j - 1) * (ido - 1) + 2 * i - 2] = twid[2 * j * l1 * i]!;
          tw[(j - 1) * (ido - 1) + 2 * i - 1] = twid[2 * j * l1 * i + 1]!;
        }
    tables.push(tw);
    let tws: Float64Array | null = null;
    if (ip > 5) {
      tws = new Float64Array(2 * ip);
      tws[0] = 1;
      tws[1] = 0;
      for (let i = 1; i <= ip >> 1; ++i) {
        tws[2 * i] = twid[2 * i * (n / ip)]!;
        tws[2 * i + 1] = twid[2 * i * (n / ip) + 1]!;
        tws[2 * (ip - i)] = twid[2 * i * (n / ip)]!;
        tws[2 * (ip - i) + 1] = -twid[2 * i * (n / ip) + 1]!;
      }
    }
    roots.push(tws);
    l1 *= ip;
  }
  let size = 3 * nf;
  for (let k = 0; k < nf; k++) size += tables[k]!.length + (roots[k]?.length ?? 0);
  const pointer = kernels().reserve(size);
  const memory = kernels().f64;
  let at = pointer / 8 + 3 * nf;
  for (let k = 0; k < nf; k++) {
    memory[pointer / 8 + 3 * k] = ips[k]!;
    memory[pointer / 8 + 3 * k + 1] = at * 8;
    memory.set(tables[k]!, at);
    at += tables[k]!.length;
    const tws = roots[k];
    if (tws) {
      memory[pointer / 8 + 3 * k + 2] = at * 8;
      memory.set(tws, at);
      at += tws.length;
    }
  }
  plan = { n, nf, pointer };
  plans.set(n, plan);
  return plan;
}

const series = new KernelBuffer();
const work = new KernelBuffer();
const spectrum = new KernelBuffer();

/**
 * numpy.fft.rfft of the `n` float64s at kernel pointer `x` (left unchanged) into kernel memory
 * at `out`: floor(n/2)+1 real parts, then as many imaginary parts. For lengths where
 * `pocketfftRfftSupported(n)`; throws otherwise. The passes run in WebAssembly
 * (kernels/pocketfft-rfft.ts), the whole transform in one call.
 */
export function pocketfftRfftInKernel(x: number, n: number, out: number): void {
  if (n === 0) throw new RangeError('rfft: the series is empty');
  if (!pocketfftRfftSupported(n)) throw new RangeError(`pocketfftRfft: numpy uses Bluestein's algorithm for length ${n}, which is not ported`);
  const plan = realPlan(n);
  const half = Math.floor(n / 2) + 1;
  kernels().fn.pocketfftRfft(x, work.pointer(2 * n), n, plan.pointer, plan.nf, out, out + 8 * half);
}

/**
 * numpy.fft.rfft(x) exactly as numpy computes it, for lengths where
 * `pocketfftRfftSupported(n)`; throws otherwise (see {@link pocketfftRfftInKernel}).
 */
export function pocketfftRfft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  if (n === 0) throw new RangeError('rfft: the series is empty');
  const half = Math.floor(n / 2) + 1;
  const out = spectrum.pointer(2 * half);
  pocketfftRfftInKernel(series.copyIn(x), n, out);
  const terms = spectrum.view(2 * half);
  return { re: terms.slice(0, half), im: terms.slice(half) };
}
