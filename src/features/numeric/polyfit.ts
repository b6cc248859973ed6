/**
 * `np.polyfit(x, y, deg)`: least squares on the Vandermonde matrix [x^deg ... x 1] with each
 * column scaled to unit norm, solved like `np.linalg.lstsq` with rcond = len(x)·ε (singular
 * values below rcond·σ_max are dropped, giving the minimum-norm solution when the fit is
 * underdetermined), then unscaled. Coefficients come highest power first. The Vandermonde
 * matrix and the solve run in WebAssembly (kernels/dynamics-min-norm.ts, the SVD of jacobi-svd.ts).
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

const pointsBuffer = new KernelBuffer();
const coefBuffer = new KernelBuffer();
const workBuffer = new KernelBuffer();

/** Fits a degree-`deg` polynomial; throws like numpy on an empty x or a negative degree. */
export function polyfit(x: ArrayLike<number>, y: ArrayLike<number>, deg: number): Float64Array {
  if (!(deg >= 0) || !Number.isInteger(deg)) throw new RangeError(`polyfit: expected an integer deg >= 0, got ${deg}`);
  const m = x.length;
  if (m === 0) throw new RangeError('polyfit: expected a non-empty vector for x');
  if (y.length !== m) throw new RangeError('polyfit: x and y must have the same length');
  const order = deg + 1;
  const k = kernels();
  const xAt = pointsBuffer.pointer(2 * m);
  const yAt = xAt + 8 * m;
  const memory = k.f64;
  for (let i = 0; i < m; i++) {
    memory[xAt / 8 + i] = x[i]!;
    memory[yAt / 8 + i] = y[i]!;
  }
  const coefAt = coefBuffer.pointer(order);
  k.fn.polyfit(xAt, yAt, m, deg, m * Number.EPSILON, workBuffer.pointer(order * (m + deg + 3)), coefAt);
  return coefBuffer.view(order).slice();
}
