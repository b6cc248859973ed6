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

/**
 * numpy's pairwise sum (kernels/stats-pairwise-sum.ts' order: eight accumulators as four f64x2
 * lanes up to 128 values, halves at a multiple of 8 above) of the terms `kind` of the `n`
 * changes at `a`, each term formed as numpy forms the elementwise array it then sums; the
 * terms are computed on the way instead of stored.
 */
function pairwiseTermSum(a: usize, n: i32, kind: i32, mean: f64): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) res += term(load<f64>(a + (<usize>i << 3)), kind, mean);
    return res;
  }
  if (n <= 128) {
    const means = f64x2.splat(mean);
    let r01 = terms(v128.load(a), kind, means);
    let r23 = terms(v128.load(a, 16), kind, means);
    let r45 = terms(v128.load(a, 32), kind, means);
    let r67 = terms(v128.load(a, 48), kind, means);
    const blocked = n - (n & 7);
    let i = 8;
    for (; i < blocked; i += 8) {
      const p = a + (<usize>i << 3);
      r01 = f64x2.add(r01, terms(v128.load(p), kind, means));
      r23 = f64x2.add(r23, terms(v128.load(p, 16), kind, means));
      r45 = f64x2.add(r45, terms(v128.load(p, 32), kind, means));
      r67 = f64x2.add(r67, terms(v128.load(p, 48), kind, means));
    }
    let res =
      f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) + (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
      (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) + (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
    for (; i < n; i++) res += term(load<f64>(a + (<usize>i << 3)), kind, mean);
    return res;
  }
  let half = n >> 1;
  half -= half & 7;
  return pairwiseTermSum(a, half, kind, mean) + pairwiseTermSum(a + (<usize>half << 3), n - half, kind, mean);
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
  for (let i = 1; i < n; i++) {
    const current = load<f64>(x + (<usize>i << 3));
    const inside = <i32>(current >= lower) & <i32>(current <= upper);
    store<f64>(raw + (<usize>m << 3), current - previous);
    m += inside & previousInside;
    previous = current;
    previousInside = inside;
  }
  if (m > 0) {
    const rawMean = pairwiseTermSum(raw, m, RAW, 0) / <f64>m;
    const absoluteMean = pairwiseTermSum(raw, m, ABSOLUTE, 0) / <f64>m;
    store<f64>(moments, rawMean);
    store<f64>(moments, absoluteMean, 8);
    store<f64>(moments, pairwiseTermSum(raw, m, RAW_DEVIATION, rawMean) / <f64>m, 16);
    store<f64>(moments, pairwiseTermSum(raw, m, ABSOLUTE_DEVIATION, absoluteMean) / <f64>m, 24);
  }
  return m;
}
