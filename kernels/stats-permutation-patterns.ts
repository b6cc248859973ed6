/**
 * The counting half of tsfresh's `permutation_entropy`
 * (src/features/calculators/complexity/permutation-entropy.ts): the ordinal pattern of every
 * window, for several window lengths (dimensions) at once, and how many patterns occur how
 * often. The logarithms of the entropy stay in TypeScript.
 *
 * The pattern code of a window starting at s grows one dimension at a time,
 * code_d = code_(d-1) * d + place_d with place_d = #{k < d-1 : x_(s+k) <= x_(s+d-1)}, and the
 * places come from a table `places[b * n + t] = #{u in [t-b, t) : x_u <= x_t}`.
 */

/**
 * Counts the patterns of `x[0..n)` (returns -1 and counts nothing when it holds a NaN) for the
 * windows starting every `tau` values, for each dimension d in [smallest, largest] whose
 * `countTables[d]` (i32 pointers) is non-zero (that table holds d! zeroed i32 counters and is
 * left zeroed). Each wanted dimension, ascending, appends to `out` (float64s): the number of
 * distinct occurrence counts c, then the pairs (c, patterns seen exactly c times), ascending c;
 * returns how many float64s were written. Work regions: `places` largest * n bytes, `seen`
 * (largest + 1) * n i32s, `histogram` n + 1 zeroed i32s (left zeroed), `distinct` largest + 1 i32s.
 * Needs 2 <= smallest <= largest <= n and tau >= 1.
 */
export function permutationPatterns(
  x: usize,
  n: i32,
  tau: i32,
  smallest: i32,
  largest: i32,
  countTables: usize,
  places: usize,
  seen: usize,
  histogram: usize,
  distinct: usize,
  out: usize,
): i32 {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) return -1;
  }
  const rowBytes = <usize>n;
  memory.fill(places, 0, rowBytes);
  for (let b = 1; b < largest; b++) {
    const row = places + <usize>b * rowBytes;
    const previous = row - rowBytes;
    for (let t = b; t < n; t++) {
      const place = <i32>load<u8>(previous + <usize>t) + <i32>(load<f64>(x + (<usize>(t - b) << 3)) <= load<f64>(x + (<usize>t << 3)));
      store<u8>(row + <usize>t, <u8>place);
    }
  }
  for (let d = 0; d <= largest; d++) store<i32>(distinct + (<usize>d << 2), 0);
  const starts = (n - smallest) / tau + 1;
  for (let w = 0, start = 0; w < starts; w++, start += tau) {
    let code = 0;
    const top = min(largest, n - start);
    for (let d = 2; d <= top; d++) {
      code = code * d + <i32>load<u8>(places + <usize>(d - 1) * rowBytes + <usize>(start + d - 1));
      const table = <usize>load<i32>(countTables + (<usize>d << 2));
      if (table != 0) {
        const counter = table + (<usize>code << 2);
        const count = load<i32>(counter);
        store<i32>(counter, count + 1);
        if (count == 0) {
          const k = load<i32>(distinct + (<usize>d << 2));
          store<i32>(seen + ((<usize>d * rowBytes + <usize>k) << 2), code);
          store<i32>(distinct + (<usize>d << 2), k + 1);
        }
      }
    }
  }
  let written = 0;
  for (let d = smallest; d <= largest; d++) {
    const table = <usize>load<i32>(countTables + (<usize>d << 2));
    if (table == 0) continue;
    const patterns = load<i32>(distinct + (<usize>d << 2));
    const list = seen + ((<usize>d * rowBytes) << 2);
    let maxCount = 0;
    for (let k = 0; k < patterns; k++) {
      const counter = table + (<usize>load<i32>(list + (<usize>k << 2)) << 2);
      const count = load<i32>(counter);
      store<i32>(counter, 0);
      const bucket = histogram + (<usize>count << 2);
      store<i32>(bucket, load<i32>(bucket) + 1);
      if (count > maxCount) maxCount = count;
    }
    const header = written++;
    let pairs = 0;
    for (let c = 1; c <= maxCount; c++) {
      const bucket = histogram + (<usize>c << 2);
      const withCount = load<i32>(bucket);
      if (withCount == 0) continue;
      store<i32>(bucket, 0);
      store<f64>(out + (<usize>written << 3), <f64>c);
      store<f64>(out + (<usize>(written + 1) << 3), <f64>withCount);
      written += 2;
      pairs++;
    }
    store<f64>(out + (<usize>header << 3), <f64>pairs);
  }
  return written;
}
