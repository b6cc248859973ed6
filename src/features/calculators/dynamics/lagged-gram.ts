/**
 * The Gram matrix of a lag design in O(m·p) instead of O(m·p²).
 *
 * Autoregressions (AR(k), the ADF regression) regress u_t on its own past u_{t−1}, ..., u_{t−p}
 * over rows t = first..end−1. Their design is Toeplitz: every column is the same sequence
 * shifted, so the cross products
 *
 *   S(j, l) = Σ_{t=first}^{end−1} u_{t−j} u_{t−l},   0 ≤ j ≤ l ≤ p,
 *
 * obey S(j, l) = S(j−1, l−1) + u_{first−j} u_{first−l} − u_{end−j} u_{end−l} (shift the window
 * of t by one: one row enters, one leaves). Only S(0, l) needs a pass over the data; likewise
 * the column sums σ(l) = Σ_t u_{t−l} = σ(l−1) + u_{first−l} − u_{end−l}. Each recurrence step
 * adds at most two roundings of the size of the products involved, so an entry's error stays
 * within (m + 4p)·u·‖column_j‖·‖column_l‖ (u the unit roundoff), the δ of gram-least-squares.ts.
 */

import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

const seriesBuffer = new KernelBuffer();
const extraBuffer = new KernelBuffer();
const gramBuffer = new KernelBuffer();

/**
 * Fills the upper triangle of the row-major `size`×`size` augmented Gram matrix of the design
 * [1, e_1..e_E, u_{t−1}, ..., u_{t−lags}] with response u_t, t = first..end−1 (requires
 * first ≥ lags, E ≤ 1; size = lags + 2 + E). Index 0 is the constant (entry (0,0) = m, its row
 * the column sums), 1..E the extra regressor `extras[0][t]` (indexed by t like u), then the
 * lags in order, and the response last. The sums run in WebAssembly
 * (kernels/dynamics-lagged-least-squares.ts): S(0, l) eight lags per pass over the data, every
 * sum in increasing t, the rest by the recurrences above.
 */
export function fillLaggedGram(
  u: Float64Array,
  first: number,
  end: number,
  lags: number,
  extras: readonly Float64Array[],
  gram: Float64Array,
): void {
  const extra = extras.length;
  const size = lags + 2 + extra;
  if (extra > 1) throw new RangeError('fillLaggedGram: at most one extra regressor');
  if (first < lags || end > u.length || (extra === 1 && end > extras[0]!.length) || gram.length < size * size) {
    throw new RangeError('fillLaggedGram: rows out of range');
  }
  const at = gramBuffer.pointer(size * size);
  kernels().fn.laggedGram(seriesBuffer.copyIn(u), extra === 1 ? extraBuffer.copyIn(extras[0]!) : 0, extra, first, end, lags, at);
  // the upper triangle, element by element (a subarray per row was an allocation per row)
  const memory = kernels().f64;
  const from = at / 8;
  for (let a = 0; a < size; a++) {
    for (let b = a * size + a; b < (a + 1) * size; b++) gram[b] = memory[from + b]!;
  }
}
