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
 * Every model has the constant, so it is solved on centered columns (Frisch–Waugh–Lovell),
 * all candidate lags by one Householder QR (numeric/householder-qr.ts).
 * Parameters: `attr` ("teststat", "pvalue", "usedlag"), `autolag` ("AIC" default, "BIC",
 * "t-stat" or None).
 */
import type { SeriesContext } from '../../calculator.js';
import { nestedQr, type NestedQr } from '../../numeric/householder-qr.js';
import { combinerCalculator } from './combiner.js';
import { mackinnonPValue } from './mackinnon.js';

export interface AdfResult {
  teststat: number;
  pvalue: number;
  usedlag: number;
}

const NAN_RESULT: AdfResult = { teststat: NaN, pvalue: NaN, usedlag: NaN };
const LOG_2PI = Math.log(2 * Math.PI);
const T_STAT_STOP = 1.6448536269514722; // Φ⁻¹(0.95)

/**
 * Builds the centered ADF design on rows t = first..n−1 (indices into x): columns
 * [x_{t−1}, Δx_{t−1}, ..., Δx_{t−lags}] and the response Δx_t, each minus its mean.
 */
function centeredDesign(x: Float64Array, first: number, lags: number): { columns: Float64Array[]; y: Float64Array } {
  const n = x.length;
  const rows = n - first;
  const columns: Float64Array[] = [];
  const level = new Float64Array(rows);
  for (let r = 0; r < rows; r++) level[r] = x[first + r - 1]!;
  columns.push(level);
  for (let j = 1; j <= lags; j++) {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const t = first + r - j;
      col[r] = x[t]! - x[t - 1]!;
    }
    columns.push(col);
  }
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = x[first + r]! - x[first + r - 1]!;
  for (const c of [...columns, y]) {
    let m = 0;
    for (let r = 0; r < rows; r++) m += c[r]!;
    m /= rows;
    for (let r = 0; r < rows; r++) c[r] = c[r]! - m;
  }
  return { columns, y };
}

/** Numerical rank of the leading `k` centered columns plus one for the constant. */
function rankWithConstant(qr: NestedQr, k: number): number {
  let norm = 0;
  for (let j = 0; j < qr.cols; j++) norm = Math.max(norm, qr.columnNorms[j]!);
  const tol = norm * Math.max(qr.rows, qr.cols + 1) * Number.EPSILON;
  let rank = 1;
  for (let j = 0; j < k; j++) if (Math.abs(qr.rDiagonal[j]!) > tol) rank++;
  return rank;
}

/** t-value of the last of the first `k` columns in the model on those columns plus a constant. */
function lastColumnT(qr: NestedQr, k: number, rank: number): number {
  const dfResid = qr.rows - rank;
  const s = Math.sqrt(qr.ssr[k]! / dfResid);
  const rkk = qr.rDiagonal[k - 1]!;
  return (Math.sign(rkk) * qr.z[k - 1]!) / s;
}

/** statsmodels `adfuller(x, regression="c", autolag=autolag)[:3]`, NaNs where tsfresh has them. */
export function augmentedDickeyFuller(x: Float64Array, autolag: string | null): AdfResult {
  const n = x.length;
  if (n === 0) return NAN_RESULT;
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) return NAN_RESULT; // MissingDataError
  let maxlag = Math.ceil(12 * Math.pow(n / 100, 1 / 4));
  maxlag = Math.min(Math.floor(n / 2) - 1 - 1, maxlag);
  if (maxlag < 0) return NAN_RESULT;
  let usedlag = maxlag;
  if (autolag !== null) {
    // Candidate columns in order [level, lag 1..maxlag]; model p uses the first p + 1.
    const design = centeredDesign(x, maxlag + 1, maxlag);
    const qr = nestedQr(design.columns, design.y);
    const nobs = qr.rows;
    const mode = autolag.toLowerCase();
    if (mode === 'aic' || mode === 'bic') {
      let best = NaN;
      let bestLag = 0;
      for (let p = 0; p <= maxlag; p++) {
        const rank = rankWithConstant(qr, p + 1);
        const llf = -(nobs / 2) * LOG_2PI - (nobs / 2) * Math.log(qr.ssr[p + 1]! / nobs) - nobs / 2;
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
        const t = lastColumnT(qr, p + 1, rankWithConstant(qr, p + 1));
        if (Math.abs(t) >= T_STAT_STOP) break;
      }
    } else {
      throw new RangeError(`augmented_dickey_fuller: unknown autolag "${autolag}" (expected "AIC", "BIC", "t-stat" or None)`);
    }
  }
  // Refit with the chosen lag on all usable rows; the level column goes last so that its
  // t-value is z_last / (s / |R_last|).
  const design = centeredDesign(x, usedlag + 1, usedlag);
  const reordered = [...design.columns.slice(1), design.columns[0]!];
  const qr = nestedQr(reordered, design.y);
  const k = usedlag + 1;
  const teststat = lastColumnT(qr, k, 1 + k);
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
});
