/**
 * The continuous wavelet transform with the Ricker ("Mexican hat") wavelet, as
 * scipy.signal.cwt(x, ricker, widths) computes it (and tsfresh, which copies scipy's code):
 *
 *     psi_a(t) = 2 / (sqrt(3a) pi^(1/4)) * (1 - t^2/a^2) * exp(-t^2 / (2a^2))
 *
 * sampled at N = min(10a, n) points t = j - (N-1)/2, and each row of the transform is
 * numpy.convolve(x, psi_a reversed, mode='same'): output i is the full convolution at index
 * i + floor((N-1)/2). scipy.signal.convolve picks the direct method for every size that
 * tsfresh meets (its cost model favours FFT only beyond ~3.5e6 multiplications), so the sums
 * here are direct, not FFT-based: that keeps a flat stretch of the series giving bit-identical
 * outputs, which the peak finder's strict comparisons depend on.
 */

const wavelets = new Map<string, Float64Array>();

/** scipy's ricker(points, a): the Ricker wavelet of width a sampled at `points` points. */
export function ricker(points: number, a: number): Float64Array {
  const key = `${points}:${a}`;
  let w = wavelets.get(key);
  if (!w) {
    // numpy.arange(0, points): ceil(points) samples even for a fractional count.
    w = new Float64Array(Math.ceil(points));
    const amplitude = 2 / (Math.sqrt(3 * a) * Math.PI ** 0.25);
    const wsq = a ** 2;
    for (let j = 0; j < w.length; j++) {
      const t = j - (points - 1.0) / 2;
      const tsq = t ** 2;
      w[j] = amplitude * (1 - tsq / wsq) * Math.exp(-tsq / (2 * wsq));
    }
    wavelets.set(key, w);
  }
  return w;
}

/** The wavelet length scipy's cwt uses for width `a` on a series of length n. */
export function rickerLength(a: number, n: number): number {
  return Math.min(10 * a, n);
}

/** One coefficient of the CWT row of width `a`: the 'same'-mode convolution at position i. */
export function rickerCwtAt(x: Float64Array, a: number, i: number): number {
  const n = x.length;
  const h = ricker(rickerLength(a, n), a);
  const full = i + Math.floor((h.length - 1) / 2);
  // y_full[full] = sum_j x[j] * h[full - j] over 0 <= j < n, 0 <= full - j < N
  const lo = Math.max(0, full - h.length + 1);
  const hi = Math.min(n - 1, full);
  let sum = 0;
  for (let j = lo; j <= hi; j++) sum += x[j]! * h[full - j]!;
  return sum;
}

const reversedWavelets = new Map<string, Float64Array>();

/** `ricker(points, a)` reversed (index k holds `h[N - 1 - k]`), cached like the wavelet. */
function reversedRicker(points: number, a: number): Float64Array {
  const key = `${points}:${a}`;
  let r = reversedWavelets.get(key);
  if (!r) {
    r = ricker(points, a).slice().reverse();
    reversedWavelets.set(key, r);
  }
  return r;
}

/**
 * The whole CWT row of width `a` (length n), written into `out`. Every output is the same sum
 * as {@link rickerCwtAt}'s, in the same order (j ascending, starting from 0), so the values are
 * bit-identical; the interior is computed six outputs at a time, each with its own
 * accumulator, which hides the latency of the dependent additions without reordering any sum
 * (six measured ~15% faster than four; eight no faster than six).
 */
export function rickerCwtRow(x: Float64Array, a: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  const N = Math.ceil(rickerLength(a, n));
  const hr = reversedRicker(rickerLength(a, n), a);
  const shift = Math.floor((N - 1) / 2);
  // Output i sums x[j] * hr[j - (i + shift - N + 1)] over j in [max(0, i + shift - N + 1), min(n - 1, i + shift)].
  const firstFull = Math.max(0, N - 1 - shift); // first i whose window starts at j >= 0
  const lastFull = n - 1 - shift; // last i whose window ends at j <= n - 1
  let i = 0;
  const edge = (i: number): number => {
    const full = i + shift;
    const start = full - N + 1;
    const lo = Math.max(0, start);
    const hi = Math.min(n - 1, full);
    let sum = 0;
    for (let j = lo; j <= hi; j++) sum += x[j]! * hr[j - start]!;
    return sum;
  };
  for (; i < firstFull && i < n; i++) out[i] = edge(i);
  for (; i + 5 <= lastFull; i += 6) {
    // x[b + k + m] feeds output i + m at step k, and output i + m - 1 at step k + 1: each value
    // is loaded once and handed down the six accumulators (x0..x5), as in a shift register.
    const b = i + shift - N + 1;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let x0 = x[b]!;
    let x1 = x[b + 1]!;
    let x2 = x[b + 2]!;
    let x3 = x[b + 3]!;
    let x4 = x[b + 4]!;
    for (let k = 0; k < N; k++) {
      const h = hr[k]!;
      const x5 = x[b + k + 5]!;
      s0 += x0 * h;
      s1 += x1 * h;
      s2 += x2 * h;
      s3 += x3 * h;
      s4 += x4 * h;
      s5 += x5 * h;
      x0 = x1;
      x1 = x2;
      x2 = x3;
      x3 = x4;
      x4 = x5;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
    out[i + 4] = s4;
    out[i + 5] = s5;
  }
  for (; i < n; i++) out[i] = edge(i);
  return out;
}
