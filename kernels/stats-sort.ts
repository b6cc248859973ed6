/**
 * The ascending sort of a series, in exactly the order of JavaScript's
 * `Float64Array.prototype.sort()` (and `np.sort`): numeric, -0 before +0, every NaN last.
 *
 * Each value becomes a u64 key that orders as the numbers do: its bits with the sign bit set
 * for a non-negative value, all bits flipped for a negative one (so -0 < +0), a NaN first
 * made the one canonical quiet NaN 0x7FF8000000000000, whose key is above +Infinity's. The
 * keys are bucket-sorted by value when the values spread evenly (bucketSortKeys), else
 * sorted by least-significant-digit radix sort, 8 bits per pass, the eight
 * histograms counted in one sweep; a pass whose digit is the same for every key (the high
 * bytes of values of one sign and magnitude) is skipped. Short series take an insertion sort.
 * Every NaN comes out as the canonical NaN (NaN payloads are not observable in the results).
 */

const SIGN: u64 = 0x8000000000000000;
const CANONICAL_NAN: u64 = 0x7ff8000000000000;
/** Up to this many values, insertion sort beats the radix passes' fixed cost. */
const INSERTION_LIMIT: i32 = 24;
/** The histograms' u32 counters: 8 digits x 256 values. */
const HISTOGRAM_COUNTERS: i32 = 8 * 256;

/** The order-preserving key of `v` (see the file comment). */
@inline
function keyOf(v: f64): u64 {
  const bits = v != v ? CANONICAL_NAN : reinterpret<u64>(v);
  return bits ^ (<u64>(<i64>bits >> 63) | SIGN);
}

/** The double whose key is `key`. */
@inline
function valueOf(key: u64): f64 {
  return reinterpret<f64>(key ^ (~<u64>(<i64>key >> 63) | SIGN));
}

/** One more `key` with digit `d` in the histograms. */
@inline
function count(histograms: usize, key: u64, d: i32): void {
  const counter = histograms + (<usize>(d << 10)) + (<usize>((key >> (<u64>d << 3)) & 0xff) << 2);
  store<u32>(counter, load<u32>(counter) + 1);
}

/** The float64s of {@link sortSeries}' work region for n values. */
export function sortWorkSize(n: i32): i32 {
  // the keys' second home (n), then the radix histograms or the n bucket counters (u32s)
  return n + (max(HISTOGRAM_COUNTERS, n + 1) >> 1) + 1;
}

/**
 * The bucket sort's budget: when the buckets' sizes c satisfy sum c^2 <= BUCKET_BUDGET * n,
 * the insertion pass moves at most ~BUCKET_BUDGET / 2 keys per value; otherwise (heavy ties,
 * clustered values) the radix sort runs instead.
 */
const BUCKET_BUDGET: i32 = 4;

/** Insertion step: `key` into the ascending keys `out[0..i)`, giving `out[0..i]` ascending. */
@inline
function insertKey(out: usize, i: i32, key: u64): void {
  let j = i;
  while (j > 0) {
    const before = load<u64>(out + (<usize>(j - 1) << 3));
    if (before <= key) break;
    store<u64>(out + (<usize>j << 3), before);
    j--;
  }
  store<u64>(out + (<usize>j << 3), key);
}

/**
 * The bucket sort of the non-NaN keys of `x[0..n)`: bucket(v) = trunc((v - lo) * scale)
 * (clamped to n - 1) with scale = n / (hi - lo), a non-decreasing function of v (every step a
 * correctly rounded, monotone operation; -0 and +0 share a bucket), so bucket order is value
 * order and one insertion sort of the keys in bucket order finishes within buckets. The NaNs'
 * canonical keys (the largest) go last. `out` receives the sorted keys (`x` is not written
 * before it is read: `out` may be `x`). Returns false, having written nothing, when the range
 * is not finite and positive or the buckets are too uneven (see BUCKET_BUDGET).
 */
