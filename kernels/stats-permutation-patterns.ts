/**
 * The counting half of tsfresh's `permutation_entropy`
 * (src/features/calculators/complexity/permutation-entropy.ts): the ordinal pattern of every
 * window, for several window lengths (dimensions) at once, and how many patterns occur how
 * often. The logarithms of the entropy stay in TypeScript.
 *
 * The pattern code of a window starting at s grows one dimension at a time,
 * code_d = code_(d-1) * d + place_d with place_d = #{k < d-1 : x_(s+k) <= x_(s+d-1)}. The
 * work goes dimension by dimension over all windows: a row `place[t] = #{u in [t-b, t) :
 * x_u <= x_t}` gains look-back b = d - 1 (four t per pass: two f64x2 comparisons narrowed to
 * i32x4), every window's code takes its next digit (four windows per pass when tau = 1), and a
 * wanted dimension's codes are counted right away, so no branch depends on the dimension
 * inside a loop over windows.
 */

/** The i32s of the work region {@link permutationPatterns} needs for n values. */
export function permutationWorkSize(n: i32): i32 {
  // place row, codes, first-seen list, each n i32s rounded up to whole v128s
  return 3 * ((n + 3) & ~3);
}

/**
 * Counts the patterns of `x[0..n)` (returns -1 and counts nothing when it holds a NaN) for the
 * windows starting every `tau` values, for each dimension d in [smallest, largest] whose
 * `countTables[d]` (i32 pointers) is non-zero (that table holds d! zeroed i32 counters and is
 * left zeroed). Each wanted dimension, ascending, appends to `out` (float64s): the number of
 * distinct occurrence counts c, then the pairs (c, patterns seen exactly c times), ascending c;
 * returns how many float64s were written. `work`: permutationWorkSize(n) i32s; `histogram`
 * n + 1 zeroed i32s (left zeroed). Needs 2 <= smallest <= largest <= n and tau >= 1.
 */
export function permutationPatterns(
  x: usize,
  n: i32,
  tau: i32,
  smallest: i32,
  largest: i32,
  countTables: usize,
  work: usize,
  histogram: usize,
  out: usize,
): i32 {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) return -1;
  }
  const rowBytes = <usize>((n + 3) & ~3) << 2;
  const place = work;
  const code = work + rowBytes;
  const seen = code + rowBytes;
  memory.fill(place, 0, rowBytes << 1); // the place row and the codes
  let written = 0;
  for (let d = 2; d <= largest; d++) {
    const b = d - 1;
    // place[t] += x[t - b] <= x[t] for t in [b, n)
    let t = b;
    for (; t + 4 <= n; t += 4) {
      const back = x + (<usize>(t - b) << 3);
      const here = x + (<usize>t << 3);
      const m0 = f64x2.le(v128.load(back), v128.load(here));
      const m1 = f64x2.le(v128.load(back, 16), v128.load(here, 16));
      const m = v128.shuffle<i32>(m0, m1, 0, 2, 4, 6); // each i64 mask's low half
      const at = place + (<usize>t << 2);
      v128.store(at, i32x4.sub(v128.load(at), m));
    }
    for (; t < n; t++) {
      const at = place + (<usize>t << 2);
      store<i32>(at, load<i32>(at) + <i32>(load<f64>(x + (<usize>(t - b) << 3)) <= load<f64>(x + (<usize>t << 3))));
    }
    // code[w] = code[w] * d + place[w * tau + b] for the windows that have d values
    const windows = (n - d) / tau + 1;
    if (tau == 1) {
      const digits = place + (<usize>b << 2);
      const factor = i32x4.splat(d);
      let w = 0;
      for (; w + 4 <= windows; w += 4) {
        const at = code + (<usize>w << 2);
        v128.store(at, i32x4.add(i32x4.mul(v128.load(at), factor), v128.load(digits + (<usize>w << 2))));
      }
      for (; w < windows; w++) {
        const at = code + (<usize>w << 2);
        store<i32>(at, load<i32>(at) * d + load<i32>(digits + (<usize>w << 2)));
      }
    } else {
      for (let w = 0; w < windows; w++) {
        const at = code + (<usize>w << 2);
        store<i32>(at, load<i32>(at) * d + load<i32>(place + (<usize>(w * tau + b) << 2)));
      }
    }
    if (d < smallest) continue;
    const table = <usize>load<i32>(countTables + (<usize>d << 2));
    if (table == 0) continue;
    // count, listing each pattern the first time it shows (the list index moves only then)
    let patterns = 0;
    for (let w = 0; w < windows; w++) {
      const pattern = load<i32>(code + (<usize>w << 2));
      const counter = table + (<usize>pattern << 2);
      const count = load<i32>(counter);
      store<i32>(counter, count + 1);
      store<i32>(seen + (<usize>patterns << 2), pattern);
      patterns += <i32>(count == 0);
    }
    let maxCount = 0;
    for (let k = 0; k < patterns; k++) {
      const counter = table + (<usize>load<i32>(seen + (<usize>k << 2)) << 2);
      const count = load<i32>(counter);
      store<i32>(counter, 0);
      const bucket = histogram + (<usize>count << 2);
      store<i32>(bucket, load<i32>(bucket) + 1);
      maxCount = max(maxCount, count);
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
