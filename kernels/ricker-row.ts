/**
 * One row of the Ricker CWT (src/features/calculators/spectral/ricker-cwt.ts): the 'same'-mode
 * convolution of x (n values at `x`) with the wavelet whose reversal is at `hr` (N values),
 * written to `out` (n values):
 *
 *     out[i] = sum_{j = max(0, s)}^{min(n-1, i+shift)} x[j] * hr[j - s],  s = i + shift - N + 1,
 *
 * shift = floor((N-1)/2), every sum in ascending j from its first term. The interior runs twelve
 * outputs at a time as six f64x2 accumulators, one lane per output, then two at a time.
 */
export function rickerRow(x: usize, n: i32, hr: usize, N: i32, out: usize): void {
  const shift = (N - 1) >> 1;
  const firstFull = max(0, N - 1 - shift);
  const lastFull = n - 1 - shift;
  let i = 0;
  for (; i < firstFull && i < n; i++) store<f64>(out + (<usize>i << 3), edgeSum(x, n, hr, N, shift, i));
  // Twelve outputs per pass: six independent f64x2 sums hide the add latency (one sum per lane,
  // each still in ascending j).
  for (; i + 11 <= lastFull; i += 12) {
    const xb = x + (<usize>(i + shift - N + 1) << 3);
    let s01 = f64x2.splat(0);
    let s23 = f64x2.splat(0);
    let s45 = f64x2.splat(0);
    let s67 = f64x2.splat(0);
    let s89 = f64x2.splat(0);
    let sab = f64x2.splat(0);
    for (let k = 0; k < N; k++) {
      const h = v128.load64_splat(hr + (<usize>k << 3));
      const p = xb + (<usize>k << 3);
      s01 = f64x2.add(s01, f64x2.mul(v128.load(p), h));
      s23 = f64x2.add(s23, f64x2.mul(v128.load(p, 16), h));
      s45 = f64x2.add(s45, f64x2.mul(v128.load(p, 32), h));
      s67 = f64x2.add(s67, f64x2.mul(v128.load(p, 48), h));
      s89 = f64x2.add(s89, f64x2.mul(v128.load(p, 64), h));
      sab = f64x2.add(sab, f64x2.mul(v128.load(p, 80), h));
    }
    const o = out + (<usize>i << 3);
    v128.store(o, s01);
    v128.store(o, s23, 16);
    v128.store(o, s45, 32);
    v128.store(o, s67, 48);
    v128.store(o, s89, 64);
    v128.store(o, sab, 80);
  }
  for (; i + 1 <= lastFull; i += 2) {
    const xb = x + (<usize>(i + shift - N + 1) << 3);
    let s01 = f64x2.splat(0);
    for (let k = 0; k < N; k++) s01 = f64x2.add(s01, f64x2.mul(v128.load(xb + (<usize>k << 3)), v128.load64_splat(hr + (<usize>k << 3))));
    v128.store(out + (<usize>i << 3), s01);
  }
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), edgeSum(x, n, hr, N, shift, i));
}

/** Output i near an edge, where the wavelet overhangs the series. */
function edgeSum(x: usize, n: i32, hr: usize, N: i32, shift: i32, i: i32): f64 {
  const start = i + shift - N + 1;
  const hi = min(n - 1, i + shift);
  let sum: f64 = 0;
  for (let j = max(0, start); j <= hi; j++) sum += load<f64>(x + (<usize>j << 3)) * load<f64>(hr + (<usize>(j - start) << 3));
  return sum;
}
