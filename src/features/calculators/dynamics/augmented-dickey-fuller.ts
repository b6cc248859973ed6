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
 * Speed: the AIC/BIC search reads every candidate's SSR off one Cholesky factorization of the
 * lag design's Gram matrix, built in O(n·maxlag) (`gramLagSearch`), and the refit solves the
 * chosen model through its Gram matrix with iterative refinement (`gramRefit`); both certify
 * their accuracy and fall back to Householder QR (`qrLagSearch`, `qrRefit`) when they cannot.
 * Parameters: `attr` ("teststat", "pvalue", "usedlag"), `autolag` ("AIC" default, "BIC",
 * "t-stat" or None).
 */
import type { ParamSet } from '../../params.js';
import { parameterMemoKeys, type SeriesContext } from '../../calculator.js';
import { backSubstitute, nestedQrInKernel, nestedQrInput, type NestedLeastSquares } from '../../numeric/householder-qr.js';
import { relativeSsrErrorBound } from './gram-least-squares.js';
import { laggedLeastSquaresInKernel, solveLowerTransposed } from './lagged-least-squares.js';
import { combinerCalculator } from './combiner.js';
import { mackinnonPValue } from './mackinnon.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';

export interface AdfResult {
  teststat: number;
  pvalue: number;
  usedlag: number;
}

const NAN_RESULT: AdfResult = { teststat: NaN, pvalue: NaN, usedlag: NaN };
const LOG_2PI = Math.log(2 * Math.PI);
const T_STAT_STOP = 1.6448536269514722; // Φ⁻¹(0.95)
const UNIT_ROUNDOFF = Number.EPSILON / 2;

const seriesBuffer = new KernelBuffer();
const shiftedBuffer = new KernelBuffer();
const lagSearchBuffer = new KernelBuffer();

/**
 * The Householder QR of the ADF design on rows t = first..n−1 (indices into x): columns
 * [1, x_{t−1} − x̄, Δx_{t−1} − Δ̄, ..., Δx_{t−lags} − Δ̄] and the response Δx_t − Δ̄, built in
 * kernel memory (kernels/dynamics-series.ts, `adfDesign`). The fixed shifts (x̄ and Δ̄ over the
 * whole series) change no fitted model — every model has the constant — but keep series far
 * from zero (gauges around 1e8) well conditioned. The Gram paths use the same shifted values as
 * series (`shiftedSeries`).
 */
function designQr(x: Float64Array, first: number, lags: number, shifts: Shifts): NestedLeastSquares {
  const n = x.length;
  const rows = n - first;
  const { matrix, response } = nestedQrInput(rows, lags + 2);
  kernels().fn.adfDesign(seriesBuffer.copyIn(x), n, first, lags, shifts.level, shifts.diff, matrix, response);
  return nestedQrInKernel(rows, lags + 2);
}

/** numpy matrix_rank's tolerance for the design (σ_max ≈ the largest column norm). */
function rankTolerance(fit: NestedLeastSquares): number {
  let norm = 0;
  for (let j = 0; j < fit.cols; j++) norm = Math.max(norm, fit.columnNorms[j]!);
  return norm * Math.max(fit.rows, fit.cols) * Number.EPSILON;
}

/** Numerical rank of the leading `k` columns. */
function leadingRank(qr: NestedLeastSquares, k: number): number {
  const tol = rankTolerance(qr);
  let rank = 0;
  for (let j = 0; j < k; j++) if (Math.abs(qr.rDiagonal[j]!) > tol) rank++;
  return rank;
}

/** t-value of the last of the first `k` columns, in the model on those columns. */
function lastColumnT(qr: NestedLeastSquares, k: number, rank: number): number {
  const s = Math.sqrt(qr.ssr[k]! / (qr.rows - rank));
  return (Math.sign(qr.rDiagonal[k - 1]!) * qr.z[k - 1]!) / s;
}

