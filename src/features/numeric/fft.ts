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
 * parts.
 */

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
  /** Transforms `re`/`im` (length n) in place. */
  forward(re: Float64Array, im: Float64Array): void;
}

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

class StockhamPlan implements FftPlan {
  private readonly stages: Stage[] = [];
  private readonly bufRe: Float64Array;
  private readonly bufIm: Float64Array;

  constructor(readonly n: number) {
    this.bufRe = new Float64Array(n);
    this.bufIm = new Float64Array(n);
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
      this.stages.push({ p, L, twRe, twIm, rootRe, rootIm });
      L = Lp;
    }
  }

  forward(re: Float64Array, im: Float64Array): void {
    let aRe = re;
    let aIm = im;
    let bRe = this.bufRe;
    let bIm = this.bufIm;
    for (const stage of this.stages) {
      pass(stage, this.n, aRe, aIm, bRe, bIm);
      [aRe, bRe] = [bRe, aRe];
      [aIm, bIm] = [bIm, aIm];
    }
    if (aRe !== re) {
      re.set(aRe);
      im.set(aIm);
    }
  }
}

/**
 * One Stockham pass. Input: for each residue s < r = n/L, the length-L DFT of x[s + r*m] at
 * frequency k, stored at k*r + s. Output: the same with L*p and r/p.
 */
