/**
 * The Friedrich drift estimate's binning (src/features/calculators/dynamics/friedrich.ts):
 * pair x_t with Δx_t = x_{t+1} − x_t for t < count, put x_t in the quantile bin whose edges
 * e_{k−1} < x_t ≤ e_k (the number of e_1..e_r strictly below x_t, found by bisection; the
 * lowest edge belongs to bin 0), and average x_t and Δx_t per bin with Kahan-compensated sums
 * in series order (pandas' group mean). Requires NaN-free x.
 */
import { get, put } from './f64-memory';

/**
 * The means of x_t and Δx_t of every non-empty bin, in bin order, into `meansX` and `meansD`;
 * returns how many. `edges` holds e_0..e_r, `work` 5r + count values.
 *
 * The bins are found first (independent bisections), then the indices t are grouped by bin in
 * series order (a counting sort), and each bin's two compensated sums run over its own values:
 * the same operations in the same order as one running sum per bin over the series. Four bins
 * run side by side (x_t and Δx_t of bins b, b+1 in the lanes of two f64x2, of b+2, b+3 in two
 * more) for as many values as the shortest of them holds, each bin then finishing alone.
 */
export function friedrichBinMeans(x: usize, count: i32, edges: usize, r: i32, work: usize, meansX: usize, meansD: usize): i32 {
  const rBytes = <usize>r << 3;
  const sumX = work;
  const sumD = sumX + rBytes;
  const starts = sumD + rBytes; // i32 [r + 1]: bin b's indices are order[starts[b] .. starts[b + 1])
  const binOfT = starts + (<usize>(r + 1) << 2); // i32 [count]
  const order = binOfT + (<usize>count << 2); // i32 [count]
  memory.fill(starts, 0, <usize>(r + 1) << 2);
  for (let t = 0; t < count; t++) {
    const b = binOf(edges, r, get(x, t));
    store<i32>(binOfT + (<usize>t << 2), b);
    const at = starts + (<usize>(b + 1) << 2);
    store<i32>(at, load<i32>(at) + 1);
  }
  for (let b = 0; b < r; b++) {
    const at = starts + (<usize>(b + 1) << 2);
    store<i32>(at, load<i32>(at) + load<i32>(at - 4));
  }
  // starts[b] becomes the next free slot of bin b while filling, starts[b + 1] after
  for (let t = 0; t < count; t++) {
    const at = starts + (<usize>load<i32>(binOfT + (<usize>t << 2)) << 2);
    const slot = load<i32>(at);
    store<i32>(order + (<usize>slot << 2), t);
    store<i32>(at, slot + 1);
  }
  // now starts[b] is bin b's end; its start is starts[b - 1] (0 for bin 0)
  let b = 0;
  for (; b + 3 < r; b += 4) fourBins(x, order, starts, b, sumX, sumD);
  for (; b < r; b++) {
    const from = b == 0 ? 0 : load<i32>(starts + (<usize>(b - 1) << 2));
    oneBin(x, order, from, load<i32>(starts + (<usize>b << 2)), 0, 0, 0, 0, sumX, sumD, b);
  }
  let bins = 0;
  for (let k = 0; k < r; k++) {
    const from = k == 0 ? 0 : load<i32>(starts + (<usize>(k - 1) << 2));
    const c = <f64>(load<i32>(starts + (<usize>k << 2)) - from);
    if (c == 0) continue;
    put(meansX, bins, get(sumX, k) / c);
    put(meansD, bins, get(sumD, k) / c);
    bins++;
  }
  return bins;
}

/**
 * Bin b's compensated sums of x_t and Δx_t over order[from, to) continued from the sums and
 * compensations given (pandas' Kahan step: y = v − c, s = sum + y, c = (s − sum) − y), into
 * sumX[b], sumD[b].
 */
function oneBin(x: usize, order: usize, from: i32, to: i32, sx: f64, cx: f64, sd: f64, cd: f64, sumX: usize, sumD: usize, b: i32): void {
  for (let i = from; i < to; i++) {
    const t = load<i32>(order + (<usize>i << 2));
    const value = get(x, t);
    let y = value - cx;
    let s = sx + y;
    cx = s - sx - y;
    sx = s;
    y = get(x, t + 1) - value - cd;
    s = sd + y;
    cd = s - sd - y;
    sd = s;
  }
  put(sumX, b, sx);
  put(sumD, b, sd);
}

