/**
 * The inner loops of tsfresh's `change_quantiles` (src/features/calculators/statistics/
 * change-quantiles.ts): the changes x_{i+1} - x_i whose start and end both lie in the
 * corridor [lower, upper], and numpy's mean and variance of them and of their magnitudes.
 */

/** The elementwise term a corridor sum adds up, of a change c: */
const RAW = 0; // c
const ABSOLUTE = 1; // |c|
const RAW_DEVIATION = 2; // (c - mean)^2
const ABSOLUTE_DEVIATION = 3; // (|c| - mean)^2

/** The term `kind` of the change c (scalar). */
// @ts-ignore: decorator
@inline function term(c: f64, kind: i32, mean: f64): f64 {
  if (kind == RAW) return c;
  if (kind == ABSOLUTE) return abs<f64>(c);
  const d = (kind == RAW_DEVIATION ? c : abs<f64>(c)) - mean;
  return d * d;
}

/** The term `kind` of two changes at once (the same operations lane by lane). */
// @ts-ignore: decorator
@inline function terms(c: v128, kind: i32, mean: v128): v128 {
  if (kind == RAW) return c;
  if (kind == ABSOLUTE) return f64x2.abs(c);
  const d = f64x2.sub(kind == RAW_DEVIATION ? c : f64x2.abs(c), mean);
  return f64x2.mul(d, d);
}

/** The second result of the sums below (the first is returned). */
let secondSum: f64 = 0;

/**
 * numpy's pairwise sums (kernels/stats-pairwise-sum.ts' order: eight accumulators as four
 * f64x2 lanes) of two kinds of terms of the `n` <= 128 changes at `a` side by side, each sum
 * exactly as it would run alone: the terms of `kind` (raw: c or (c - mean)^2) are returned, those of `kind + 1` (their magnitude
 * counterpart, |c| or (|c| - absoluteMean)^2) left in `secondSum`. Each term is formed as numpy
 * forms the elementwise array it then sums, on the way instead of stored.
 */