function pass(stage: Stage, n: number, aRe: Float64Array, aIm: Float64Array, bRe: Float64Array, bIm: Float64Array): void {
  const { p, L, twRe, twIm } = stage;
  const r = n / L;
  const rp = r / p;
  const outStride = L * rp;
  if (p === 4) {
    for (let k = 0; k < L; k++) {
      const t = 3 * k;
      const w1r = twRe[t]!, w1i = twIm[t]!, w2r = twRe[t + 1]!, w2i = twIm[t + 1]!, w3r = twRe[t + 2]!, w3i = twIm[t + 2]!;
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp, i2 = i1 + rp, i3 = i2 + rp;
        const a0r = aRe[i0]!, a0i = aIm[i0]!;
        const x1r = aRe[i1]!, x1i = aIm[i1]!, x2r = aRe[i2]!, x2i = aIm[i2]!, x3r = aRe[i3]!, x3i = aIm[i3]!;
        const a1r = x1r * w1r - x1i * w1i, a1i = x1r * w1i + x1i * w1r;
        const a2r = x2r * w2r - x2i * w2i, a2i = x2r * w2i + x2i * w2r;
        const a3r = x3r * w3r - x3i * w3i, a3i = x3r * w3i + x3i * w3r;
        const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
        const t2r = a1r + a3r, t2i = a1i + a3i;
        // (a1 - a3) * (-i)
        const t3r = a1i - a3i, t3i = a3r - a1r;
        const o0 = k * rp + s;
        bRe[o0] = t0r + t2r;
        bIm[o0] = t0i + t2i;
        bRe[o0 + outStride] = t1r + t3r;
        bIm[o0 + outStride] = t1i + t3i;
        bRe[o0 + 2 * outStride] = t0r - t2r;
        bIm[o0 + 2 * outStride] = t0i - t2i;
        bRe[o0 + 3 * outStride] = t1r - t3r;
        bIm[o0 + 3 * outStride] = t1i - t3i;
      }
    }
  } else if (p === 2) {
    for (let k = 0; k < L; k++) {
      const wr = twRe[k]!, wi = twIm[k]!;
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp;
        const a0r = aRe[i0]!, a0i = aIm[i0]!;
        const xr = aRe[i1]!, xi = aIm[i1]!;
        const a1r = xr * wr - xi * wi, a1i = xr * wi + xi * wr;
        const o0 = k * rp + s;
        bRe[o0] = a0r + a1r;
        bIm[o0] = a0i + a1i;
        bRe[o0 + outStride] = a0r - a1r;
        bIm[o0 + outStride] = a0i - a1i;
      }
    }
  } else if (p === 3) {
    const h = Math.sqrt(3) / 2;
    for (let k = 0; k < L; k++) {
      const t = 2 * k;
      const w1r = twRe[t]!, w1i = twIm[t]!, w2r = twRe[t + 1]!, w2i = twIm[t + 1]!;
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp, i2 = i1 + rp;
        const a0r = aRe[i0]!, a0i = aIm[i0]!;
        const x1r = aRe[i1]!, x1i = aIm[i1]!, x2r = aRe[i2]!, x2i = aIm[i2]!;
        const a1r = x1r * w1r - x1i * w1i, a1i = x1r * w1i + x1i * w1r;
        const a2r = x2r * w2r - x2i * w2i, a2i = x2r * w2i + x2i * w2r;
        const sr = a1r + a2r, si = a1i + a2i;
        const mr = a0r - 0.5 * sr, mi = a0i - 0.5 * si;
        // -i * h * (a1 - a2)
        const dr = h * (a1i - a2i), di = -h * (a1r - a2r);
        const o0 = k * rp + s;
        bRe[o0] = a0r + sr;
        bIm[o0] = a0i + si;
        bRe[o0 + outStride] = mr + dr;
        bIm[o0 + outStride] = mi + di;
        bRe[o0 + 2 * outStride] = mr - dr;
        bIm[o0 + 2 * outStride] = mi - di;
      }
    }
  } else if (p === 5) {
    const root = new Float64Array(2);
    unitRoot(1, 5, root);
    const c1 = root[0]!, s1 = root[1]!;
    unitRoot(2, 5, root);
    const c2 = root[0]!, s2 = root[1]!;
    for (let k = 0; k < L; k++) {
      const t = 4 * k;
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const a0r = aRe[i0]!, a0i = aIm[i0]!;
        let x = aRe[i0 + rp]!, y = aIm[i0 + rp]!;
        const a1r = x * twRe[t]! - y * twIm[t]!, a1i = x * twIm[t]! + y * twRe[t]!;
        x = aRe[i0 + 2 * rp]!; y = aIm[i0 + 2 * rp]!;
        const a2r = x * twRe[t + 1]! - y * twIm[t + 1]!, a2i = x * twIm[t + 1]! + y * twRe[t + 1]!;
        x = aRe[i0 + 3 * rp]!; y = aIm[i0 + 3 * rp]!;
        const a3r = x * twRe[t + 2]! - y * twIm[t + 2]!, a3i = x * twIm[t + 2]! + y * twRe[t + 2]!;
        x = aRe[i0 + 4 * rp]!; y = aIm[i0 + 4 * rp]!;
        const a4r = x * twRe[t + 3]! - y * twIm[t + 3]!, a4i = x * twIm[t + 3]! + y * twRe[t + 3]!;
        const b1r = a1r + a4r, b1i = a1i + a4i, b2r = a2r + a3r, b2i = a2i + a3i;
        const d1r = a1r - a4r, d1i = a1i - a4i, d2r = a2r - a3r, d2i = a2i - a3i;
        const m1r = a0r + c1 * b1r + c2 * b2r, m1i = a0i + c1 * b1i + c2 * b2i;
        const m2r = a0r + c2 * b1r + c1 * b2r, m2i = a0i + c2 * b1i + c1 * b2i;
        // n1 = -i (s1 d1 + s2 d2), n2 = -i (s2 d1 - s1 d2)
        const e1r = s1 * d1r + s2 * d2r, e1i = s1 * d1i + s2 * d2i;
        const e2r = s2 * d1r - s1 * d2r, e2i = s2 * d1i - s1 * d2i;
        const o0 = k * rp + s;
        bRe[o0] = a0r + b1r + b2r;
        bIm[o0] = a0i + b1i + b2i;
        bRe[o0 + outStride] = m1r + e1i;
        bIm[o0 + outStride] = m1i - e1r;
        bRe[o0 + 4 * outStride] = m1r - e1i;
        bIm[o0 + 4 * outStride] = m1i + e1r;
        bRe[o0 + 2 * outStride] = m2r + e2i;
        bIm[o0 + 2 * outStride] = m2i - e2r;
        bRe[o0 + 3 * outStride] = m2r - e2i;
        bIm[o0 + 3 * outStride] = m2i + e2r;
      }
    }
  } else {
    genericPass(stage, r, rp, outStride, aRe, aIm, bRe, bIm);
  }
}

