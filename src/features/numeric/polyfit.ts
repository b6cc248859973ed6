/**
 * `np.polyfit(x, y, deg)`: least squares on the Vandermonde matrix [x^deg ... x 1] with each
 * column scaled to unit norm, solved like `np.linalg.lstsq` with rcond = len(x)·ε (singular
 * values below rcond·σ_max are dropped, giving the minimum-norm solution when the fit is
 * underdetermined), then unscaled. Coefficients come highest power first.
 */
import { minNormLeastSquares } from './jacobi-svd.js';

/** Fits a degree-`deg` polynomial; throws like numpy on an empty x or a negative degree. */
export function polyfit(x: ArrayLike<number>, y: ArrayLike<number>, deg: number): Float64Array {
  if (!(deg >= 0) || !Number.isInteger(deg)) throw new RangeError(`polyfit: expected an integer deg >= 0, got ${deg}`);
  const m = x.length;
  if (m === 0) throw new RangeError('polyfit: expected a non-empty vector for x');
  if (y.length !== m) throw new RangeError('polyfit: x and y must have the same length');
  const order = deg + 1;
  // numpy's vander builds powers by repeated multiplication: column deg−k holds x^k.
  const columns: Float64Array[] = Array.from({ length: order }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    let p = 1;
    columns[deg]![i] = 1;
    for (let k = 1; k <= deg; k++) {
      p *= x[i]!;
      columns[deg - k]![i] = p;
    }
  }
  const scale = new Float64Array(order);
  for (let j = 0; j < order; j++) {
    const c = columns[j]!;
    let s = 0;
    for (let i = 0; i < m; i++) s += c[i]! * c[i]!;
    scale[j] = Math.sqrt(s);
    for (let i = 0; i < m; i++) c[i] = c[i]! / scale[j]!;
  }
  const { x: coef } = minNormLeastSquares(columns, y, m * Number.EPSILON);
  for (let j = 0; j < order; j++) coef[j] = coef[j]! / scale[j]!;
  return coef;
}