function bucketSortKeys(x: usize, n: i32, out: usize, work: usize): bool {
  let lo = Infinity;
  let hi = -Infinity;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) nans++;
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  const range = hi - lo;
  const scale = <f64>n / range;
  if (!(range > 0 && range < Infinity && scale < Infinity)) return false;
  const keys = work;
  const buckets = work + (<usize>n << 3);
  memory.fill(buckets, 0, <usize>n << 2);
  const top = <f64>(n - 1);
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) continue;
    const b = <i32>min<f64>((v - lo) * scale, top);
    const counter = buckets + (<usize>b << 2);
    store<u32>(counter, load<u32>(counter) + 1);
  }
  // counts to starting positions, checking the insertion budget on the way
  let position: u32 = 0;
  let squares: i64 = 0;
  for (let b = 0; b < n; b++) {
    const counter = buckets + (<usize>b << 2);
    const count = load<u32>(counter);
    squares += <i64>count * <i64>count;
    store<u32>(counter, position);
    position += count;
  }
  if (squares > <i64>BUCKET_BUDGET * <i64>n) return false;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v != v) continue;
    const key = keyOf(v);
    const counter = buckets + (<usize>(<i32>min<f64>((v - lo) * scale, top)) << 2);
    const at = load<u32>(counter);
    store<u32>(counter, at + 1);
    store<u64>(keys + (<usize>at << 3), key);
  }
  // insertion sort in bucket order: every key moves only past keys of its own bucket
  const sorted = n - nans;
  store<u64>(out, load<u64>(keys));
  for (let i = 1; i < sorted; i++) insertKey(out, i, load<u64>(keys + (<usize>i << 3)));
  for (let i = sorted; i < n; i++) store<u64>(out + (<usize>i << 3), keyOf(NaN));
  return true;
}

/**
 * `out[0..n)` = `x[0..n)` ascending (`out` may be `x`); `work`: {@link sortWorkSize}(n)
 * float64s of scratch.
 */
export function sortSeries(x: usize, n: i32, out: usize, work: usize): void {
  if (n <= INSERTION_LIMIT) {
    for (let i = 0; i < n; i++) insertKey(out, i, keyOf(load<f64>(x + (<usize>i << 3))));
    for (let i = 0; i < n; i++) {
      const p = out + (<usize>i << 3);
      store<f64>(p, valueOf(load<u64>(p)));
    }
    return;
  }
  if (bucketSortKeys(x, n, out, work)) {
    for (let i = 0; i < n; i++) {
      const p = out + (<usize>i << 3);
      store<f64>(p, valueOf(load<u64>(p)));
    }
    return;
  }
  const other = work;
  const histograms = work + (<usize>n << 3);
  memory.fill(histograms, 0, <usize>HISTOGRAM_COUNTERS << 2);
  // keys into `out`, all eight digit histograms in the same sweep
  for (let i = 0; i < n; i++) {
    const key = keyOf(load<f64>(x + (<usize>i << 3)));
    store<u64>(out + (<usize>i << 3), key);
    count(histograms, key, 0);
    count(histograms, key, 1);
    count(histograms, key, 2);
    count(histograms, key, 3);
    count(histograms, key, 4);
    count(histograms, key, 5);
    count(histograms, key, 6);
    count(histograms, key, 7);
  }
  let source = out;
  let target = other;
  const first = load<u64>(out);
  for (let d = 0; d < 8; d++) {
    const shift = <u64>d << 3;
    const table = histograms + (<usize>(d << 8) << 2);
    // every key has the first key's digit: the pass would not move anything
    if (load<u32>(table + (<usize>((first >> shift) & 0xff) << 2)) == <u32>n) continue;
    // counts to starting positions
    let position: u32 = 0;
    for (let b = 0; b < 256; b++) {
      const counter = table + (<usize>b << 2);
      const count = load<u32>(counter);
      store<u32>(counter, position);
      position += count;
    }
    for (let i = 0; i < n; i++) {
      const key = load<u64>(source + (<usize>i << 3));
      const counter = table + (<usize>((key >> shift) & 0xff) << 2);
      const at = load<u32>(counter);
      store<u32>(counter, at + 1);
      store<u64>(target + (<usize>at << 3), key);
    }
    const swap = source;
    source = target;
    target = swap;
  }
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), valueOf(load<u64>(source + (<usize>i << 3))));
}
