/**
 * markNaN(values, count, flags): flags[i] = 1 (a byte) where values[i] is NaN, for i < count;
 * other flags are left as they are, so that calls on successive rows of a matrix, with the same
 * `flags`, mark the columns that hold a NaN in any row (src/features/value-columns.ts).
 */
export function markNaN(values: usize, count: i32, flags: usize): void {
  for (let i = 0; i < count; i++) {
    const v = load<f64>(values + (<usize>i << 3));
    if (v != v) store<u8>(flags + <usize>i, 1);
  }
}
