/** tsfresh's `benford_correlation`: how well the leading digits follow Benford's law. */
import { scalarCalculator, type Calculator } from '../../calculator.js';

/** log10(1 + 1/d) for d = 1..9: Benford's distribution of leading digits. */
const BENFORD = Float64Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));

/** 10^e for e = -330..330 (approximate below 1e-290; only used where exact enough). */
const POWERS_OF_TEN = Float64Array.from({ length: 661 }, (_, i) => 10 ** (i - 330));

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high word of a double in `words` (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOG10_2 = Math.log10(2);

/**
 * floor(log10(v)) for a normal positive double, without a logarithm: the binary exponent e2
 * gives log10(v) in [e2 log10(2), (e2 + 1) log10(2)), so the decimal exponent is
 * floor(e2 log10(2)) or one more, decided by comparing v with that power of ten. Exact where
 * the table's power of ten is; elsewhere off by at most one near a power of ten, which
 * {@link leadingDigit} catches (its mantissa then falls outside [1, 10)).
 */
function decimalExponent(v: number): number {
  bits[0] = v;
  const e2 = ((words[HI]! >>> 20) & 0x7ff) - 1023;
  const e10 = Math.floor(e2 * LOG10_2);
  return v >= POWERS_OF_TEN[e10 + 331]! ? e10 + 1 : e10;
}

/**
 * The leading digit tsfresh reads for one value: the first character of numpy's shortest
 * scientific repr of |v| (`np.format_float_scientific`), after `np.nan_to_num` (NaN -> 0,
 * +-inf -> the largest double). 0 for zero.
 *
 * The shortest repr starts with the true leading digit except when the value is the double
 * nearest to a one-digit number D * 10^e (then it is written `De..`, e.g. 3e-05), so the
 * arithmetic estimate is only checked against the string near such boundaries.
 */
export function leadingDigit(value: number): number {
  let v = Math.abs(value);
  if (v !== v || v === 0) return 0;
  if (v === Infinity) v = Number.MAX_VALUE;
  // below ~1e-290 the power of ten loses precision (subnormals): read the digit off the string
  if (v < 1e-290) return Number(v.toExponential()[0]);
  const exponent = decimalExponent(v);
  if (Number.isInteger(v) && v < 1e15) {
    // integers: powers of ten up to 1e15 and the quotient's floor are exact
    let p = POWERS_OF_TEN[exponent + 330]!;
    if (p > v) p /= 10;
    else if (p * 10 <= v) p *= 10;
    return Math.floor(v / p);
  }
  const mantissa = v / POWERS_OF_TEN[exponent + 330]!;
  const nearest = Math.round(mantissa);
  if (Math.abs(mantissa - nearest) < 1e-9 || mantissa < 1 || mantissa >= 10) {
    return Number(v.toExponential()[0]);
  }
  return Math.floor(mantissa);
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
export const benfordCorrelation: Calculator = scalarCalculator('benford_correlation', (x) => {
  digitShare.fill(0);
  for (let i = 0; i < x.length; i++) {
    const d = leadingDigit(x[i]!);
    if (d > 0) digitShare[d - 1]!++;
  }
  for (let d = 0; d < 9; d++) digitShare[d] = digitShare[d]! / x.length;
  return correlation(BENFORD, digitShare);
});
