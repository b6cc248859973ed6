/**
 * tsfresh `augmented_dickey_fuller(x, attr, autolag)`: statsmodels' `adfuller(x, autolag=...)`
 * with its defaults (regression "c", maxlag from Schwert's rule). The ADF regression is
 *
 *   Δx_t = α + β x_{t−1} + Σ_{j=1}^{p} γ_j Δx_{t−j} + ε_t,
 *
 * and the test statistic is the t-value of β. Steps, as statsmodels takes them:
 *   maxlag = min(⌈12 (n/100)^{1/4}⌉, n//2 − 2); maxlag < 0 → ValueError (tsfresh: all NaN);
 *   lag search: every p = 0..maxlag is fitted on the same rows t = maxlag+1..n−1 and the p with
 *     the smallest information criterion wins (AIC = n_obs(ln 2π + ln(SSR/n_obs) + 1) + 2·rank,
 *     BIC with ln(n_obs)·rank; ties go to the smaller p; "t-stat" walks down from maxlag to the
 *     first lag whose own |t| ≥ 1.6448536269514722; autolag None uses maxlag);
 *   the chosen p is refitted on all usable rows t = p+1..n−1; teststat = t(β);
 *   pvalue = MacKinnon (1994) (mackinnon.ts); usedlag = p.
 * A constant series has every SSR = 0, so AIC = −∞ everywhere, p = 0 and t = 0/0 = NaN.
 * All candidate lags come from one Householder QR (numeric/householder-qr.ts); the refit
 * appends the extra rows to that factorization by Givens rotations instead of starting over.
 * Parameters: `attr` ("teststat", "pvalue", "usedlag"), `autolag` ("AIC" default, "BIC",
 * "t-stat" or None).
 */
import type { ParamSet } from '../../params.js';
import type { SeriesContext } from '../../calculator.js';
import { nestedQr, type NestedQr } from '../../numeric/householder-qr.js';
import { combinerCalculator } from './combiner.js';
import { mackinnonPValue } from './mackinnon.js';
import { numpyMean } from '../../numeric/pairwise-sum.js';

export interface AdfResult {
  teststat: number;
  pvalue: number;
  usedlag: number;
}

const NAN_RESULT: AdfResult = { teststat: NaN, pvalue: NaN, usedlag: NaN };
const LOG_2PI = Math.log(2 * Math.PI);
const T_STAT_STOP = 1.6448536269514722; // Φ⁻¹(0.95)

/**
 * The ADF design on rows t = first..n−1 (indices into x): columns [1, x_{t−1} − x̄,
 * Δx_{t−1} − Δ̄, ..., Δx_{t−lags} − Δ̄] and the response Δx_t − Δ̄. The fixed shifts (x̄ and Δ̄
 * over the whole series) change no fitted model — every model has the constant — but keep
 * series far from zero (gauges around 1e8) well conditioned; being fixed, they let rows be
 * appended to a factorization later.
 */
function shiftedRow(x: Float64Array, t: number, lags: number, levelShift: number, diffShift: number, row: Float64Array): number {
  row[0] = 1;
  row[1] = x[t - 1]! - levelShift;
  for (let j = 1; j <= lags; j++) row[1 + j] = x[t - j]! - x[t - j - 1]! - diffShift;
  return x[t]! - x[t - 1]! - diffShift;
}

