/**
 * The entropy of a sample's histogram, as tsfresh's binned_entropy computes it with
 * numpy.histogram(x, bins=max_bins):
 *
 *     -sum_k p_k ln(p_k),   p_k = (number of values in bin k) / len(x),  0 ln 0 = 0
 *
 * over max_bins equal-width bins spanning [min(x), max(x)] (widened to min-0.5 .. max+0.5
 * when all values are equal). Bin edges are numpy.linspace(min, max, max_bins + 1): edge_j =
 * min + j * ((max - min) / max_bins), the last edge exactly max; a value v falls in bin k
 * when edge_k <= v < edge_{k+1}, and max falls in the last bin. A NaN anywhere gives NaN.
 */
import { numpySum } from './numpy-sum.js';

/** Histogram counts of `x` over `bins` equal-width bins, as numpy.histogram counts them. */
export function numpyHistogram(x: Float64Array, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a positive integer, got ${bins}`);
  const counts = new Float64Array(bins);
  if (x.length === 0) return counts;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i]! < first) first = x[i]!;
    if (x[i]! > last) last = x[i]!;
  }
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new RangeError(`histogram: autodetected range of [${first}, ${last}] is not finite`);
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const step = (last - first) / bins;
  const edge = (j: number): number => (j === bins ? last : j * step + first);
  const norm = (last - first);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    // numpy's first guess, then its one-step corrections against the actual edges
    let k = Math.trunc(((v - first) / norm) * bins);
    if (k === bins) k -= 1;
    if (v < edge(k)) k -= 1;
    else if (v >= edge(k + 1) && k !== bins - 1) k += 1;
    counts[k]! += 1;
  }
  return counts;
}

/** tsfresh's binned_entropy(x, maxBins). */
export function binnedEntropy(x: Float64Array, maxBins: number): number {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) return Number.NaN;
  const counts = numpyHistogram(x, maxBins);
  const terms = new Float64Array(maxBins);
  for (let k = 0; k < maxBins; k++) {
    let p = counts[k]! / x.length;
    if (p === 0) p = 1;
    terms[k] = p * Math.log(p);
  }
  return -numpySum(terms);
}
