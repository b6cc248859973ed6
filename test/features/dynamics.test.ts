/**
 * Hand-computed checks of the dynamics family and its numeric helpers. Reference values are
 * derived in the comments (or are textbook values); the golden test covers tsfresh agreement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesContext } from '../../src/features/calculator.js';
import { getCalculator } from '../../src/features/calculators/index.js';
import type { ParamSet } from '../../src/features/params.js';
import { pairwiseSum, numpyMean } from '../../src/features/numeric/pairwise-sum.js';
import { logGamma, erfc, regularizedIncompleteBeta } from '../../src/features/numeric/special-functions.js';
import { normalCdf, studentTCdf } from '../../src/features/numeric/distributions.js';
import { linearTrendRegression } from '../../src/features/numeric/linear-regression.js';
import { minNormLeastSquares } from '../../src/features/numeric/jacobi-svd.js';
import { polyfit } from '../../src/features/numeric/polyfit.js';
import { polynomialRoots } from '../../src/features/numeric/polynomial-roots.js';
import { mackinnonPValue } from '../../src/features/calculators/dynamics/mackinnon.js';
import { levinsonDurbinPacf } from '../../src/features/calculators/dynamics/partial-autocorrelation.js';
import { fitAutoregression, gramAutoregression, qrAutoregression } from '../../src/features/calculators/dynamics/ar-coefficient.js';
import { quantileEdges, estimateFriedrichCoefficients, sortedWithout } from '../../src/features/calculators/dynamics/friedrich.js';
import { adfMaxlag, adfShifts, gramLagSearch, gramRefit, qrLagSearch, qrRefit } from '../../src/features/calculators/dynamics/augmented-dickey-fuller.js';
import { fillLaggedGram } from '../../src/features/calculators/dynamics/lagged-gram.js';
import { nestedCholesky } from '../../src/features/calculators/dynamics/gram-least-squares.js';
import { nestedQr } from '../../src/features/numeric/householder-qr.js';
import { Random, randomWalks } from '../../src/util/random.js';
import { adjustedAutocovariance } from '../../src/features/calculators/dynamics/autocovariance.js';

function run(name: string, x: number[], params: ParamSet[] | null): number[] {
  const calculator = getCalculator(name);
  const out = new Float64Array(calculator.outputs(params).length);
  calculator.compute(new SeriesContext(Float64Array.from(x)), params, out, 0);
  return Array.from(out);
}

function close(actual: number, expected: number, tol = 1e-12, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what} expected ${expected}, got ${actual}`);
}

test('pairwiseSum follows numpy, not left-to-right summation', () => {
  // np.sum(np.full(n, 0.1)) (numpy 2.4) gives 1.0, 20.0, 100.00000000000001; the sequential
  // sums are 0.9999999999999999, 20.000000000000014 and 99.9999999999986
  assert.equal(pairwiseSum(new Float64Array(10).fill(0.1), 0, 10), 1);
  assert.equal(pairwiseSum(new Float64Array(200).fill(0.1), 0, 200), 20);
  assert.equal(pairwiseSum(new Float64Array(1000).fill(0.1), 0, 1000), 100.00000000000001);
  assert.equal(numpyMean([1, 2, 3, 4]), 2.5);
});

test('special functions match textbook values', () => {
  close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
  close(logGamma(5), Math.log(24), 1e-14);
  close(logGamma(100), 359.13420536957540, 1e-14);
  close(erfc(0), 1, 1e-15);
  close(erfc(1), 0.15729920705028513, 1e-14);
  close(erfc(5), 1.5374597944280349e-12, 1e-13);
  // I_x(1, 1) = x; I_x(a, 1) = x^a
  close(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-14);
  close(regularizedIncompleteBeta(0.6, 3, 1), 0.216, 1e-14);
});

test('normal and t distributions: known quantiles and the Cauchy case', () => {
  close(normalCdf(0), 0.5, 1e-15);
  close(normalCdf(1.959963984540054), 0.975, 1e-14);
  close(normalCdf(-1.6448536269514722), 0.05, 1e-13);
  // t with 1 df is Cauchy: F(t) = 1/2 + atan(t)/π
  for (const t of [-1e6, -3, -0.5, 0.25, 2]) close(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12, `t=${t}`);
  // t with 2 df: F(t) = 1/2 + t / (2 sqrt(2 + t²))
  for (const t of [-10, -1, 0.7]) close(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-13, `t=${t}`);
});

test('linregress: perfect line, two points, one point, constant', () => {
  const line = linearTrendRegression([66, 74, 82]);
  assert.equal(line.rvalue, 1);
  assert.equal(line.slope, 8);
  assert.equal(line.intercept, 66);
  assert.equal(line.stderr, 0);
  // r = 1 → t = √(1/(1e-20·2)); p = 2·(1/2 − atan(t)/π) ≈ 2/(π t)
  close(line.pvalue, 2 / (Math.PI * Math.sqrt(1 / 2e-20)), 1e-6);
  const two = linearTrendRegression([3, 1]);
  assert.deepEqual([two.slope, two.intercept, two.rvalue, two.pvalue, two.stderr], [-2, 3, -1, 0, 0]);
  const one = linearTrendRegression([5]);
  assert.equal(one.rvalue, 0);
  assert.ok(Number.isNaN(one.slope) && Number.isNaN(one.pvalue));
  const flat = linearTrendRegression([2, 2, 2, 2]);
  assert.deepEqual([flat.slope, flat.intercept, flat.rvalue, flat.pvalue, flat.stderr], [0, 2, 0, 1, 0]);
  // y = [1, 3, 2]: x̄ = 1, ȳ = 2, Sxx = 2, Sxy = 1, Syy = 2 → slope ½, r = ½, stderr = √(¾·2/2/1)
  const r = linearTrendRegression([1, 3, 2]);
  close(r.slope, 0.5);
  close(r.intercept, 1.5);
  close(r.rvalue, 0.5);
  close(r.stderr, Math.sqrt(0.75));
  // t = ½·√(1/(½·3/2)) = 1/√3, df 1: p = 1 − 2 atan(1/√3)/π = 1 − 2(π/6)/π = 2/3
  close(r.pvalue, 2 / 3, 1e-12);
});

test('minimum-norm least squares: underdetermined and rank-deficient systems', () => {
  // x + y = 2 → min-norm (1, 1)
  const a = minNormLeastSquares([Float64Array.from([1]), Float64Array.from([1])], [2], 1e-15);
  close(a.x[0]!, 1);
  close(a.x[1]!, 1);
  assert.equal(a.rank, 1);
  // identical rows [1, c]·β = c: min-norm β = (1, c)·c/(1 + c²)
  const c = 3;
  const b = minNormLeastSquares([new Float64Array(5).fill(1), new Float64Array(5).fill(c)], new Float64Array(5).fill(c), 1e-15);
  close(b.x[0]!, c / (1 + c * c));
  close(b.x[1]!, (c * c) / (1 + c * c));
});

test('polyfit recovers an exact cubic; roots of known polynomials', () => {
  const xs = [-2, -1, 0, 1, 2, 3];
  const ys = xs.map((v) => 2 * v ** 3 - v + 5);
  const coef = polyfit(xs, ys, 3);
  [2, 0, -1, 5].forEach((e, i) => close(coef[i]!, e, 1e-12, `coef ${i}`));
  // (x − 1)(x − 2)(x + 3) = x³ − 7x + 6
  const r = polynomialRoots([1, 0, -7, 6]);
  assert.deepEqual(Array.from(r.re).sort((p, q) => p - q).map((v) => Math.round(v * 1e12) / 1e12), [-3, 1, 2]);
  // x³ + x = x(x² + 1): trailing zero root plus ±i
  const c = polynomialRoots([1, 0, 1, 0]);
  assert.equal(c.re.length, 3);
  assert.ok(Math.max(...c.re) < 1e-12);
  assert.throws(() => polynomialRoots([NaN, 1]));
});

test('MacKinnon p-value: bounds and the 5% critical value', () => {
  assert.equal(mackinnonPValue(3), 1);
  assert.equal(mackinnonPValue(-20), 0);
  // Φ(2.1659 + 1.4412·(−2.86) + 0.038269·2.86²) ≈ 0.0502 (−2.86 is the asymptotic 5% value)
  close(mackinnonPValue(-2.86), normalCdf(2.1659 - 1.4412 * 2.86 + 0.038269 * 2.86 * 2.86), 1e-14);
  assert.ok(Math.abs(mackinnonPValue(-2.86) - 0.05) < 0.005);
  assert.ok(Number.isNaN(mackinnonPValue(NaN)));
});

test('autocorrelation by hand: x = [1, 2, 3, 4]', () => {
  // μ = 2.5, σ² = 1.25, deviations −1.5, −.5, .5, 1.5
  // lag 1: (.75 − .25 + .75)/(3·1.25) = 1/3; lag 2: (−.75 − .75)/(2·1.25) = −0.6; lag 3: −2.25/1.25
  const v = run('autocorrelation', [1, 2, 3, 4], [0, 1, 2, 3, 4, 5].map((lag) => ({ lag })));
  close(v[0]!, 1);
  close(v[1]!, 1 / 3);
  close(v[2]!, -0.6);
  close(v[3]!, -1.8);
  assert.ok(Number.isNaN(v[4]!) && Number.isNaN(v[5]!));
  assert.ok(run('autocorrelation', [7, 7, 7], [{ lag: 1 }]).every(Number.isNaN));
});

test('agg_autocorrelation: mean/median/var of R(1..3) for [1, 2, 3, 4]; zeros for constants', () => {
  const v = run('agg_autocorrelation', [1, 2, 3, 4], ['mean', 'median', 'var'].map((f_agg) => ({ f_agg, maxlag: 40 })));
  const r = [1 / 3, -0.6, -1.8];
  const mean = (1 / 3 - 0.6 - 1.8) / 3;
  close(v[0]!, mean);
  close(v[1]!, -0.6);
  close(v[2]!, r.reduce((s, a) => s + (a - mean) ** 2, 0) / 3);
  assert.deepEqual(run('agg_autocorrelation', [5, 5, 5, 5], [{ f_agg: 'mean', maxlag: 2 }]), [0]);
  assert.throws(() => run('agg_autocorrelation', [1, 2, 3], [{ f_agg: 'mode', maxlag: 2 }]), /unknown aggregation/);
});

test('partial_autocorrelation: Levinson–Durbin on an AR(1)-shaped autocovariance', () => {
  // γ(k) = 0.5^k is an AR(1) with φ = 0.5: α_1 = 0.5, α_k = 0 for k > 1
  const pacf = levinsonDurbinPacf([1, 0.5, 0.25, 0.125], 3);
  close(pacf[0]!, 1);
  close(pacf[1]!, 0.5);
  close(pacf[2]!, 0);
  close(pacf[3]!, 0);
  // n = 8 allows lags < 4: lag 4.. are NaN; n = 3 gives NaN even at lag 0
  const v = run('partial_autocorrelation', [1, 3, 2, 5, 4, 6, 5, 8], [0, 1, 3, 4].map((lag) => ({ lag })));
  assert.equal(v[0], 1);
  assert.ok(Number.isFinite(v[1]!) && Number.isFinite(v[2]!) && Number.isNaN(v[3]!));
  assert.ok(run('partial_autocorrelation', [1, 2, 4], [{ lag: 0 }]).every(Number.isNaN));
});

test('ar_coefficient: exact AR(1) recursion, too-short series, constant series', () => {
  // x_t = 1 + 0.5 x_{t−1} exactly, from x_0 = 0 (not yet at its fixed point 2)
  const x = [0];
  for (let t = 1; t < 12; t++) x.push(1 + 0.5 * x[t - 1]!);
  const fit = fitAutoregression(Float64Array.from(x), 1)!;
  close(fit[0]!, 1, 1e-9);
  close(fit[1]!, 0.5, 1e-9);
  // 5 values, k = 3: 2 rows < 4 regressors → NaN for φ_0..φ_2 and tsfresh's 0 for φ_3
  const short = run('ar_coefficient', [1, 2, 4, 3, 5], [0, 1, 2, 3, 4].map((coeff) => ({ coeff, k: 3 })));
  assert.ok(short.slice(0, 3).every(Number.isNaN));
  assert.equal(short[3], 0);
  assert.ok(Number.isNaN(short[4]!));
  // constant c: minimum-norm solution of [1, c, c]·β = c is (1, c, c)·c/(1 + 2c²)
  const c = 3;
  const flat = run('ar_coefficient', new Array(10).fill(c), [0, 1, 2].map((coeff) => ({ coeff, k: 2 })));
  close(flat[0]!, c / (1 + 2 * c * c), 1e-10);
  close(flat[1]!, (c * c) / (1 + 2 * c * c), 1e-10);
});

test('augmented_dickey_fuller: lag rule, too-short and constant series, a hand-checked DF regression', () => {
  const params = ['teststat', 'pvalue', 'usedlag'].map((attr) => ({ attr, autolag: 'AIC' }));
  // n = 3: maxlag = min(⌈12·0.03^¼⌉, 3//2 − 2) < 0 → all NaN
  assert.ok(run('augmented_dickey_fuller', [1, 3, 2], params).every(Number.isNaN));
  // constant: every SSR is 0, AIC −∞ everywhere → usedlag 0, t = 0/0
  const flat = run('augmented_dickey_fuller', new Array(30).fill(4), params);
  assert.ok(Number.isNaN(flat[0]!) && Number.isNaN(flat[1]!));
  assert.equal(flat[2], 0);
  // n = 5 forces maxlag 0: Δx_t = α + β x_{t−1}. x = [0, 2, 1, 3, 2]: Δx = [2, −1, 2, −1] on
  // x_{t−1} = [0, 2, 1, 3]; centered: xc = [−1.5, .5, −.5, 1.5], yc = [1.5, −1.5, 1.5, −1.5];
  // Sxx = 5, Sxy = −6 → β = −1.2, SSR = Syy − Sxy²/Sxx = 9 − 7.2 = 1.8, s² = 1.8/2,
  // se = √(0.9/5), t = −1.2/√0.18
  const v = run('augmented_dickey_fuller', [0, 2, 1, 3, 2], params);
  close(v[0]!, -1.2 / Math.sqrt(0.18), 1e-12);
  close(v[1]!, mackinnonPValue(v[0]!), 1e-15);
  assert.equal(v[2], 0);
});

test('linear_trend and agg_linear_trend by hand', () => {
  const attrs = ['slope', 'intercept', 'rvalue', 'stderr'].map((attr) => ({ attr }));
  assert.deepEqual(run('linear_trend', [1, 3, 5, 7], attrs), [2, 1, 1, 0]);
  // chunks of 2 of [1, 5, 2, 2, 9, 0, 4]: maxima [5, 2, 9, 4], means [3, 2, 4.5, 4]
  const x = [1, 5, 2, 2, 9, 0, 4];
  const [slopeMax, slopeMean] = run('agg_linear_trend', x, [
    { attr: 'slope', chunk_len: 2, f_agg: 'max' },
    { attr: 'slope', chunk_len: 2, f_agg: 'mean' },
  ]);
  // slope = Σ(i − 1.5)(y − ȳ)/Σ(i − 1.5)² with Σ(i − 1.5)² = 5
  close(slopeMax!, (-1.5 * 5 - 0.5 * 2 + 0.5 * 9 + 1.5 * 4) / 5);
  close(slopeMean!, (-1.5 * 3 - 0.5 * 2 + 0.5 * 4.5 + 1.5 * 4) / 5);
  assert.ok(Number.isNaN(run('agg_linear_trend', x, [{ attr: 'slope', chunk_len: 7, f_agg: 'max' }])[0]!));
  assert.throws(() => run('linear_trend', x, [{ attr: 'slopes' }]), /unknown attr/);
});

test('friedrich: quantile edges, the exact drift of a linear map, and its fixed point', () => {
  // 0..10 with r = 5: edges at 0, 2, 4, 6, 8, 10 — with numpy's rounding, 3·(1/5)·100/100·10
  // is 6.000000000000001 (np.percentile(np.arange(11.), np.linspace(0, 1, 6)*100) agrees)
  assert.deepEqual(Array.from(quantileEdges(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5)), [0, 2, 4, 6.000000000000001, 8, 10]);
  // x_{t+1} = 0.5 x_t + 1: Δx = 1 − 0.5 x exactly, so h(x) = −0.5 x + 1 whatever the binning;
  // with m = 1 the fit is exact and the fixed point is x = 2.
  const x = [10];
  for (let t = 1; t < 40; t++) x.push(0.5 * x[t - 1]! + 1);
  const coef = estimateFriedrichCoefficients(Float64Array.from(x), 1, 4)!;
  close(coef[0]!, -0.5, 1e-9);
  close(coef[1]!, 1, 1e-9);
  // repeated bin edges (a constant stretch) → NaN, as pandas raises
  assert.equal(estimateFriedrichCoefficients(Float64Array.from([1, 1, 1, 1, 2]), 3, 30), null);
  const v = run('friedrich_coefficients', x, [0, 1, 2].map((coeff) => ({ coeff, m: 1, r: 4 })));
  close(v[0]!, -0.5, 1e-9);
  assert.ok(Number.isNaN(v[2]!));
  close(run('max_langevin_fixed_point', x, [{ m: 1, r: 4 }])[0]!, 2, 1e-9);
  assert.ok(Number.isNaN(run('max_langevin_fixed_point', [5], [{ m: 3, r: 30 }])[0]!));
});

test('fillLaggedGram: the window-shift recurrences give the directly summed cross products', () => {
  // u = 1..8 (u_0 = 1), rows t = 3..7, lags 2, one extra regressor e_t = t²
  const u = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const e = Float64Array.from([0, 1, 4, 9, 16, 25, 36, 49]);
  const size = 5; // [1, e, u_{t−1}, u_{t−2}, u_t]
  const gram = new Float64Array(size * size);
  fillLaggedGram(u, 3, 8, 2, [e], gram);
  const columns = [(_: number) => 1, (t: number) => e[t]!, (t: number) => u[t - 1]!, (t: number) => u[t - 2]!, (t: number) => u[t]!];
  for (let a = 0; a < size; a++) {
    for (let b = a; b < size; b++) {
      let s = 0;
      for (let t = 3; t < 8; t++) s += columns[a]!(t) * columns[b]!(t);
      assert.equal(gram[a * size + b], s, `entry (${a}, ${b})`);
    }
  }
  // e.g. S(1, 2) = Σ_{t=3}^{7} u_{t−1} u_{t−2} = 3·2 + 4·3 + 5·4 + 6·5 + 7·6 = 110
  assert.equal(gram[2 * size + 3], 110);
  // lags ≥ 3 take the four-lags-per-pass loop: the first row is still summed in t order
  const rng = new Random(29);
  const w = Float64Array.from({ length: 60 }, () => rng.normal());
  const level = Float64Array.from({ length: 60 }, () => rng.normal() * 10);
  for (const extras of [[], [level]]) {
    const lags = 6;
    const big = lags + 2 + extras.length;
    const g = new Float64Array(big * big);
    fillLaggedGram(w, 8, 60, lags, extras, g);
    for (let l = 0; l <= lags; l++) {
      let s = 0;
      let p = 0;
      for (let t = 8; t < 60; t++) {
        s += w[t]! * w[t - l]!;
        p += level[t]! * w[t - l]!;
      }
      const column = l === 0 ? big - 1 : extras.length + l;
      assert.equal(g[column * big + big - 1], s, `S(0, ${l})`);
      if (extras.length === 1) assert.equal(g[big + column], p, `level·u_{t−${l}}`);
    }
  }
});

test('nestedCholesky: nested SSRs and R of a Householder QR, a certificate that flags near-exact fits', () => {
  // y = 1 + 2·t + noise on t = 0..5: columns [1, t], response y
  const t = [0, 1, 2, 3, 4, 5];
  const y = [1.5, 2.5, 5.5, 6.5, 9.5, 10.5];
  const columns = [Float64Array.from(t, () => 1), Float64Array.from(t)];
  const qr = nestedQr(columns, y);
  const all = [...columns, Float64Array.from(y)];
  const gram = new Float64Array(9);
  for (let a = 0; a < 3; a++) for (let b = a; b < 3; b++) gram[a * 3 + b] = all[a]!.reduce((s, v, i) => s + v * all[b]![i]!, 0);
  const fit = nestedCholesky(gram, 3, 6, 1e-15)!;
  // SSR_0 = Σy² = 281.5; SSR_1 = Σ(y − ȳ)² = 281.5 − 6·6² = 65.5; the line: Sty = 33.5,
  // Stt = 17.5, SSR_2 = 65.5 − 33.5²/17.5 = 48/35
  for (let k = 0; k <= 2; k++) close(fit.ssr[k]!, qr.ssr[k]!, 1e-13, `ssr[${k}]`);
  close(fit.ssr[0]!, 281.5, 1e-13);
  close(fit.ssr[1]!, 65.5, 1e-13);
  close(fit.ssr[2]!, 48 / 35, 1e-13);
  for (let j = 0; j < 2; j++) close(Math.abs(fit.rDiagonal[j]!), Math.abs(qr.rDiagonal[j]!), 1e-13);
  // δ = 1e-15, ω ≈ 3.3, y small against the columns: the bound is a few 1e-12
  assert.ok(fit.relativeSsrError > 0 && fit.relativeSsrError < 1e-10, `bound ${fit.relativeSsrError}`);
  // an exact line leaves SSR_2 = 0 up to rounding: the bound must not certify it
  const exact = Float64Array.from(gram);
  const line = t.map((v) => 1 + 2 * v);
  exact[2] = line.reduce((s, v) => s + v, 0);
  exact[5] = line.reduce((s, v, i) => s + v * t[i]!, 0);
  exact[8] = line.reduce((s, v) => s + v * v, 0);
  const exactBound = nestedCholesky(exact, 3, 6, 1e-15)!.relativeSsrError;
  assert.ok(exactBound > 1e-3, `bound ${exactBound}`);
  // a zero column is refused
  assert.equal(nestedCholesky(Float64Array.from([6, 0, 1, 0, 0, 0, 0, 0, 2]), 3, 6, 1e-15), null);
});

test('ADF lag search: the Gram search agrees with the QR on random walks and defers on smooth series', () => {
  const walks = randomWalks(40, 600, 7);
  for (const x of walks) {
    const maxlag = adfMaxlag(x.length);
    for (const mode of ['aic', 'bic'] as const) {
      const lag = gramLagSearch(x, maxlag, mode, adfShifts(x));
      assert.notEqual(lag, null, 'a random walk is far from an exact fit');
      assert.equal(lag, qrLagSearch(x, maxlag, mode, adfShifts(x)));
    }
  }
  // a pure sine satisfies Δx_t = a Δx_{t−1} + b Δx_{t−2} up to rounding: SSR ≈ 0, no certificate
  const sine = Float64Array.from({ length: 300 }, (_, i) => Math.sin(0.05 * i));
  assert.equal(gramLagSearch(sine, adfMaxlag(300), 'aic', adfShifts(sine)), null);
  assert.equal(gramLagSearch(new Float64Array(100).fill(2), adfMaxlag(100), 'aic', adfShifts(new Float64Array(100).fill(2))), null);
  // the calculator's answer for the sine still comes (from the QR): a finite statistic
  const sineStat = run('augmented_dickey_fuller', Array.from(sine), [{ attr: 'teststat', autolag: 'AIC' }])[0]!;
  assert.ok(Number.isFinite(sineStat), `teststat ${sineStat}`);
});

test('AR fit: Gram + Cholesky + refinement agrees with the QR on random walks, defers on collinear lags', () => {
  for (const x of randomWalks(20, 600, 11)) {
    for (const k of [1, 10]) {
      const fast = gramAutoregression(x, k);
      assert.notEqual(fast, null, 'random-walk lags are far from collinear');
      const reference = qrAutoregression(x, k);
      let scale = 0;
      for (const v of reference) scale = Math.max(scale, Math.abs(v));
      for (let i = 0; i <= k; i++) close(fast![i]!, reference[i]!, 1e-12 * scale, `k=${k} φ_${i}`);
    }
  }
  // a pure sine obeys x_t = 2cos(ω) x_{t−1} − x_{t−2}: the lags of an AR(10) are collinear
  const sine = Float64Array.from({ length: 300 }, (_, i) => Math.sin(0.05 * i));
  assert.equal(gramAutoregression(sine, 10), null);
  assert.equal(gramAutoregression(new Float64Array(50).fill(3), 2), null);
  // AR(2) recovers the sine's exact recursion: φ_1 = 2cos(0.05), φ_2 = −1
  const [phi1, phi2] = run('ar_coefficient', Array.from(sine), [1, 2].map((coeff) => ({ coeff, k: 2 })));
  close(phi1!, 2 * Math.cos(0.05), 1e-8);
  close(phi2!, -1, 1e-8);
});

test('agg_linear_trend: NaN propagates through chunk max/min, parameters are validated up front', () => {
  // chunks of 2 of [1, NaN, 3, 4, 5, 6]: maxima [NaN, 4, 6]; chunks of 3: minima [NaN, 4]
  const x = [1, NaN, 3, 4, 5, 6];
  assert.ok(Number.isNaN(run('agg_linear_trend', x, [{ attr: 'slope', chunk_len: 2, f_agg: 'max' }])[0]!), 'max with NaN');
  assert.ok(Number.isNaN(run('agg_linear_trend', x, [{ attr: 'slope', chunk_len: 3, f_agg: 'min' }])[0]!), 'min with NaN');
  // chunks of 4 of [4, 1, 2, 3, 9, 8]: minima [1, 8], maxima [4, 9]: slopes 7 and 5 (two points)
  assert.deepEqual(
    run('agg_linear_trend', [4, 1, 2, 3, 9, 8], [
      { attr: 'slope', chunk_len: 4, f_agg: 'min' },
      { attr: 'slope', chunk_len: 4, f_agg: 'max' },
      { attr: 'rvalue', chunk_len: 4, f_agg: 'min' },
    ]),
    [7, 5, 1],
  );
  assert.throws(() => run('agg_linear_trend', x, [{ attr: 'slope', chunk_len: 2, f_agg: 'mode' }]), /agg_linear_trend: unknown aggregation f_agg="mode"/);
  assert.throws(() => run('agg_linear_trend', x, [{ attr: 'slope', chunk_len: 0, f_agg: 'max' }]), /chunk_len must be an integer >= 1/);
  assert.throws(() => run('agg_linear_trend', [1, 2], [{ attr: 'slopes', chunk_len: 5, f_agg: 'max' }]), /unknown attr "slopes"/);
});

test('ADF refit: the certified Gram fit agrees with the QR refit, defers on a constant series', () => {
  for (const x of randomWalks(20, 400, 13)) {
    for (const lag of [0, 2]) {
      const fast = gramRefit(x, lag, adfShifts(x));
      assert.notEqual(fast, null, 'a random walk refit is well conditioned');
      const reference = qrRefit(x, lag, adfShifts(x));
      close(fast!.teststat, reference.teststat, 1e-11, `lag ${lag}`);
      assert.equal(fast!.usedlag, lag);
    }
  }
  assert.equal(gramRefit(new Float64Array(40).fill(1), 0, adfShifts(new Float64Array(40).fill(1))), null);
});

test('friedrich: the sorted signal derived from the shared sorted series equals a fresh sort', () => {
  assert.deepEqual(Array.from(sortedWithout(Float64Array.from([1, 2, 2, 5, 9]), 2)), [1, 2, 5, 9]);
  assert.deepEqual(Array.from(sortedWithout(Float64Array.from([1, 2, 2, 5, 9]), 9)), [1, 2, 2, 5]);
  assert.ok(Object.is(sortedWithout(Float64Array.from([-0, 0, 3]), 0)[0], -0), 'removes +0, keeps −0');
  assert.throws(() => sortedWithout(Float64Array.from([1, 2]), 3), /not in the array/);
  for (const x of randomWalks(5, 200, 17)) {
    const sorted = Float64Array.from(x).sort();
    assert.deepEqual(estimateFriedrichCoefficients(x, 3, 30, sorted), estimateFriedrichCoefficients(x, 3, 30));
  }
});

test('adjustedAutocovariance: four lags per pass round exactly like one loop per lag', () => {
  const rng = new Random(23);
  for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 13, 64, 101]) {
    const x = Float64Array.from({ length: n }, () => rng.normal() * 1e3 + 7);
    const acov = adjustedAutocovariance(new SeriesContext(x), 40);
    const mean = numpyMean(x);
    assert.equal(acov.length, Math.min(40, n - 1) + 1);
    for (let k = 0; k < acov.length; k++) {
      let s = 0;
      for (let t = 0; t + k < n; t++) s += (x[t]! - mean) * (x[t + k]! - mean);
      assert.equal(acov[k], s / (n - k), `n=${n} k=${k}`);
    }
  }
});