/** statsmodels `adfuller(x, regression="c", autolag=autolag)[:3]`, NaNs where tsfresh has them. */
export function augmentedDickeyFuller(x: Float64Array, autolag: string | null): AdfResult {
  const n = x.length;
  if (n === 0) return NAN_RESULT;
  const maxlag = adfMaxlag(n);
  if (maxlag < 0) return NAN_RESULT;
  const xAt = seriesBuffer.copyIn(x); // one copy for the shifts and the shifted series
  const shifts = adfShifts(x, xAt);
  const series = shiftedSeries(x, shifts, xAt);
  if (series === null) return NAN_RESULT; // a NaN or infinity: statsmodels' MissingDataError
  let usedlag = maxlag;
  if (autolag !== null) {
    const mode = autolag.toLowerCase();
    if (mode !== 'aic' && mode !== 'bic' && mode !== 't-stat') {
      throw new RangeError(`augmented_dickey_fuller: unknown autolag "${autolag}" (expected "AIC", "BIC", "t-stat" or None)`);
    }
    usedlag = (mode === 't-stat' ? null : gramLagSearch(x, maxlag, mode, shifts, series)) ?? qrLagSearch(x, maxlag, mode, shifts);
  }
  return gramRefit(x, usedlag, shifts, series) ?? qrRefit(x, usedlag, shifts);
}

/** The fixed shifts of the design (see `designQr`): x̄ and Δ̄ = (x_{n−1} − x_0)/(n − 1). */
export interface Shifts {
  readonly level: number;
  readonly diff: number;
}

/**
 * The design shifts of a series of at least two values (x̄ numpy's mean, summed in WebAssembly
 * from `xAt`, a copy of x in kernel memory, made here when not given).
 */
export function adfShifts(x: Float64Array, xAt = seriesBuffer.copyIn(x)): Shifts {
  const n = x.length;
  return { level: kernels().fn.statsPairwiseSum(xAt, n) / n, diff: (x[n - 1]! - x[0]!) / (n - 1) };
}

/** statsmodels' maximum lag (Schwert's rule capped at n//2 − 2); negative means "too short". */
export function adfMaxlag(n: number): number {
  return Math.min(Math.floor(n / 2) - 1 - 1, Math.ceil(12 * Math.pow(n / 100, 1 / 4)));
}

/**
 * The information criterion of a model of `rank` columns with residual sum of squares `ssr` on
 * `nobs` rows:
 * AIC = −2·llf + 2·rank, BIC = −2·llf + ln(nobs)·rank, llf = −nobs/2·(ln 2π + ln(SSR/nobs) + 1).
 */
function informationCriterion(nobs: number, ssr: number, rank: number, mode: 'aic' | 'bic'): number {
  const llf = -(nobs / 2) * LOG_2PI - (nobs / 2) * Math.log(ssr / nobs) - nobs / 2;
  return mode === 'aic' ? -2 * llf + 2 * rank : -2 * llf + Math.log(nobs) * rank;
}

/** bestLagByCriterion's criteria, reused (grown when a longer lag range comes). */
let criteria = new Float64Array(32);

/**
 * The lag minimising the criterion (Python's min over (ic, lag): ties go to the smaller lag) on
 * `nobs` rows, model p's SSR being `ssr[ssrFrom + p + 2]` and its rank `ranks[p]` (p + 2 when
 * `ranks` is null: every column certified of full rank).
 */
function bestLagByCriterion(
  nobs: number,
  ssr: ArrayLike<number>,
  ranks: ArrayLike<number> | null,
  maxlag: number,
  mode: 'aic' | 'bic',
  ssrFrom = 0,
): { lag: number; gap: number } {
  let best = NaN;
  let bestLag = 0;
  if (criteria.length <= maxlag) criteria = new Float64Array(2 * (maxlag + 1));
  const ics = criteria;
  for (let p = 0; p <= maxlag; p++) {
    const ic = informationCriterion(nobs, ssr[ssrFrom + p + 2]!, ranks === null ? p + 2 : ranks[p]!, mode);
    ics[p] = ic;
    if (p === 0 || ic < best) {
      best = ic;
      bestLag = p;
    }
  }
  // How far the runner-up is behind (NaN when a criterion is NaN: no margin then).
  let gap = Infinity;
  for (let p = 0; p <= maxlag; p++) if (p !== bestLag) gap = Math.min(gap, ics[p]! - best);
  return { lag: bestLag, gap: Number.isNaN(best) ? NaN : gap };
}

