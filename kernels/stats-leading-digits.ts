/**
 * The leading-digit histogram of tsfresh's `benford_correlation`
 * (src/features/calculators/statistics/benford-correlation.ts): the first digit of each |x_i|
 * as numpy's `format_float_scientific` writes it, i.e. of the shortest round-trip decimal
 * (kernels/shortest-decimal.ts), after `np.nan_to_num` (NaN -> 0, ±inf -> the
 * largest double).
 */
import { shortestLeadingDigit } from './shortest-decimal';

/** The bits of Number.MAX_VALUE, what `np.nan_to_num` makes of ±inf. */
const MAX_VALUE_BITS: u64 = 0x7fefffffffffffff;

/**
 * counts[d - 1] = #{i : the leading digit of |x_i| is d}, d = 1..9 (9 float64s); zeros and
 * NaNs (leading digit 0) count for no d. `tables`: the 10^k tables of kernels/shortest-decimal.ts.
 */
export function leadingDigitCounts(x: usize, n: i32, tables: usize, counts: usize): void {
  for (let d = 0; d < 9; d++) store<f64>(counts + (<usize>d << 3), 0);
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v || v == 0) continue;
    let bits = reinterpret<u64>(v) & 0x7fffffffffffffff;
    if (bits == 0x7ff0000000000000) bits = MAX_VALUE_BITS;
    const counter = counts + (<usize>(shortestLeadingDigit(bits, tables) - 1) << 3);
    store<f64>(counter, load<f64>(counter) + 1);
  }
}
