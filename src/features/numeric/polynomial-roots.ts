/**
 * The complex roots of a real polynomial, `np.roots` style: coefficients highest power first;
 * leading zeros are dropped, trailing zeros become roots at 0. Degrees 1 and 2 are solved in
 * closed form (the quadratic with the cancellation-free formula); higher degrees by the
 * Aberth–Ehrlich simultaneous iteration started on circles from the Newton polygon of the
 * coefficient magnitudes (Bini 1996), which copes with roots of very different sizes.
 */
import { hypot } from './hypot.js';
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

const coefBuffer = new KernelBuffer();
const rootsBuffer = new KernelBuffer();

export interface Roots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** All roots of Σ p[k] x^(d−k). Throws on NaN/infinite coefficients (numpy: LinAlgError). */
export function polynomialRoots(p: ArrayLike<number>): Roots {
  for (let i = 0; i < p.length; i++) {
    if (!Number.isFinite(p[i]!)) throw new RangeError('polynomial coefficients must be finite');
  }
  let first = 0;
  while (first < p.length && p[first] === 0) first++;
  if (first === p.length) return { re: new Float64Array(0), im: new Float64Array(0) };
  let last = p.length - 1;
  while (p[last] === 0) last--;
  const trailingZeros = p.length - 1 - last;
  const coef = Array.from({ length: last - first + 1 }, (_, i) => p[first + i]!);
  const d = coef.length - 1;
  const re = new Float64Array(d + trailingZeros);
  const im = new Float64Array(d + trailingZeros);
  if (d === 1) re[0] = -coef[1]! / coef[0]!;
  else if (d === 2) quadraticRoots(coef[0]!, coef[1]!, coef[2]!, re, im);
  else if (d > 2) aberth(coef, re, im);
  return { re, im };
}

function quadraticRoots(a: number, b: number, c: number, re: Float64Array, im: Float64Array): void {
  const disc = b * b - 4 * a * c;
  if (disc >= 0) {
    const q = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
    re[0] = q / a;
    re[1] = q === 0 ? 0 : c / q;
  } else {
    re[0] = re[1] = -b / (2 * a);
    im[0] = Math.sqrt(-disc) / (2 * a);
    im[1] = -im[0]!;
  }
}

function aberth(coef: number[], re: Float64Array, im: Float64Array): void {
  const d = coef.length - 1;
  // Newton polygon of (k, log|a_k|), a_k the coefficient of x^k: upper convex hull.
  const logs = Array.from({ length: d + 1 }, (_, k) => {
    const a = Math.abs(coef[d - k]!);
    return a > 0 ? Math.log(a) : -Infinity;
  });
  const hull: number[] = [];
  for (let k = 0; k <= d; k++) {
    if (logs[k] === -Infinity) continue;
    while (hull.length >= 2) {
      const i = hull[hull.length - 2]!;
      const j = hull[hull.length - 1]!;
      // drop j if it lies on or below the segment i..k
      if ((logs[j]! - logs[i]!) * (k - i) <= (logs[k]! - logs[i]!) * (j - i)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  let idx = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const i = hull[h]!;
    const j = hull[h + 1]!;
    const radius = Math.exp((logs[i]! - logs[j]!) / (j - i));
    const count = j - i;
    for (let s = 0; s < count; s++) {
      const angle = (2 * Math.PI * s) / count + (2 * Math.PI * h) / d + 0.4;
      re[idx] = radius * Math.cos(angle);
      im[idx] = radius * Math.sin(angle);
      idx++;
    }
  }
  // The sweeps run in WebAssembly (kernels/dynamics-aberth.ts); the relative step sizes
  // (hypot) that decide convergence are taken here.
  const wasm = kernels();
  const coefAt = coefBuffer.pointer(d + 1);
  const rootsAt = rootsBuffer.pointer(5 * d);
  const reAt = rootsAt;
  const imAt = rootsAt + 8 * d;
  const stepsAt = imAt + 8 * d;
  const memory = wasm.f64;
  for (let c = 0; c <= d; c++) memory[coefAt / 8 + c] = coef[c]!;
  memory.set(re.subarray(0, d), reAt / 8);
  memory.set(im.subarray(0, d), imAt / 8);
  for (let iter = 0; iter < 200; iter++) {
    wasm.fn.aberthSweep(coefAt, d, reAt, imAt, stepsAt);
    let maxStep = 0;
    for (let k = 0; k < d; k++) {
      const s = stepsAt / 8 + 3 * k;
      if (memory[s] === 0) continue;
      const rel = hypot(memory[s + 1]!, memory[s + 2]!) / Math.max(hypot(memory[reAt / 8 + k]!, memory[imAt / 8 + k]!), Number.MIN_VALUE);
      if (rel > maxStep) maxStep = rel;
    }
    if (maxStep < 4 * Number.EPSILON) break;
  }
  re.set(memory.subarray(reAt / 8, reAt / 8 + d));
  im.set(memory.subarray(imAt / 8, imAt / 8 + d));
  // Real polynomial: roots with a negligible imaginary part are real.
  for (let k = 0; k < d; k++) {
    if (Math.abs(im[k]!) <= 1e-14 * hypot(re[k]!, im[k]!)) im[k] = 0;
  }
}