/**
 * The lag search by QR: one Householder factorization of the lag-search design (rows
 * t = maxlag+1..n−1, all columns), model p being its first p + 2 columns. Handles every mode.
 */
export function qrLagSearch(x: Float64Array, maxlag: number, mode: string, shifts: Shifts): number {
  const qr = designQr(x, maxlag + 1, maxlag, shifts);
  if (mode === 'aic' || mode === 'bic') {
    const ranks = new Float64Array(maxlag + 1);
    for (let p = 0; p <= maxlag; p++) ranks[p] = leadingRank(qr, p + 2);
    return bestLagByCriterion(qr.rows, qr.ssr, ranks, maxlag, mode).lag;
  }
  // "t-stat": walk down from maxlag to the first lag whose own |t| ≥ Φ⁻¹(0.95).
  let usedlag = 0;
  for (let p = maxlag; p >= 0; p--) {
    usedlag = p;
    if (Math.abs(lastColumnT(qr, p + 2, leadingRank(qr, p + 2))) >= T_STAT_STOP) break;
  }
  return usedlag;
}

/**
 * The AIC/BIC lag search from the Gram matrix of the lag-search design, built in O(n·maxlag)
 * (lagged-gram.ts' recurrences) and factored by Cholesky (gram-least-squares.ts): about a tenth
 * of the QR's work. Everything up to the criteria, which need log, runs in one WebAssembly call
 * (kernels/dynamics-adf-lag-search.ts, `adfLagCandidates`). It answers only when its error bound certifies the choice — every column clearly of
 * full rank and the runner-up criterion more than twice the worst-case criterion error behind
 * (|Δic| ≤ nobs·|ΔSSR|/SSR) — and returns null otherwise (nearly exact fits of smooth series,
 * near-ties, constant series), leaving the decision to the QR.
 */
export function gramLagSearch(
  x: Float64Array,
  maxlag: number,
  mode: 'aic' | 'bic',
  shifts: Shifts,
  series: ShiftedSeries | null = shiftedSeries(x, shifts),
): number | null {
  if (series === null) return null;
  const n = x.length;
  const first = maxlag + 1;
  const rows = n - first;
  const size = maxlag + 3;
  const k = size - 1;
  const fn = kernels().fn;
  const work = lagSearchBuffer.pointer(fn.adfLagSearchSize(maxlag));
  if (!fn.adfLagCandidates(series.u, series.level, first, n, maxlag, work)) return null;
  // The work region: the Gram matrix (size²), then ω, column norms, R's diagonal, z, R, ssr.
  const memory = kernels().f64;
  const at = work / 8;
  const out = at + size * size;
  const ssrFrom = out + 1 + 3 * k + k * k; // ssr[0..k] in kernel memory, read in place
  const gramError = 2 * (rows + 4 * maxlag + size) * UNIT_ROUNDOFF;
  const relativeSsrError = relativeSsrErrorBound(k, gramError, memory[out]!, memory[at + size * size - 1]!, memory[ssrFrom + k]!);
  if (!(relativeSsrError < 1e-6)) return null;
  const { lag, gap } = bestLagByCriterion(rows, memory, null, maxlag, mode, ssrFrom);
  return gap > 4 * rows * relativeSsrError ? lag : null;
}