/** Bins b..b+3 side by side (see friedrichBinMeans), each finished by {@link oneBin}. */
function fourBins(x: usize, order: usize, starts: usize, b: i32, sumX: usize, sumD: usize): void {
  const f0 = b == 0 ? 0 : load<i32>(starts + (<usize>(b - 1) << 2));
  const e0 = load<i32>(starts + (<usize>b << 2));
  const e1 = load<i32>(starts + (<usize>(b + 1) << 2));
  const e2 = load<i32>(starts + (<usize>(b + 2) << 2));
  const e3 = load<i32>(starts + (<usize>(b + 3) << 2));
  const f1 = e0;
  const f2 = e1;
  const f3 = e2;
  const common = min(min(e0 - f0, e1 - f1), min(e2 - f2, e3 - f3));
  // lanes: (bin b, bin b+1) in *01, (b+2, b+3) in *23; x sums in sx, Δx sums in sd
  let sx01 = f64x2.splat(0);
  let cx01 = sx01;
  let sd01 = sx01;
  let cd01 = sx01;
  let sx23 = sx01;
  let cx23 = sx01;
  let sd23 = sx01;
  let cd23 = sx01;
  for (let i = 0; i < common; i++) {
    // (x_t, x_{t+1}) of each bin's i-th index
    const p0 = v128.load(x + (<usize>load<i32>(order + (<usize>(f0 + i) << 2)) << 3));
    const p1 = v128.load(x + (<usize>load<i32>(order + (<usize>(f1 + i) << 2)) << 3));
    const p2 = v128.load(x + (<usize>load<i32>(order + (<usize>(f2 + i) << 2)) << 3));
    const p3 = v128.load(x + (<usize>load<i32>(order + (<usize>(f3 + i) << 2)) << 3));
    const v01 = v128.shuffle<f64>(p0, p1, 0, 2);
    const v23 = v128.shuffle<f64>(p2, p3, 0, 2);
    const d01 = f64x2.sub(v128.shuffle<f64>(p0, p1, 1, 3), v01);
    const d23 = f64x2.sub(v128.shuffle<f64>(p2, p3, 1, 3), v23);
    let y = f64x2.sub(v01, cx01);
    let s = f64x2.add(sx01, y);
    cx01 = f64x2.sub(f64x2.sub(s, sx01), y);
    sx01 = s;
    y = f64x2.sub(d01, cd01);
    s = f64x2.add(sd01, y);
    cd01 = f64x2.sub(f64x2.sub(s, sd01), y);
    sd01 = s;
    y = f64x2.sub(v23, cx23);
    s = f64x2.add(sx23, y);
    cx23 = f64x2.sub(f64x2.sub(s, sx23), y);
    sx23 = s;
    y = f64x2.sub(d23, cd23);
    s = f64x2.add(sd23, y);
    cd23 = f64x2.sub(f64x2.sub(s, sd23), y);
    sd23 = s;
  }
  oneBin(x, order, f0 + common, e0, f64x2.extract_lane(sx01, 0), f64x2.extract_lane(cx01, 0), f64x2.extract_lane(sd01, 0), f64x2.extract_lane(cd01, 0), sumX, sumD, b);
  oneBin(x, order, f1 + common, e1, f64x2.extract_lane(sx01, 1), f64x2.extract_lane(cx01, 1), f64x2.extract_lane(sd01, 1), f64x2.extract_lane(cd01, 1), sumX, sumD, b + 1);
  oneBin(x, order, f2 + common, e2, f64x2.extract_lane(sx23, 0), f64x2.extract_lane(cx23, 0), f64x2.extract_lane(sd23, 0), f64x2.extract_lane(cd23, 0), sumX, sumD, b + 2);
  oneBin(x, order, f3 + common, e3, f64x2.extract_lane(sx23, 1), f64x2.extract_lane(cx23, 1), f64x2.extract_lane(sd23, 1), f64x2.extract_lane(cd23, 1), sumX, sumD, b + 3);
}

/**
 * The bin of `value`: how many of e_1..e_{r−1} are below it (lower bound by branch-free
 * bisection; the edges are strictly increasing, so this is the count whatever the search).
 */
@inline function binOf(edges: usize, r: i32, value: f64): i32 {
  if (r < 2) return 0;
  let base = edges + 8;
  let n = r - 1;
  while (n > 1) {
    const half = n >> 1;
    base = select<usize>(base + (<usize>half << 3), base, load<f64>(base + (<usize>half << 3)) < value);
    n -= half;
  }
  return <i32>((base - edges - 8) >> 3) + (load<f64>(base) < value ? 1 : 0);
}

/**
 * The edges e_0..e_r of `pandas.qcut(values, r)` into `edges`, the values being the ascending
 * `sorted[0..len)` without index `skip` (−1: none): numpy's percentile at q = (k·(1/r))·100/100
 * (q = 1 for k = r), virtual index (m−1)·q, two-sided linear interpolation — a + Δ·γ below
 * γ = 0.5, b − Δ·(1−γ) from it. Returns 1 when the edges strictly increase, 0 when two coincide
 * (pandas: "Bin edges must be unique").
 */
export function quantileEdges(sorted: usize, len: i32, skip: i32, r: i32, edges: usize): i32 {
  const m = skip >= 0 ? len - 1 : len;
  const step = 1 / <f64>r;
  const last = <f64>(m - 1);
  for (let k = 0; k <= r; k++) {
    const q = k == r ? 1 : (<f64>k * step * 100) / 100;
    const v = last * q;
    if (v >= last) {
      put(edges, k, without(sorted, skip, m - 1));
      continue;
    }
    const lo = Math.floor(v);
    const gamma = v - lo;
    const a = without(sorted, skip, <i32>lo);
    const b = without(sorted, skip, <i32>lo + 1);
    const diff = b - a;
    put(edges, k, gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma);
  }
  for (let k = 1; k <= r; k++) if (!(get(edges, k) > get(edges, k - 1))) return 0;
  return 1;
}

/** Element i of `sorted` with index `skip` removed. */
@inline function without(sorted: usize, skip: i32, i: i32): f64 {
  return get(sorted, skip >= 0 && i >= skip ? i + 1 : i);
}
