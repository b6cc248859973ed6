/**
 * `Math.hypot(a, b)` to the bit, without its cost: V8 implements Math.hypot as a C++ runtime
 * builtin (~50 ns a call and a heap number per result); this is the same computation in
 * optimisable JavaScript. V8's method: m = the largest |argument| that is not NaN; Infinity when
 * m is; then NaN when an argument is; 0 when m is 0; otherwise sqrt(sum of (|v|/m)^2) * m with
 * the squares added in argument order under Kahan's compensation, which is exactly 0 after
 * the first of two terms: sqrt((x/m)^2 + (y/m)^2) * m.
 */
export function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const max = x > y ? x : y; // a NaN never wins: x > NaN and NaN > y are both false
  const larger = max === max ? max : x === x ? x : y;
  if (larger === Infinity) return Infinity;
  if (x !== x || y !== y) return Number.NaN;
  if (larger === 0) return 0;
  const nx = x / larger;
  const ny = y / larger;
  return Math.sqrt(nx * nx + ny * ny) * larger;
}
