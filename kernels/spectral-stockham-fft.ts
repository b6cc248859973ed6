/**
 * The complex mixed-radix Stockham FFT of src/features/numeric/fft.ts (forward, radix 4, 2, 3,
 * 5 and a direct DFT for a larger prime), every operation in the same order.
 *
 * The plan is a float64 table the TypeScript side writes once per length: per pass, STAGE
 * values [p, L, twRe, twIm, rootRe, rootIm, k0, k1, k2, k3] with the twiddle pointers (W_{Lp}^{qk}
 * at k (p-1) + q-1), the pointers of W_p^m for a generic radix, and the radix's constants
 * (p = 3: k0 = sqrt(3)/2; p = 5: k0..k3 = cos, sin of 2 pi/5 and of 4 pi/5).
 */
import { get, put } from './f64-memory';

const STAGE = 10;

/**
 * Transforms re + i im (n values each) in place by the plan (`stages` passes), with bufRe,
 * bufIm (n values each) and `scratch` (2 p values for the largest generic radix p) to work in.
 */
export function stockhamForward(re: usize, im: usize, bufRe: usize, bufIm: usize, n: i32, plan: usize, stages: i32, scratch: usize): void {
  let aRe = re, aIm = im, bRe = bufRe, bIm = bufIm;
  for (let s = 0; s < stages; s++) {
    pass(plan + (<usize>(s * STAGE) << 3), n, aRe, aIm, bRe, bIm, scratch);
    let t = aRe;
    aRe = bRe;
    bRe = t;
    t = aIm;
    aIm = bIm;
    bIm = t;
  }
  if (aRe != re) {
    memory.copy(re, aRe, <usize>n << 3);
    memory.copy(im, aIm, <usize>n << 3);
  }
}

/**
 * One Stockham pass. Input: for each residue s < r = n/L, the length-L DFT of x[s + r*m] at
 * frequency k, stored at k*r + s. Output: the same with L*p and r/p.
 */