/**
 * The ADF regressors as series indexed by t, left in kernel memory (byte pointers, n values
 * each): u_t = Δx_t − Δ̄ and the level L_t = x_{t−1} − x̄ (u_0 = 0 is never read: the earliest
 * row of any fit uses u_1). Valid until the next `shiftedSeries` call (one region, reused).
 */
export interface ShiftedSeries {
  readonly u: number;
  readonly level: number;
}

/**
 * The shifted regressors (computed in WebAssembly, kernels/dynamics-series.ts), or null when x
 * has a NaN or an infinity; `xAt` a copy of x already in kernel memory, if the caller has one.
 */
function shiftedSeries(x: Float64Array, shifts: Shifts, xAt = seriesBuffer.copyIn(x)): ShiftedSeries | null {
  const n = x.length;
  const out = shiftedBuffer.pointer(2 * n);
  if (!kernels().fn.adfSeries(xAt, n, shifts.level, shifts.diff, out, out + 8 * n)) return null;
  return { u: out, level: out + 8 * n };
}

/**
 * The chosen model on rows t = usedlag+1..n−1 by certified Gram least squares
 * (lagged-least-squares.ts): β refined against the data, SSR summed from the data, and the
 * level coefficient's variance factor (XᵀX)⁻¹_11 = ‖R⁻ᵀe_1‖² from the Cholesky factor, whose
 * relative error is at most η; η ≤ 1e-11 is required, so teststat keeps ~11 digits. Null when
 * not certified (or rank deficient).
 */
export function gramRefit(
  x: Float64Array,
  usedlag: number,
  shifts: Shifts,
  series: ShiftedSeries | null = shiftedSeries(x, shifts),
): AdfResult | null {
  if (series === null) return null;
  const n = x.length;
  const fit = laggedLeastSquaresInKernel(series.u, series.level, usedlag + 1, n, usedlag, 1e-11);
  if (fit === null) return null;
  const q = usedlag + 2;
  const w = new Float64Array(q);
  w[1] = 1;
  solveLowerTransposed(fit.r, q, w);
  let ww = 0;
  for (let i = 0; i < q; i++) ww += w[i]! * w[i]!;
  const teststat = fit.beta[1]! / Math.sqrt((fit.ssr / (fit.rows - q)) * ww);
  return { teststat, pvalue: mackinnonPValue(teststat), usedlag };
}

/**
 * The chosen model refitted on all its usable rows t = usedlag+1..n−1 by Householder QR:
 * β = R⁻¹z, and the level coefficient's variance factor is ‖w‖² with Rᵀw = e_1, so
 * teststat = β_1 / √(SSR/(rows − rank)·‖w‖²).
 */
export function qrRefit(x: Float64Array, usedlag: number, shifts: Shifts): AdfResult {
  const qr = designQr(x, usedlag + 1, usedlag, shifts);
  const q = qr.cols;
  const r = qr.r;
  let norm = 0;
  for (let j = 0; j < q; j++) norm = Math.max(norm, Math.abs(r[j * q + j]!));
  let rank = 0;
  for (let j = 0; j < q; j++) if (Math.abs(r[j * q + j]!) > norm * Math.max(qr.rows, q) * Number.EPSILON) rank++;
  const beta = backSubstitute(qr);
  const w = new Float64Array(q);
  let ww = 0;
  for (let i = 0; i < q; i++) {
    let acc = i === 1 ? 1 : 0;
    for (let j = 0; j < i; j++) acc -= r[j * q + i]! * w[j]!;
    w[i] = acc / r[i * q + i]!;
    ww += w[i]! * w[i]!;
  }
  const teststat = beta[1]! / Math.sqrt((qr.ssr[q]! / (qr.rows - rank)) * ww);
  return { teststat, pvalue: mackinnonPValue(teststat), usedlag };
}

const adfKey = parameterMemoKeys('dynamics.adf');

function adfFor(ctx: SeriesContext, autolag: string | null): AdfResult {
  return ctx.memo(adfKey(autolag), () => augmentedDickeyFuller(ctx.x, autolag));
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
