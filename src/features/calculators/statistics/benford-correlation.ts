/** tsfresh's `benford_correlation`: how well the leading digits follow Benford's law. */
import { scalarCalculator, type Calculator } from '../../calculator.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { kernelPow10Tables } from '../../number-text.js';
import { seriesPointer } from './series-moments.js';

/** log10(1 + 1/d) for d = 1..9: Benford's distribution of leading digits. */
const BENFORD = Float64Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));

const digitCounts = new KernelBuffer();
const oneValue = new KernelBuffer();

/**
 * The leading digit tsfresh reads for one value: the first character of numpy's shortest
 * scientific repr of |v| (`np.format_float_scientific`), after `np.nan_to_num` (NaN -> 0,
 * +-inf -> the largest double). 0 for zero. (One value through the series kernel.)
 */
export function leadingDigit(value: number): number {
  const at = oneValue.pointer(1);
  kernels().f64[at / 8] = value;
  kernels().fn.leadingDigitCounts(at, 1, kernelPow10Tables(), digitCounts.pointer(9));
  return digitCounts.view(9).indexOf(1) + 1;
}

/** Pearson's correlation of two equally long samples, as `np.corrcoef(a, b)[0, 1]` (clipped to [-1, 1]). */
function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  const r = ab / Math.sqrt(aa) / Math.sqrt(bb);
  return r !== r ? r : Math.min(1, Math.max(-1, r));
}

const digitShare = new Float64Array(9);

/**
 * `benford_correlation`: the Pearson correlation between Benford's distribution
 * P(d) = log10(1 + 1/d), d = 1..9, and the share of the series' values whose leading digit is
 * d (a value 0 has leading digit 0 and counts for no d). NaN when every share is equal (e.g.
 * an all-zero series), where the correlation is undefined.
 */
export const benfordCorrelation: Calculator = scalarCalculator('benford_correlation', (x, ctx) => {
  // the digit counts in WebAssembly (kernels/stats-leading-digits.ts)
  kernels().fn.leadingDigitCounts(seriesPointer(ctx), x.length, kernelPow10Tables(), digitCounts.pointer(9));
  const counts = digitCounts.view(9);
  for (let d = 0; d < 9; d++) digitShare[d] = counts[d]! / x.length;
  return correlation(BENFORD, digitShare);
});