function pass(stage: usize, n: i32, aRe: usize, aIm: usize, bRe: usize, bIm: usize, scratch: usize): void {
  const p = <i32>get(stage, 0);
  const L = <i32>get(stage, 1);
  const twRe = <usize>get(stage, 2);
  const twIm = <usize>get(stage, 3);
  const r = n / L;
  const rp = r / p;
  const outStride = L * rp;
  if (p == 4) {
    for (let k = 0; k < L; k++) {
      const t = 3 * k;
      const w1r = get(twRe, t), w1i = get(twIm, t), w2r = get(twRe, t + 1), w2i = get(twIm, t + 1), w3r = get(twRe, t + 2), w3i = get(twIm, t + 2);
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp, i2 = i1 + rp, i3 = i2 + rp;
        const a0r = get(aRe, i0), a0i = get(aIm, i0);
        const x1r = get(aRe, i1), x1i = get(aIm, i1), x2r = get(aRe, i2), x2i = get(aIm, i2), x3r = get(aRe, i3), x3i = get(aIm, i3);
        const a1r = x1r * w1r - x1i * w1i, a1i = x1r * w1i + x1i * w1r;
        const a2r = x2r * w2r - x2i * w2i, a2i = x2r * w2i + x2i * w2r;
        const a3r = x3r * w3r - x3i * w3i, a3i = x3r * w3i + x3i * w3r;
        const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
        const t2r = a1r + a3r, t2i = a1i + a3i;
        // (a1 - a3) * (-i)
        const t3r = a1i - a3i, t3i = a3r - a1r;
        const o0 = k * rp + s;
        put(bRe, o0, t0r + t2r);
        put(bIm, o0, t0i + t2i);
        put(bRe, o0 + outStride, t1r + t3r);
        put(bIm, o0 + outStride, t1i + t3i);
        put(bRe, o0 + 2 * outStride, t0r - t2r);
        put(bIm, o0 + 2 * outStride, t0i - t2i);
        put(bRe, o0 + 3 * outStride, t1r - t3r);
        put(bIm, o0 + 3 * outStride, t1i - t3i);
      }
    }
  } else if (p == 2) {
    for (let k = 0; k < L; k++) {
      const wr = get(twRe, k), wi = get(twIm, k);
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp;
        const a0r = get(aRe, i0), a0i = get(aIm, i0);
        const xr = get(aRe, i1), xi = get(aIm, i1);
        const a1r = xr * wr - xi * wi, a1i = xr * wi + xi * wr;
        const o0 = k * rp + s;
        put(bRe, o0, a0r + a1r);
        put(bIm, o0, a0i + a1i);
        put(bRe, o0 + outStride, a0r - a1r);
        put(bIm, o0 + outStride, a0i - a1i);
      }
    }
  } else if (p == 3) {
    const h = get(stage, 6);
    for (let k = 0; k < L; k++) {
      const t = 2 * k;
      const w1r = get(twRe, t), w1i = get(twIm, t), w2r = get(twRe, t + 1), w2i = get(twIm, t + 1);
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const i1 = i0 + rp, i2 = i1 + rp;
        const a0r = get(aRe, i0), a0i = get(aIm, i0);
        const x1r = get(aRe, i1), x1i = get(aIm, i1), x2r = get(aRe, i2), x2i = get(aIm, i2);
        const a1r = x1r * w1r - x1i * w1i, a1i = x1r * w1i + x1i * w1r;
        const a2r = x2r * w2r - x2i * w2i, a2i = x2r * w2i + x2i * w2r;
        const sr = a1r + a2r, si = a1i + a2i;
        const mr = a0r - 0.5 * sr, mi = a0i - 0.5 * si;
        // -i * h * (a1 - a2)
        const dr = h * (a1i - a2i), di = -h * (a1r - a2r);
        const o0 = k * rp + s;
        put(bRe, o0, a0r + sr);
        put(bIm, o0, a0i + si);
        put(bRe, o0 + outStride, mr + dr);
        put(bIm, o0 + outStride, mi + di);
        put(bRe, o0 + 2 * outStride, mr - dr);
        put(bIm, o0 + 2 * outStride, mi - di);
      }
    }
  } else if (p == 5) {
    const c1 = get(stage, 6), s1 = get(stage, 7), c2 = get(stage, 8), s2 = get(stage, 9);
    for (let k = 0; k < L; k++) {
      const t = 4 * k;
      const w1r = get(twRe, t), w1i = get(twIm, t), w2r = get(twRe, t + 1), w2i = get(twIm, t + 1);
      const w3r = get(twRe, t + 2), w3i = get(twIm, t + 2), w4r = get(twRe, t + 3), w4i = get(twIm, t + 3);
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        const a0r = get(aRe, i0), a0i = get(aIm, i0);
        let x = get(aRe, i0 + rp), y = get(aIm, i0 + rp);
        const a1r = x * w1r - y * w1i, a1i = x * w1i + y * w1r;
        x = get(aRe, i0 + 2 * rp); y = get(aIm, i0 + 2 * rp);
        const a2r = x * w2r - y * w2i, a2i = x * w2i + y * w2r;
        x = get(aRe, i0 + 3 * rp); y = get(aIm, i0 + 3 * rp);
        const a3r = x * w3r - y * w3i, a3i = x * w3i + y * w3r;
        x = get(aRe, i0 + 4 * rp); y = get(aIm, i0 + 4 * rp);
        const a4r = x * w4r - y * w4i, a4i = x * w4i + y * w4r;
        const b1r = a1r + a4r, b1i = a1i + a4i, b2r = a2r + a3r, b2i = a2i + a3i;
        const d1r = a1r - a4r, d1i = a1i - a4i, d2r = a2r - a3r, d2i = a2i - a3i;
        const m1r = a0r + c1 * b1r + c2 * b2r, m1i = a0i + c1 * b1i + c2 * b2i;
        const m2r = a0r + c2 * b1r + c1 * b2r, m2i = a0i + c2 * b1i + c1 * b2i;
        // n1 = -i (s1 d1 + s2 d2), n2 = -i (s2 d1 - s1 d2)
        const e1r = s1 * d1r + s2 * d2r, e1i = s1 * d1i + s2 * d2i;
        const e2r = s2 * d1r - s1 * d2r, e2i = s2 * d1i - s1 * d2i;
        const o0 = k * rp + s;
        put(bRe, o0, a0r + b1r + b2r);
        put(bIm, o0, a0i + b1i + b2i);
        put(bRe, o0 + outStride, m1r + e1i);
        put(bIm, o0 + outStride, m1i - e1r);
        put(bRe, o0 + 4 * outStride, m1r - e1i);
        put(bIm, o0 + 4 * outStride, m1i + e1r);
        put(bRe, o0 + 2 * outStride, m2r + e2i);
        put(bIm, o0 + 2 * outStride, m2i - e2r);
        put(bRe, o0 + 3 * outStride, m2r - e2i);
        put(bIm, o0 + 3 * outStride, m2i + e2r);
      }
    }
  } else {
    // a prime radix p > 5: a direct O(p^2) DFT per butterfly
    const rootRe = <usize>get(stage, 4);
    const rootIm = <usize>get(stage, 5);
    const xr = scratch;
    const xi = scratch + (<usize>p << 3);
    for (let k = 0; k < L; k++) {
      for (let s = 0; s < rp; s++) {
        const i0 = k * r + s;
        put(xr, 0, get(aRe, i0));
        put(xi, 0, get(aIm, i0));
        for (let q = 1; q < p; q++) {
          const vr = get(aRe, i0 + q * rp), vi = get(aIm, i0 + q * rp);
          const wr = get(twRe, k * (p - 1) + q - 1), wi = get(twIm, k * (p - 1) + q - 1);
          put(xr, q, vr * wr - vi * wi);
          put(xi, q, vr * wi + vi * wr);
        }
        const o0 = k * rp + s;
        for (let t = 0; t < p; t++) {
          let sr = get(xr, 0), si = get(xi, 0);
          let m = 0;
          for (let q = 1; q < p; q++) {
            m += t;
            if (m >= p) m -= p;
            const wr = get(rootRe, m), wi = get(rootIm, m);
            sr += get(xr, q) * wr - get(xi, q) * wi;
            si += get(xr, q) * wi + get(xi, q) * wr;
          }
          put(bRe, o0 + t * outStride, sr);
          put(bIm, o0 + t * outStride, si);
        }
      }
    }
  }
}
