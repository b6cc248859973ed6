/**
 * The complex roots of a real polynomial, `np.roots` style: coefficients highest power first;
 * leading zeros are dropped, trailing zeros become roots at 0. Degrees 1 and 2 are solved in
 * closed form (the quadratic with the cancellation-free formula); higher degrees by the
 * Aberth–Ehrlich simultaneous iteration started on circles from the Newton polygon of the
 * coefficient magnitudes (Bini 1996), which copes with roots of very different sizes.
 */
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
  const d = last - first;
  const re = new Float64Array(d + trailingZeros);
  const im = new Float64Array(d + trailingZeros);
  if (d === 1) re[0] = -p[first + 1]! / p[first]!;
  else if (d === 2) quadraticRoots(p[first]!, p[first + 1]!, p[first + 2]!, re, im);
  else if (d > 2) aberth(p, first, d, re, im);
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

/**
 * The Aberth–Ehrlich iteration for the d ≥ 3 roots of Σ coef[c] x^(d−c) (coef[0] and coef[d]
 * non-zero): the starting circles here (they need log/exp/cos/sin), the sweeps, their
 * convergence test and the final real/complex decision in WebAssembly (kernels/dynamics-aberth.ts,
 * `aberthRoots`).
 */
function aberth(p: ArrayLike<number>, first: number, d: number, re: Float64Array, im: Float64Array): void {
  const wasm = kernels();
  const coefAt = coefBuffer.pointer(d + 1) / 8;
  const rootsAt = rootsBuffer.pointer(2 * d);
  const reAt = rootsAt / 8;
  const imAt = reAt + d;
  let memory = wasm.f64;
  for (let c = 0; c <= d; c++) memory[coefAt + c] = p[first + c]!;
  // Newton polygon of (k, log|a_k|), a_k the coefficient of x^k: upper convex hull.
  const logs = new Float64Array(d + 1);
  for (let k = 0; k <= d; k++) {
    const a = Math.abs(memory[coefAt + d - k]!);
    logs[k] = a > 0 ? Math.log(a) : -Infinity;
  }
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
  // d starting points: on each hull edge's circle, spread evenly and turned per edge.
  let idx = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const i = hull[h]!;
    const j = hull[h + 1]!;
    const radius = Math.exp((logs[i]! - logs[j]!) / (j - i));
    const count = j - i;
    for (let s = 0; s < count; s++) {
      const angle = (2 * Math.PI * s) / count + (2 * Math.PI * h) / d + 0.4;
      memory[reAt + idx] = radius * Math.cos(angle);
      memory[imAt + idx] = radius * Math.sin(angle);
      idx++;
    }
  }
  wasm.fn.aberthRoots(coefAt * 8, d, rootsAt, imAt * 8);
  memory = wasm.f64;
  re.set(memory.subarray(reAt, reAt + d));
  im.set(memory.subarray(imAt, imAt + d));
}