function design(x: Float64Array, first: number, lags: number, levelShift: number, diffShift: number): { columns: Float64Array[]; y: Float64Array } {
  const rows = x.length - first;
  const columns = Array.from({ length: lags + 2 }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  const row = new Float64Array(lags + 2);
  for (let r = 0; r < rows; r++) {
    y[r] = shiftedRow(x, first + r, lags, levelShift, diffShift, row);
    for (let j = 0; j < lags + 2; j++) columns[j]![r] = row[j]!;
  }
  return { columns, y };
}

/** Numerical rank of the leading `k` columns (numpy matrix_rank's tolerance, σ_max ≈ max column norm). */
function leadingRank(qr: NestedQr, k: number): number {
  let norm = 0;
  for (let j = 0; j < qr.cols; j++) norm = Math.max(norm, qr.columnNorms[j]!);
  const tol = norm * Math.max(qr.rows, qr.cols) * Number.EPSILON;
  let rank = 0;
  for (let j = 0; j < k; j++) if (Math.abs(qr.rDiagonal[j]!) > tol) rank++;
  return rank;
}

/** t-value of the last of the first `k` columns, in the model on those columns. */
function lastColumnT(qr: NestedQr, k: number, rank: number): number {
  const s = Math.sqrt(qr.ssr[k]! / (qr.rows - rank));
  return (Math.sign(qr.rDiagonal[k - 1]!) * qr.z[k - 1]!) / s;
}

/** statsmodels `adfuller(x, regression="c", autolag=autolag)[:3]`, NaNs where tsfresh has them. */
export function augmentedDickeyFuller(x: Float64Array, autolag: string | null): AdfResult {
  const n = x.length;
  if (n === 0) return NAN_RESULT;
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) return NAN_RESULT; // MissingDataError
  let maxlag = Math.ceil(12 * Math.pow(n / 100, 1 / 4));
  maxlag = Math.min(Math.floor(n / 2) - 1 - 1, maxlag);
  if (maxlag < 0) return NAN_RESULT;
  const levelShift = numpyMean(x);
  const diffShift = (x[n - 1]! - x[0]!) / (n - 1);
  // One factorization of the lag-search design (rows t = maxlag+1..n−1, all columns): model p
  // is the first p + 2 columns.
  const full = design(x, maxlag + 1, maxlag, levelShift, diffShift);
  const qr = nestedQr(full.columns, full.y);
  const nobs = qr.rows;
  let usedlag = maxlag;
  if (autolag !== null) {
    const mode = autolag.toLowerCase();
    if (mode === 'aic' || mode === 'bic') {
      let best = NaN;
      let bestLag = 0;
      for (let p = 0; p <= maxlag; p++) {
        const rank = leadingRank(qr, p + 2);
        const llf = -(nobs / 2) * LOG_2PI - (nobs / 2) * Math.log(qr.ssr[p + 2]! / nobs) - nobs / 2;
        const ic = mode === 'aic' ? -2 * llf + 2 * rank : -2 * llf + Math.log(nobs) * rank;
        // Python's min over (ic, lag) tuples: the first strictly smaller value wins.
        if (p === 0 || ic < best) {
          best = ic;
          bestLag = p;
        }
      }
      usedlag = bestLag;
    } else if (mode === 't-stat') {
      usedlag = 0;
      for (let p = maxlag; p >= 0; p--) {
        usedlag = p;
        if (Math.abs(lastColumnT(qr, p + 2, leadingRank(qr, p + 2))) >= T_STAT_STOP) break;
      }
    } else {
      throw new RangeError(`augmented_dickey_fuller: unknown autolag "${autolag}" (expected "AIC", "BIC", "t-stat" or None)`);
    }
  }
  // Refit with the chosen lag on all usable rows t = usedlag+1..n−1: take the leading
  // (usedlag+2)-column block of the factorization and append the rows t = usedlag+1..maxlag.
  const q = usedlag + 2;
  const r = new Float64Array(q * q);
  const z = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    z[i] = qr.z[i]!;
    for (let j = i; j < q; j++) r[i * q + j] = qr.r[i * qr.cols + j]!;
  }
  let ssr = qr.ssr[q]!;
  const row = new Float64Array(q);
  for (let t = usedlag + 1; t <= maxlag; t++) {
    let eta = shiftedRow(x, t, usedlag, levelShift, diffShift, row);
    for (let j = 0; j < q; j++) {
      const a = row[j]!;
      if (a === 0) continue;
      const d = r[j * q + j]!;
      const h = Math.hypot(d, a);
      const c = d / h;
      const s = a / h;
      for (let l = j; l < q; l++) {
        const rl = r[j * q + l]!;
        const al = row[l]!;
        r[j * q + l] = c * rl + s * al;
        row[l] = -s * rl + c * al;
      }
      const zj = z[j]!;
      z[j] = c * zj + s * eta;
      eta = -s * zj + c * eta;
    }
    ssr += eta * eta;
  }
  const rows = n - 1 - usedlag;
  let norm = 0;
  for (let j = 0; j < q; j++) norm = Math.max(norm, Math.abs(r[j * q + j]!));
  let rank = 0;
  for (let j = 0; j < q; j++) if (Math.abs(r[j * q + j]!) > norm * Math.max(rows, q) * Number.EPSILON) rank++;
  // β = R⁻¹z; the level coefficient is β_1 and its variance factor is ‖w‖², Rᵀw = e_1.
  const beta = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let acc = z[i]!;
    for (let j = i + 1; j < q; j++) acc -= r[i * q + j]! * beta[j]!;
    beta[i] = acc / r[i * q + i]!;
  }
  const w = new Float64Array(q);
  let ww = 0;
  for (let i = 0; i < q; i++) {
    let acc = i === 1 ? 1 : 0;
    for (let j = 0; j < i; j++) acc -= r[j * q + i]! * w[j]!;
    w[i] = acc / r[i * q + i]!;
    ww += w[i]! * w[i]!;
  }
  const teststat = beta[1]! / Math.sqrt((ssr / (rows - rank)) * ww);
  return { teststat, pvalue: mackinnonPValue(teststat), usedlag };
}

function adfFor(ctx: SeriesContext, autolag: string | null): AdfResult {
  return ctx.memo(`dynamics.adf.${autolag}`, () => augmentedDickeyFuller(ctx.x, autolag));
}

export const augmentedDickeyFullerCalculator = combinerCalculator('augmented_dickey_fuller', (ctx, params, out, offset) => {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const autolag = p.autolag === undefined ? 'AIC' : p.autolag === null ? null : String(p.autolag);
    const result = adfFor(ctx, autolag);
    const attr = String(p.attr);
    out[offset + i] = attr === 'teststat' ? result.teststat : attr === 'pvalue' ? result.pvalue : attr === 'usedlag' ? result.usedlag : NaN;
  }
}, adfSuffix);

/**
 * tsfresh names every output `attr_"<attr>"__autolag_"<autolag>"`, writing the default "AIC"
 * even when the parameter set leaves autolag out (and `"None"` for autolag None).
 */
function adfSuffix(p: ParamSet): string {
  const autolag = p.autolag === undefined ? 'AIC' : p.autolag === null ? 'None' : String(p.autolag);
  return `attr_"${String(p.attr)}"__autolag_"${autolag}"`;
}
