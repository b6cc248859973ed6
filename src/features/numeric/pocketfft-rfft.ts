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
 * there.
 *
 * Output layout: numpy's rfft, first floor(n/2)+1 terms, real and imaginary parts.
 */

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

interface Factor {
  readonly ip: number;
  tw: Float64Array;
  tws: Float64Array;
}

interface RealPlan {
  readonly n: number;
  readonly factors: Factor[];
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

function realPlan(n: number): RealPlan {
  let plan = plans.get(n);
  if (plan) return plan;
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
  const factors: Factor[] = ips.map((ip) => ({ ip, tw: new Float64Array(0), tws: new Float64Array(0) }));
  if (n > 1) {
    const twid = sincos2PiByNHalf(n);
    let l1 = 1;
    for (let k = 0; k < factors.length; k++) {
      const f = factors[k]!;
      const ip = f.ip;
      const ido = n / (l1 * ip);
      if (k < factors.length - 1) {
        f.tw = new Float64Array((ip - 1) * (ido - 1));
        for (let j = 1; j < ip; ++j)
          for (let i = 1; i <= (ido - 1) >> 1; ++i) {
            f.tw[(j - 1) * (ido - 1) + 2 * i - 2] = twid[2 * j * l1 * i]!;
            f.tw[(j - 1) * (ido - 1) + 2 * i - 1] = twid[2 * j * l1 * i + 1]!;
          }
      }
      if (ip > 5) {
        f.tws = new Float64Array(2 * ip);
        f.tws[0] = 1;
        f.tws[1] = 0;
        for (let i = 1; i <= ip >> 1; ++i) {
          f.tws[2 * i] = twid[2 * i * (n / ip)]!;
          f.tws[2 * i + 1] = twid[2 * i * (n / ip) + 1]!;
          f.tws[2 * (ip - i)] = twid[2 * i * (n / ip)]!;
          f.tws[2 * (ip - i) + 1] = -twid[2 * i * (n / ip) + 1]!;
        }
      }
      l1 *= ip;
    }
  }
  plan = { n, factors };
  plans.set(n, plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Passes (forward). cc is read as CC(a,b,c) = cc[a + ido*(b + l1*c)], ch written as
// CH(a,b,c) = ch[a + ido*(b + cdim*c)], wa as WA(x,i) = wa[i + x*(ido-1)].

function radf2(ido: number, l1: number, cc: Float64Array, ch: Float64Array, wa: Float64Array): void {
  const cdim = 2;
  const CC = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + cdim * c);
  for (let k = 0; k < l1; k++) {
    const a = cc[CC(0, k, 0)]!, b = cc[CC(0, k, 1)]!;
    ch[CH(0, 0, k)] = a + b;
    ch[CH(ido - 1, 1, k)] = a - b;
  }
  if ((ido & 1) === 0)
    for (let k = 0; k < l1; k++) {
      ch[CH(0, 1, k)] = -cc[CC(ido - 1, k, 1)]!;
      ch[CH(ido - 1, 0, k)] = cc[CC(ido - 1, k, 0)]!;
    }
  if (ido <= 2) return;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const w0 = wa[i - 2]!, w1 = wa[i - 1]!;
      const e = cc[CC(i - 1, k, 1)]!, f = cc[CC(i, k, 1)]!;
      const tr2 = w0 * e + w1 * f, ti2 = w0 * f - w1 * e;
      const c0 = cc[CC(i - 1, k, 0)]!, c1 = cc[CC(i, k, 0)]!;
      ch[CH(i - 1, 0, k)] = c0 + tr2;
      ch[CH(ic - 1, 1, k)] = c0 - tr2;
      ch[CH(i, 0, k)] = ti2 + c1;
      ch[CH(ic, 1, k)] = ti2 - c1;
    }
}

function radf3(ido: number, l1: number, cc: Float64Array, ch: Float64Array, wa: Float64Array): void {
  const cdim = 3;
  const taur = -0.5, taui = 0.86602540378443864676;
  const CC = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + cdim * c);
  const WA = (x: number, i: number) => wa[i + x * (ido - 1)]!;
  for (let k = 0; k < l1; k++) {
    const cr2 = cc[CC(0, k, 1)]! + cc[CC(0, k, 2)]!;
    ch[CH(0, 0, k)] = cc[CC(0, k, 0)]! + cr2;
    ch[CH(0, 2, k)] = taui * (cc[CC(0, k, 2)]! - cc[CC(0, k, 1)]!);
    ch[CH(ido - 1, 1, k)] = cc[CC(0, k, 0)]! + taur * cr2;
  }
  if (ido === 1) return;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const dr2 = WA(0, i - 2) * cc[CC(i - 1, k, 1)]! + WA(0, i - 1) * cc[CC(i, k, 1)]!;
      const di2 = WA(0, i - 2) * cc[CC(i, k, 1)]! - WA(0, i - 1) * cc[CC(i - 1, k, 1)]!;
      const dr3 = WA(1, i - 2) * cc[CC(i - 1, k, 2)]! + WA(1, i - 1) * cc[CC(i, k, 2)]!;
      const di3 = WA(1, i - 2) * cc[CC(i, k, 2)]! - WA(1, i - 1) * cc[CC(i - 1, k, 2)]!;
      const cr2 = dr2 + dr3;
      const ci2 = di2 + di3;
      ch[CH(i - 1, 0, k)] = cc[CC(i - 1, k, 0)]! + cr2;
      ch[CH(i, 0, k)] = cc[CC(i, k, 0)]! + ci2;
      const tr2 = cc[CC(i - 1, k, 0)]! + taur * cr2;
      const ti2 = cc[CC(i, k, 0)]! + taur * ci2;
      const tr3 = taui * (di2 - di3);
      const ti3 = taui * (dr3 - dr2);
      ch[CH(i - 1, 2, k)] = tr2 + tr3;
      ch[CH(ic - 1, 1, k)] = tr2 - tr3;
      ch[CH(i, 2, k)] = ti3 + ti2;
      ch[CH(ic, 1, k)] = ti3 - ti2;
    }
}