// @ts-ignore: decorator
@inline function blockTermSums(a: usize, n: i32, kind: i32, mean: f64, absoluteMean: f64): f64 {
  const other = kind + 1;
  if (n < 8) {
    let res: f64 = 0;
    let second: f64 = 0;
    for (let i = 0; i < n; i++) {
      const c = load<f64>(a + (<usize>i << 3));
      res += term(c, kind, mean);
      second += term(c, other, absoluteMean);
    }
    secondSum = second;
    return res;
  }
  const means = f64x2.splat(mean);
  const absoluteMeans = f64x2.splat(absoluteMean);
  let c = v128.load(a);
  let r01 = terms(c, kind, means);
  let s01 = terms(c, other, absoluteMeans);
  c = v128.load(a, 16);
  let r23 = terms(c, kind, means);
  let s23 = terms(c, other, absoluteMeans);
  c = v128.load(a, 32);
  let r45 = terms(c, kind, means);
  let s45 = terms(c, other, absoluteMeans);
  c = v128.load(a, 48);
  let r67 = terms(c, kind, means);
  let s67 = terms(c, other, absoluteMeans);
  const blocked = n - (n & 7);
  let i = 8;
  for (; i < blocked; i += 8) {
    const p = a + (<usize>i << 3);
    c = v128.load(p);
    r01 = f64x2.add(r01, terms(c, kind, means));
    s01 = f64x2.add(s01, terms(c, other, absoluteMeans));
    c = v128.load(p, 16);
    r23 = f64x2.add(r23, terms(c, kind, means));
    s23 = f64x2.add(s23, terms(c, other, absoluteMeans));
    c = v128.load(p, 32);
    r45 = f64x2.add(r45, terms(c, kind, means));
    s45 = f64x2.add(s45, terms(c, other, absoluteMeans));
    c = v128.load(p, 48);
    r67 = f64x2.add(r67, terms(c, kind, means));
    s67 = f64x2.add(s67, terms(c, other, absoluteMeans));
  }
  let res =
    f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) + (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
    (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) + (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
  let second =
    f64x2.extract_lane(s01, 0) + f64x2.extract_lane(s01, 1) + (f64x2.extract_lane(s23, 0) + f64x2.extract_lane(s23, 1)) +
    (f64x2.extract_lane(s45, 0) + f64x2.extract_lane(s45, 1) + (f64x2.extract_lane(s67, 0) + f64x2.extract_lane(s67, 1)));
  for (; i < n; i++) {
    const v = load<f64>(a + (<usize>i << 3));
    res += term(v, kind, mean);
    second += term(v, other, absoluteMean);
  }
  secondSum = second;
  return res;
}

/** {@link blockTermSums} of c and |c| for any n: numpy's halves at a multiple of 8 above 128. */
function changeSums(a: usize, n: i32): f64 {
  if (n <= 128) return blockTermSums(a, n, RAW, 0, 0);
  let half = n >> 1;
  half -= half & 7;
  const firstHalf = changeSums(a, half);
  const firstHalfSecond = secondSum;
  const secondHalf = changeSums(a + (<usize>half << 3), n - half);
  secondSum = firstHalfSecond + secondSum;
  return firstHalf + secondHalf;
}

/** {@link blockTermSums} of (c - mean)^2 and (|c| - absoluteMean)^2 for any n, halved as {@link changeSums}. */
function squaredDeviationSums(a: usize, n: i32, mean: f64, absoluteMean: f64): f64 {
  if (n <= 128) return blockTermSums(a, n, RAW_DEVIATION, mean, absoluteMean);
  let half = n >> 1;
  half -= half & 7;
  const firstHalf = squaredDeviationSums(a, half, mean, absoluteMean);
  const firstHalfSecond = secondSum;
  const secondHalf = squaredDeviationSums(a + (<usize>half << 3), n - half, mean, absoluteMean);
  secondSum = firstHalfSecond + secondSum;
  return firstHalf + secondHalf;
}

/**
 * Collects the corridor's changes of `x[0..n)` (n >= 2) into `raw` (n - 1 float64s, in series
 * order) and returns their count m. When m > 0, `moments` receives np.mean(raw),
 * np.mean(|raw|), np.var(raw), np.var(|raw|) of those m values (each mean a pairwise sum / m;
 * each variance the pairwise sum of squared deviations from that mean / m).
 */
export function corridorChanges(x: usize, n: i32, lower: f64, upper: f64, raw: usize, moments: usize): i32 {
  let m = 0;
  let previous = load<f64>(x);
  let previousInside = <i32>(previous >= lower) & <i32>(previous <= upper);
  // two values per pass: their corridor test in f64x2 lanes (a two-bit mask), both changes
  // stored, the count advanced past each one that starts and ends inside
  const lowers = f64x2.splat(lower);
  const uppers = f64x2.splat(upper);
  let i = 1;
  for (; i + 2 <= n; i += 2) {
    const at = x + (<usize>i << 3);
    const current = v128.load(at);
    const inside = i64x2.bitmask(v128.and(f64x2.ge(current, lowers), f64x2.le(current, uppers)));
    const changes = f64x2.sub(current, v128.load(at - 8));
    store<f64>(raw + (<usize>m << 3), f64x2.extract_lane(changes, 0));
    const first = inside & 1;
    m += first & previousInside;
    store<f64>(raw + (<usize>m << 3), f64x2.extract_lane(changes, 1));
    previousInside = inside >> 1;
    m += first & previousInside;
  }
  previous = load<f64>(x + (<usize>(i - 1) << 3));
  for (; i < n; i++) {
    const current = load<f64>(x + (<usize>i << 3));
    const inside = <i32>(current >= lower) & <i32>(current <= upper);
    store<f64>(raw + (<usize>m << 3), current - previous);
    m += inside & previousInside;
    previous = current;
    previousInside = inside;
  }
  if (m > 0) {
    const rawMean = changeSums(raw, m) / <f64>m;
    const absoluteMean = secondSum / <f64>m;
    store<f64>(moments, rawMean);
    store<f64>(moments, absoluteMean, 8);
    const rawSquares = squaredDeviationSums(raw, m, rawMean, absoluteMean);
    store<f64>(moments, rawSquares / <f64>m, 16);
    store<f64>(moments, secondSum / <f64>m, 24);
  }
  return m;
}
