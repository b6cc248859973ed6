/**
 * V8's Math.hypot(a, b) to the bit (src/features/numeric/hypot.ts): m = the larger |argument|
 * that is not NaN; Infinity when m is; NaN when an argument is; 0 when m is; otherwise
 * sqrt((x/m)^2 + (y/m)^2) * m. Only comparisons, + * / and sqrt: the same bits in wasm.
 */
@inline export function hypot(a: f64, b: f64): f64 {
  const x = abs<f64>(a);
  const y = abs<f64>(b);
  const max = x > y ? x : y; // a NaN never wins
  const larger = max == max ? max : x == x ? x : y;
  if (larger == Infinity) return Infinity;
  if (x != x || y != y) return NaN;
  if (larger == 0) return 0;
  const nx = x / larger;
  const ny = y / larger;
  return sqrt<f64>(nx * nx + ny * ny) * larger;
}