/** A pass with a prime radix p > 5: a direct O(p^2) DFT per butterfly. */
function genericPass(
  stage: Stage,
  r: number,
  rp: number,
  outStride: number,
  aRe: Float64Array,
  aIm: Float64Array,
  bRe: Float64Array,
  bIm: Float64Array,
): void {
  const { p, L, twRe, twIm } = stage;
  const rootRe = stage.rootRe!;
  const rootIm = stage.rootIm!;
  const xr = new Float64Array(p);
  const xi = new Float64Array(p);
  for (let k = 0; k < L; k++) {
    for (let s = 0; s < rp; s++) {
      const i0 = k * r + s;
      xr[0] = aRe[i0]!;
      xi[0] = aIm[i0]!;
      for (let q = 1; q < p; q++) {
        const vr = aRe[i0 + q * rp]!, vi = aIm[i0 + q * rp]!;
        const wr = twRe[k * (p - 1) + q - 1]!, wi = twIm[k * (p - 1) + q - 1]!;
        xr[q] = vr * wr - vi * wi;
        xi[q] = vr * wi + vi * wr;
      }
      const o0 = k * rp + s;
      for (let t = 0; t < p; t++) {
        let sr = xr[0]!, si = xi[0]!;
        let m = 0;
        for (let q = 1; q < p; q++) {
          m += t;
          if (m >= p) m -= p;
          const wr = rootRe[m]!, wi = rootIm[m]!;
          sr += xr[q]! * wr - xi[q]! * wi;
          si += xr[q]! * wi + xi[q]! * wr;
        }
        bRe[o0 + t * outStride] = sr;
        bIm[o0 + t * outStride] = si;
      }
    }
  }
}

/**
 * Bluestein's algorithm: with c[j] = exp(-i*pi*j^2/n), X[k] = c[k] * sum_j (x[j] c[j]) conj(c[k-j]),
 * a convolution done with a power-of-two FFT of length >= 2n-1.
 */
class BluesteinPlan implements FftPlan {
  private readonly m: number;
  private readonly inner: FftPlan;
  private readonly chirpRe: Float64Array;
  private readonly chirpIm: Float64Array;
  /** FFT of the conjugate chirp laid out circularly, divided by m (the inverse's scale). */
  private readonly kernelRe: Float64Array;
  private readonly kernelIm: Float64Array;
  private readonly workRe: Float64Array;
  private readonly workIm: Float64Array;

  constructor(readonly n: number) {
    let m = 1;
    while (m < 2 * n - 1) m *= 2;
    this.m = m;
    this.inner = fftPlan(m);
    this.chirpRe = new Float64Array(n);
    this.chirpIm = new Float64Array(n);
    const root = new Float64Array(2);
    for (let j = 0; j < n; j++) {
      // exp(-i*pi*j^2/n) = exp(-2*pi*i*(j^2 mod 2n)/(2n)); j^2 mod 2n computed exactly.
      const j2 = Number((BigInt(j) * BigInt(j)) % BigInt(2 * n));
      unitRoot(j2, 2 * n, root);
      this.chirpRe[j] = root[0]!;
      this.chirpIm[j] = -root[1]!;
    }
    this.kernelRe = new Float64Array(m);
    this.kernelIm = new Float64Array(m);
    for (let j = 0; j < n; j++) {
      this.kernelRe[j] = this.chirpRe[j]!;
      this.kernelIm[j] = -this.chirpIm[j]!;
      if (j > 0) {
        this.kernelRe[m - j] = this.chirpRe[j]!;
        this.kernelIm[m - j] = -this.chirpIm[j]!;
      }
    }
    this.inner.forward(this.kernelRe, this.kernelIm);
    for (let j = 0; j < m; j++) {
      this.kernelRe[j]! /= m;
      this.kernelIm[j]! /= m;
    }
    this.workRe = new Float64Array(m);
    this.workIm = new Float64Array(m);
  }

  forward(re: Float64Array, im: Float64Array): void {
    const { n, m, chirpRe, chirpIm, kernelRe, kernelIm, workRe, workIm } = this;
    workRe.fill(0);
    workIm.fill(0);
    for (let j = 0; j < n; j++) {
      workRe[j] = re[j]! * chirpRe[j]! - im[j]! * chirpIm[j]!;
      workIm[j] = re[j]! * chirpIm[j]! + im[j]! * chirpRe[j]!;
    }
    this.inner.forward(workRe, workIm);
    // Multiply by the kernel and conjugate, so that a forward FFT performs the inverse.
    for (let j = 0; j < m; j++) {
      const ar = workRe[j]!, ai = workIm[j]!, br = kernelRe[j]!, bi = kernelIm[j]!;
      workRe[j] = ar * br - ai * bi;
      workIm[j] = -(ar * bi + ai * br);
    }
    this.inner.forward(workRe, workIm);
    for (let k = 0; k < n; k++) {
      const ar = workRe[k]!, ai = -workIm[k]!;
      re[k] = ar * chirpRe[k]! - ai * chirpIm[k]!;
      im[k] = ar * chirpIm[k]! + ai * chirpRe[k]!;
    }
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