function radf4(ido: number, l1: number, cc: Float64Array, ch: Float64Array, wa: Float64Array): void {
  const cdim = 4;
  const hsqt2 = 0.7071067811865475244;
  const CC = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + cdim * c);
  const WA = (x: number, i: number) => wa[i + x * (ido - 1)]!;
  for (let k = 0; k < l1; k++) {
    const tr1 = cc[CC(0, k, 3)]! + cc[CC(0, k, 1)]!;
    ch[CH(0, 2, k)] = cc[CC(0, k, 3)]! - cc[CC(0, k, 1)]!;
    const tr2 = cc[CC(0, k, 0)]! + cc[CC(0, k, 2)]!;
    ch[CH(ido - 1, 1, k)] = cc[CC(0, k, 0)]! - cc[CC(0, k, 2)]!;
    ch[CH(0, 0, k)] = tr2 + tr1;
    ch[CH(ido - 1, 3, k)] = tr2 - tr1;
  }
  if ((ido & 1) === 0)
    for (let k = 0; k < l1; k++) {
      const ti1 = -hsqt2 * (cc[CC(ido - 1, k, 1)]! + cc[CC(ido - 1, k, 3)]!);
      const tr1 = hsqt2 * (cc[CC(ido - 1, k, 1)]! - cc[CC(ido - 1, k, 3)]!);
      ch[CH(ido - 1, 0, k)] = cc[CC(ido - 1, k, 0)]! + tr1;
      ch[CH(ido - 1, 2, k)] = cc[CC(ido - 1, k, 0)]! - tr1;
      ch[CH(0, 3, k)] = ti1 + cc[CC(ido - 1, k, 2)]!;
      ch[CH(0, 1, k)] = ti1 - cc[CC(ido - 1, k, 2)]!;
    }
  if (ido <= 2) return;
  for (let k = 0; k < l1; k++)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const cr2 = WA(0, i - 2) * cc[CC(i - 1, k, 1)]! + WA(0, i - 1) * cc[CC(i, k, 1)]!;
      const ci2 = WA(0, i - 2) * cc[CC(i, k, 1)]! - WA(0, i - 1) * cc[CC(i - 1, k, 1)]!;
      const cr3 = WA(1, i - 2) * cc[CC(i - 1, k, 2)]! + WA(1, i - 1) * cc[CC(i, k, 2)]!;
      const ci3 = WA(1, i - 2) * cc[CC(i, k, 2)]! - WA(1, i - 1) * cc[CC(i - 1, k, 2)]!;
      const cr4 = WA(2, i - 2) * cc[CC(i - 1, k, 3)]! + WA(2, i - 1) * cc[CC(i, k, 3)]!;
      const ci4 = WA(2, i - 2) * cc[CC(i, k, 3)]! - WA(2, i - 1) * cc[CC(i - 1, k, 3)]!;
      const tr1 = cr4 + cr2, tr4 = cr4 - cr2;
      const ti1 = ci2 + ci4, ti4 = ci2 - ci4;
      const tr2 = cc[CC(i - 1, k, 0)]! + cr3, tr3 = cc[CC(i - 1, k, 0)]! - cr3;
      const ti2 = cc[CC(i, k, 0)]! + ci3, ti3 = cc[CC(i, k, 0)]! - ci3;
      ch[CH(i - 1, 0, k)] = tr2 + tr1;
      ch[CH(ic - 1, 3, k)] = tr2 - tr1;
      ch[CH(i, 0, k)] = ti1 + ti2;
      ch[CH(ic, 3, k)] = ti1 - ti2;
      ch[CH(i - 1, 2, k)] = tr3 + ti4;
      ch[CH(ic - 1, 1, k)] = tr3 - ti4;
      ch[CH(i, 2, k)] = tr4 + ti3;
      ch[CH(ic, 1, k)] = tr4 - ti3;
    }
}

