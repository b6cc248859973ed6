/**
 * Counting loops of the statistics calculators (src/features/calculators/statistics/
 * value-counts.ts, number-crossing-m.ts, number-peaks.ts): exact float comparisons, as
 * numpy's `==`, `>=`, `<`, `<=`, `>` (a NaN fails every one).
 */

/** The comparison `countMatching` counts. */
const CROSSINGS = 0;
const IN_RANGE = 1;
const AT_LEAST = 2;
const AT_MOST = 3;
const EQUAL = 4;
const IS_NAN = 5;

/**
 * How many of `x[0..n)` satisfy `kind` with thresholds a, b: 0 the crossings of level a
 * (#{i >= 1 : (x_i > a) != (x_{i-1} > a)}), 1 a <= x_i < b, 2 x_i >= a, 3 x_i <= a,
 * 4 x_i == a, 5 x_i is NaN.
 */
export function countMatching(x: usize, n: i32, kind: i32, a: f64, b: f64): i32 {
  let count = 0;
  if (kind == CROSSINGS) {
    if (n == 0) return 0;
    let above = load<f64>(x) > a;
    for (let i = 1; i < n; i++) {
      const now = load<f64>(x + (<usize>i << 3)) > a;
      count += i32(now != above);
      above = now;
    }
  } else if (kind == IN_RANGE) {
    for (let i = 0; i < n; i++) {
      const v = load<f64>(x + (<usize>i << 3));
      count += i32(v >= a) & i32(v < b);
    }
  } else if (kind == AT_LEAST) {
    for (let i = 0; i < n; i++) count += i32(load<f64>(x + (<usize>i << 3)) >= a);
  } else if (kind == AT_MOST) {
    for (let i = 0; i < n; i++) count += i32(load<f64>(x + (<usize>i << 3)) <= a);
  } else if (kind == EQUAL) {
    for (let i = 0; i < n; i++) count += i32(load<f64>(x + (<usize>i << 3)) == a);
  } else if (kind == IS_NAN) {
    for (let i = 0; i < n; i++) {
      const v = load<f64>(x + (<usize>i << 3));
      count += i32(v != v);
    }
  }
  return count;
}

/**
 * number_peaks for the `k` ascending supports `supports` (positive integers as float64s):
 * out[j] = #{i : s <= i < n - s, x_i > x_{i-d} and x_i > x_{i+d} for d = 1..s}, s = supports[j].
 * One sieve: the peaks of support 1, then per distance d the candidates that also beat the
 * values d away; the count after distance s answers s. `candidates`: n i32s of scratch.
 */
export function peakCounts(x: usize, n: i32, supports: usize, k: i32, candidates: usize, out: usize): void {
  let count = 0;
  for (let i = 1; i < n - 1; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    store<i32>(candidates + (<usize>count << 2), i);
    count += i32(v > load<f64>(x + (<usize>(i - 1) << 3))) & i32(v > load<f64>(x + (<usize>(i + 1) << 3)));
  }
  let reached = 1;
  for (let j = 0; j < k; j++) {
    const support = <i32>load<f64>(supports + (<usize>j << 3));
    while (reached < support && count > 0) {
      const distance = ++reached;
      const end = n - distance;
      let survivors = 0;
      for (let c = 0; c < count; c++) {
        const i = load<i32>(candidates + (<usize>c << 2));
        store<i32>(candidates + (<usize>survivors << 2), i);
        if (i >= distance && i < end) {
          const v = load<f64>(x + (<usize>i << 3));
          survivors += i32(v > load<f64>(x + (<usize>(i - distance) << 3))) & i32(v > load<f64>(x + (<usize>(i + distance) << 3)));
        }
      }
      count = survivors;
    }
    store<f64>(out + (<usize>j << 3), <f64>count);
  }
}
