// Element access to float64 arrays in memory: `p` a byte pointer, `i` an element index.

/** The i-th float64 of the array at p. */
@inline export function get(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

/** Stores v as the i-th float64 of the array at p. */
@inline export function put(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