function radf5(ido: number, l1: number, cc: Float64Array, ch: Float64Array, wa: Float64Array): void {
  const cdim = 5;
  const tr11 = 0.3090169943749474241, ti11 = 0.95105651629515357212;
  const tr12 = -0.8090169943749474241, ti12 = 0.58778525229247312917;
  const CC = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + cdim * c);
  const WA = (x: number, i: number) => wa[i + x * (ido - 1)]!;
  for (let k = 0; k < l1; k++) {
    const cr2 = cc[CC(0, k, 4)]! + cc[CC(0, k, 1)]!, ci5 = cc[CC(0, k, 4)]! - cc[CC(0, k, 1)]!;
    const cr3 = cc[CC(0, k, 3)]! + cc[CC(0, k, 2)]!, ci4 = cc[CC(0, k, 3)]! - cc[CC(0, k, 2)]!;
    const c0 = cc[CC(0, k, 0)]!;
    ch[CH(0, 0, k)] = c0 + cr2 + cr3;
    ch[CH(ido - 1, 1, k)] = c0 + tr11 * cr2 + tr12 * cr3;
    ch[CH(0, 2, k)] = ti11 * ci5 + ti12 * ci4;
    ch[CH(ido - 1, 3, k)] = c0 + tr12 * cr2 + tr11 * cr3;
    ch[CH(0, 4, k)] = ti12 * ci5 - ti11 * ci4;
  }
  if (ido === 1) return;
  for (let k = 0; k < l1; ++k)
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const mul = (x: number, e: number, f: number): [number, number] => [WA(x, i - 2) * e + WA(x, i - 1) * f, WA(x, i - 2) * f - WA(x, i - 1) * e];
      const [dr2, di2] = mul(0, cc[CC(i - 1, k, 1)]!, cc[CC(i, k, 1)]!);
      const [dr3, di3] = mul(1, cc[CC(i - 1, k, 2)]!, cc[CC(i, k, 2)]!);
      const [dr4, di4] = mul(2, cc[CC(i - 1, k, 3)]!, cc[CC(i, k, 3)]!);
      const [dr5, di5] = mul(3, cc[CC(i - 1, k, 4)]!, cc[CC(i, k, 4)]!);
      const cr2 = dr5 + dr2, ci5 = dr5 - dr2;
      const ci2 = di2 + di5, cr5 = di2 - di5;
      const cr3 = dr4 + dr3, ci4 = dr4 - dr3;
      const ci3 = di3 + di4, cr4 = di3 - di4;
      const c0 = cc[CC(i - 1, k, 0)]!, c1 = cc[CC(i, k, 0)]!;
      ch[CH(i - 1, 0, k)] = c0 + cr2 + cr3;
      ch[CH(i, 0, k)] = c1 + ci2 + ci3;
      const tr2 = c0 + tr11 * cr2 + tr12 * cr3;
      const ti2 = c1 + tr11 * ci2 + tr12 * ci3;
      const tr3 = c0 + tr12 * cr2 + tr11 * cr3;
      const ti3 = c1 + tr12 * ci2 + tr11 * ci3;
      // MULPM(tr5,tr4,cr5,cr4,ti11,ti12): tr5 = cr5*ti11 + cr4*ti12, tr4 = cr5*ti12 - cr4*ti11
      const tr5 = cr5 * ti11 + cr4 * ti12, tr4 = cr5 * ti12 - cr4 * ti11;
      const ti5 = ci5 * ti11 + ci4 * ti12, ti4 = ci5 * ti12 - ci4 * ti11;
      ch[CH(i - 1, 2, k)] = tr2 + tr5;
      ch[CH(ic - 1, 1, k)] = tr2 - tr5;
      ch[CH(i, 2, k)] = ti5 + ti2;
      ch[CH(ic, 1, k)] = ti5 - ti2;
      ch[CH(i - 1, 4, k)] = tr3 + tr4;
      ch[CH(ic - 1, 3, k)] = tr3 - tr4;
      ch[CH(i, 4, k)] = ti4 + ti3;
      ch[CH(ic, 3, k)] = ti4 - ti3;
    }
}

