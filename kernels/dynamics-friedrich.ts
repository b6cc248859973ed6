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
 * returns how many. `edges` holds e_0..e_r, `work` 5r values.
 */
export function friedrichBinMeans(x: usize, count: i32, edges: usize, r: i32, work: usize, meansX: usize, meansD: usize): i32 {
  const rBytes = <usize>r << 3;
  const sumX = work;
  const compX = sumX + rBytes;
  const sumD = compX + rBytes;
  const compD = sumD + rBytes;
  const counts = compD + rBytes;
  memory.fill(work, 0, 5 * rBytes);
  // The current bin's sums stay in registers until the bin changes (consecutive values of a
  // series mostly share a bin); the operations are those of one sum per bin.
  let bin = -1;
  let sx: f64 = 0;
  let cx: f64 = 0;
  let sd: f64 = 0;
  let cd: f64 = 0;
  let n: f64 = 0;
  for (let t = 0; t < count; t++) {
    const value = get(x, t);
    const b = binOf(edges, r, value);
    if (b != bin) {
      if (bin >= 0) flush(sumX, compX, sumD, compD, counts, bin, sx, cx, sd, cd, n);
      bin = b;
      sx = get(sumX, b);
      cx = get(compX, b);
      sd = get(sumD, b);
      cd = get(compD, b);
      n = get(counts, b);
    }
    n += 1;
    let y = value - cx;
    let s = sx + y;
    cx = s - sx - y;
    sx = s;
    y = get(x, t + 1) - value - cd;
    s = sd + y;
    cd = s - sd - y;
    sd = s;
  }
  if (bin >= 0) flush(sumX, compX, sumD, compD, counts, bin, sx, cx, sd, cd, n);
  let bins = 0;
  for (let b = 0; b < r; b++) {
    const c = get(counts, b);
    if (c == 0) continue;
    put(meansX, bins, get(sumX, b) / c);
    put(meansD, bins, get(sumD, b) / c);
    bins++;
  }
  return bins;
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

@inline function flush(sumX: usize, compX: usize, sumD: usize, compD: usize, counts: usize, bin: i32, sx: f64, cx: f64, sd: f64, cd: f64, n: f64): void {
  put(sumX, bin, sx);
  put(compX, bin, cx);
  put(sumD, bin, sd);
  put(compD, bin, cd);
  put(counts, bin, n);
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