/** The generic odd-radix pass; it leaves its result in cc. */
function radfg(ido: number, ip: number, l1: number, cc: Float64Array, ch: Float64Array, wa: Float64Array, csarr: Float64Array): void {
  const cdim = ip;
  const ipph = (ip + 1) >> 1;
  const idl1 = ido * l1;
  const C1 = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const C2 = (a: number, b: number) => a + idl1 * b;
  const CC = (a: number, b: number, c: number) => a + ido * (b + cdim * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);

  if (ido > 1) {
    for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
      const is = (j - 1) * (ido - 1), is2 = (jc - 1) * (ido - 1);
      for (let k = 0; k < l1; ++k) {
        let idij = is, idij2 = is2;
        for (let i = 1; i <= ido - 2; i += 2) {
          const t1 = cc[C1(i, k, j)]!, t2 = cc[C1(i + 1, k, j)]!, t3 = cc[C1(i, k, jc)]!, t4 = cc[C1(i + 1, k, jc)]!;
          const x1 = wa[idij]! * t1 + wa[idij + 1]! * t2;
          const x2 = wa[idij]! * t2 - wa[idij + 1]! * t1;
          const x3 = wa[idij2]! * t3 + wa[idij2 + 1]! * t4;
          const x4 = wa[idij2]! * t4 - wa[idij2 + 1]! * t3;
          cc[C1(i, k, j)] = x1 + x3;
          cc[C1(i, k, jc)] = x2 - x4;
          cc[C1(i + 1, k, j)] = x2 + x4;
          cc[C1(i + 1, k, jc)] = x3 - x1;
          idij += 2;
          idij2 += 2;
        }
      }
    }
  }
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc)
    for (let k = 0; k < l1; ++k) {
      const t1 = cc[C1(0, k, j)]!, t2 = cc[C1(0, k, jc)]!;
      cc[C1(0, k, j)] = t1 + t2;
      cc[C1(0, k, jc)] = t2 - t1;
    }
  for (let l = 1, lc = ip - 1; l < ipph; ++l, --lc) {
    for (let ik = 0; ik < idl1; ++ik) {
      ch[C2(ik, l)] = cc[C2(ik, 0)]! + csarr[2 * l]! * cc[C2(ik, 1)]! + csarr[4 * l]! * cc[C2(ik, 2)]!;
      ch[C2(ik, lc)] = csarr[2 * l + 1]! * cc[C2(ik, ip - 1)]! + csarr[4 * l + 1]! * cc[C2(ik, ip - 2)]!;
    }
    let iang = 2 * l;
    let j = 3, jc = ip - 3;
    for (; j < ipph - 3; j += 4, jc -= 4) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar1 = csarr[2 * iang]!, ai1 = csarr[2 * iang + 1]!;
      iang += l; if (iang >= ip) iang -= ip;
      const ar2 = csarr[2 * iang]!, ai2 = csarr[2 * iang + 1]!;
      iang += l; if (iang >= ip) iang -= ip;
      const ar3 = csarr[2 * iang]!, ai3 = csarr[2 * iang + 1]!;
      iang += l; if (iang >= ip) iang -= ip;
      const ar4 = csarr[2 * iang]!, ai4 = csarr[2 * iang + 1]!;
      for (let ik = 0; ik < idl1; ++ik) {
        ch[C2(ik, l)]! += ar1 * cc[C2(ik, j)]! + ar2 * cc[C2(ik, j + 1)]! + ar3 * cc[C2(ik, j + 2)]! + ar4 * cc[C2(ik, j + 3)]!;
        ch[C2(ik, lc)]! += ai1 * cc[C2(ik, jc)]! + ai2 * cc[C2(ik, jc - 1)]! + ai3 * cc[C2(ik, jc - 2)]! + ai4 * cc[C2(ik, jc - 3)]!;
      }
    }
    for (; j < ipph - 1; j += 2, jc -= 2) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar1 = csarr[2 * iang]!, ai1 = csarr[2 * iang + 1]!;
      iang += l; if (iang >= ip) iang -= ip;
      const ar2 = csarr[2 * iang]!, ai2 = csarr[2 * iang + 1]!;
      for (let ik = 0; ik < idl1; ++ik) {
        ch[C2(ik, l)]! += ar1 * cc[C2(ik, j)]! + ar2 * cc[C2(ik, j + 1)]!;
        ch[C2(ik, lc)]! += ai1 * cc[C2(ik, jc)]! + ai2 * cc[C2(ik, jc - 1)]!;
      }
    }
    for (; j < ipph; ++j, --jc) {
      iang += l; if (iang >= ip) iang -= ip;
      const ar = csarr[2 * iang]!, ai = csarr[2 * iang + 1]!;
      for (let ik = 0; ik < idl1; ++ik) {
        ch[C2(ik, l)]! += ar * cc[C2(ik, j)]!;
        ch[C2(ik, lc)]! += ai * cc[C2(ik, jc)]!;
      }
    }
  }
  for (let ik = 0; ik < idl1; ++ik) ch[C2(ik, 0)] = cc[C2(ik, 0)]!;
  for (let j = 1; j < ipph; ++j) for (let ik = 0; ik < idl1; ++ik) ch[C2(ik, 0)]! += cc[C2(ik, j)]!;
  for (let k = 0; k < l1; ++k) for (let i = 0; i < ido; ++i) cc[CC(i, 0, k)] = ch[CH(i, k, 0)]!;
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
    const j2 = 2 * j - 1;
    for (let k = 0; k < l1; ++k) {
      cc[CC(ido - 1, j2, k)] = ch[CH(0, k, j)]!;
      cc[CC(0, j2 + 1, k)] = ch[CH(0, k, jc)]!;
    }
  }
  if (ido === 1) return;
  for (let j = 1, jc = ip - 1; j < ipph; ++j, --jc) {
    const j2 = 2 * j - 1;
    for (let k = 0; k < l1; ++k)
      for (let i = 1, ic = ido - i - 2; i <= ido - 2; i += 2, ic -= 2) {
        cc[CC(i, j2 + 1, k)] = ch[CH(i, k, j)]! + ch[CH(i, k, jc)]!;
        cc[CC(ic, j2, k)] = ch[CH(i, k, j)]! - ch[CH(i, k, jc)]!;
        cc[CC(i + 1, j2 + 1, k)] = ch[CH(i + 1, k, j)]! + ch[CH(i + 1, k, jc)]!;
        cc[CC(ic + 1, j2, k)] = ch[CH(i + 1, k, jc)]! - ch[CH(i + 1, k, j)]!;
      }
  }
}

/**
 * numpy.fft.rfft(x) exactly as numpy computes it, for lengths where
 * `pocketfftRfftSupported(n)`; throws otherwise.
 */
export function pocketfftRfft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  if (n === 0) throw new RangeError('rfft: the series is empty');
  if (!pocketfftRfftSupported(n)) throw new RangeError(`pocketfftRfft: numpy uses Bluestein's algorithm for length ${n}, which is not ported`);
  const plan = realPlan(n);
  let p1 = Float64Array.from(x);
  let p2 = new Float64Array(n);
  if (n > 1) {
    let l1 = n;
    const nf = plan.factors.length;
    for (let k1 = 0; k1 < nf; ++k1) {
      const k = nf - k1 - 1;
      const { ip, tw, tws } = plan.factors[k]!;
      const ido = n / l1;
      l1 /= ip;
      if (ip === 4) radf4(ido, l1, p1, p2, tw);
      else if (ip === 2) radf2(ido, l1, p1, p2, tw);
      else if (ip === 3) radf3(ido, l1, p1, p2, tw);
      else if (ip === 5) radf5(ido, l1, p1, p2, tw);
      else {
        radfg(ido, ip, l1, p1, p2, tw, tws);
        [p1, p2] = [p2, p1];
      }
      [p1, p2] = [p2, p1];
    }
  }
  // halfcomplex r0, r1, i1, r2, i2, ... -> complex terms
  const half = Math.floor(n / 2) + 1;
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  re[0] = p1[0]!;
  for (let k = 1; k < half; k++) {
    re[k] = p1[2 * k - 1]!;
    im[k] = 2 * k < n ? p1[2 * k]! : 0;
  }
  return { re, im };
}
