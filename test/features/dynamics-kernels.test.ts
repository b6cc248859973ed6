/**
 * The dynamics family's WebAssembly kernels (kernels/dynamics-*.ts) against plain TypeScript
 * references written here in the modules' documented order of operations, value by value with
 * Object.is: every SIMD blocking remainder (lag counts 0..20, odd row counts), NaN, signed
 * zeros, chunk lengths past numpy's 128-value pairwise block, rank-deficient matrices.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { friedrichBinSums } from './numpy-reference.js';
import { fillLaggedGram } from '../../src/features/calculators/dynamics/lagged-gram.js';
import { chunkTrend } from '../../src/features/calculators/dynamics/agg-linear-trend.js';
import { estimateFriedrichCoefficients, quantileEdges } from '../../src/features/calculators/dynamics/friedrich.js';
import { laggedLeastSquares } from '../../src/features/calculators/dynamics/lagged-least-squares.js';
import { nestedCholesky } from '../../src/features/calculators/dynamics/gram-least-squares.js';
import { adfMaxlag, adfShifts, gramLagSearch } from '../../src/features/calculators/dynamics/augmented-dickey-fuller.js';
import { backSubstitute, nestedQr } from '../../src/features/numeric/householder-qr.js';
import { qrAutoregression } from '../../src/features/calculators/dynamics/ar-coefficient.js';
import { minNormLeastSquares } from '../../src/features/numeric/jacobi-svd.js';
import { polyfit } from '../../src/features/numeric/polyfit.js';
import { polynomialRoots } from '../../src/features/numeric/polynomial-roots.js';
import { linearTrendRegression } from '../../src/features/numeric/linear-regression.js';
import { numpyMean, numpyVariance, pairwiseSum } from '../../src/features/numeric/pairwise-sum.js';
import { Random } from '../../src/util/random.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';

function same(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) assert.ok(Object.is(actual[i], expected[i]), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
}

const rng = new Random(41);
const normals = (n: number, scale = 1, offset = 0) => Float64Array.from({ length: n }, () => offset + scale * rng.normal());

test('fillLaggedGram: every lag count 0..20 (full and short eight-lag passes), with and without the extra regressor', () => {
  const u = normals(90);
  const e = normals(90, 10, 3);
  for (let lags = 0; lags <= 20; lags++) {
    for (const extras of [[], [e]]) {
      const E = extras.length;
      const size = lags + 2 + E;
      const gram = new Float64Array(size * size);
      const first = lags + 3;
      fillLaggedGram(u, first, 87, lags, extras, gram);
      // reference: the module's recipe — direct sums for row 0, the extra and S(0, l), recurrences for the rest
      const ref = new Float64Array(size * size);
      const response = size - 1;
      const at = (l: number) => (l === 0 ? response : E + l);
      const cell = (a: number, b: number) => (a <= b ? a * size + b : b * size + a);
      ref[0] = 87 - first;
      if (E) {
        let s = 0;
        let q = 0;
        for (let t = first; t < 87; t++) s += e[t]!;
        for (let t = first; t < 87; t++) q += e[t]! * e[t]!;
        ref[1] = s;
        ref[size + 1] = q;
      }
      for (let l = 0; l <= lags; l++) {
        let s = 0;
        let p = 0;
        for (let t = first; t < 87; t++) s += u[t]! * u[t - l]!;
        for (let t = first; t < 87; t++) p += e[t]! * u[t - l]!;
        ref[cell(response, at(l))] = s;
        if (E) ref[size + at(l)] = p;
      }
      let sum = 0;
      for (let t = first; t < 87; t++) sum += u[t]!;
      ref[response] = sum;
      for (let l = 1; l <= lags; l++) ref[at(l)] = sum += u[first - l]! - u[87 - l]!;
      for (let j = 1; j <= lags; j++) {
        for (let l = j; l <= lags; l++) ref[at(j) * size + at(l)] = ref[cell(at(j - 1), at(l - 1))]! + u[first - j]! * u[first - l]! - u[87 - j]! * u[87 - l]!;
      }
      same(gram, ref, `lags ${lags}, extras ${E}`);
    }
  }
  assert.throws(() => fillLaggedGram(u, 1, 90, 2, [], new Float64Array(16)), /out of range/);
});

test('laggedLeastSquares: refuses a constant series, certifies an AR fit whose β matches the QR', () => {
  assert.equal(laggedLeastSquares(new Float64Array(50).fill(3), null, 2, 50, 2, 1e-3), null);
  const x = new Float64Array(400);
  for (let t = 2; t < 400; t++) x[t] = 0.5 * x[t - 1]! - 0.3 * x[t - 2]! + rng.normal();
  const fit = laggedLeastSquares(x, null, 2, 400, 2, 1e-3)!;
  const qr = nestedQr([new Float64Array(398).fill(1), x.subarray(1, 399), x.subarray(0, 398)], x.subarray(2));
  for (let j = 0; j < 3; j++) assert.ok(Math.abs(fit.beta[j]! - qrBeta(qr.r, qr.z, 3)[j]!) < 1e-12, `β${j}`);
  assert.ok(Math.abs(fit.ssr - qr.ssr[3]!) < 1e-9 * qr.ssr[3]!);
});

/**
 * lagged-least-squares.ts' certified fit written plainly in its kernel's order (the Gram matrix
 * from fillLaggedGram, checked above): right-looking Cholesky, ω, R⁻¹z, then refinement steps
 * whose residuals are formed row by row and whose sums run in increasing t.
 */
function laggedLeastSquaresReference(u: Float64Array, extra: Float64Array | null, first: number, end: number, lags: number, maxEta: number) {
  const E = extra === null ? 0 : 1;
  const p = 1 + E + lags;
  const size = p + 1;
  const a = new Float64Array(size * size);
  fillLaggedGram(u, first, end, lags, extra === null ? [] : [extra], a);
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const d = a[j * size + j]!;
    if (!(d > 0)) return null;
    norms[j] = Math.sqrt(d);
  }
  for (let i = 0; i < size; i++) {
    const pivot = a[i * size + i]!;
    if (i === size - 1) {
      a[i * size + i] = pivot > 0 ? Math.sqrt(pivot) : 0;
      break;
    }
    if (!(pivot > 0)) return null;
    const rii = Math.sqrt(pivot);
    a[i * size + i] = rii;
    const inv = 1 / rii;
    for (let j = i + 1; j < size; j++) a[i * size + j] = a[i * size + j]! * inv;
    for (let j = i + 1; j < size; j++) for (let l = j; l < size; l++) a[j * size + l] = a[j * size + l]! - a[i * size + j]! * a[i * size + l]!;
  }
  let maxNorm = 0;
  for (let j = 0; j < p; j++) maxNorm = Math.max(maxNorm, norms[j]!);
  for (let j = 0; j < p; j++) if (!(Math.abs(a[j * size + j]!) > 1e-10 * maxNorm)) return null;
  let sum = 0;
  const w = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    w[j] = 1 / a[j * size + j]!;
    let column = (norms[j]! * w[j]!) ** 2;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= j; l++) s -= a[i * size + l]! * w[l]!;
      w[i] = s * (1 / a[i * size + i]!);
      column += (norms[i]! * w[i]!) ** 2;
    }
    sum += column;
  }
  const omega = Math.sqrt(sum);
  const gramError = 2 * (end - first + 4 * lags + size) * (Number.EPSILON / 2);
  const eta = p * gramError * omega * omega;
  if (!(eta <= maxEta)) return null;
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r[i * p + j] = a[i * size + j]!;
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) beta[i] = a[i * size + p]!;
  const upper = (b: Float64Array) => {
    for (let i = p - 1; i >= 0; i--) {
      let s = b[i]!;
      for (let j = i + 1; j < p; j++) s -= r[i * p + j]! * b[j]!;
      b[i] = s / r[i * p + i]!;
    }
  };
  upper(beta);
  let certified = false;
  let ssr = NaN;
  for (let step = 0; step < 3 && !certified; step++) {
    const g = new Float64Array(p);
    let before = 0;
    for (let t = first; t < end; t++) {
      let rt = u[t]! - beta[0]!;
      if (E) rt -= beta[1]! * extra![t]!;
      for (let l = 1; l <= lags; l++) rt -= beta[E + l]! * u[t - l]!;
      before += rt * rt;
      g[0] += rt;
      if (E) g[1] += extra![t]! * rt;
      for (let l = 1; l <= lags; l++) g[E + l] += u[t - l]! * rt;
    }
    const c = Float64Array.from(g);
    for (let i = 0; i < p; i++) {
      let s = c[i]!;
      for (let j = 0; j < i; j++) s -= r[j * p + i]! * c[j]!;
      c[i] = s / r[i * p + i]!;
    }
    upper(c);
    let delta = 0;
    let norm = 0;
    let decrease = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = beta[j]! + c[j]!;
      delta += (c[j]! * norms[j]!) ** 2;
      norm += (beta[j]! * norms[j]!) ** 2;
      decrease += c[j]! * g[j]!;
    }
    ssr = before - decrease;
    certified = eta * Math.sqrt(delta) <= 1e-13 * Math.sqrt(norm);
  }
  return certified ? { beta, ssr, r, eta } : null;
}

test('laggedLeastSquares: equals the plain reference for lags 0..20, row counts of every remainder mod 8, with and without the extra, NaN and constant series', () => {
  const u = new Float64Array(140);
  for (let t = 1; t < 140; t++) u[t] = 0.6 * u[t - 1]! + rng.normal();
  const e = normals(140, 4, 2);
  let fits = 0;
  for (let lags = 0; lags <= 20; lags++) {
    for (const extra of [null, e]) {
      for (let end = 120; end < 140; end += 3) {
        for (const first of [lags, lags + 5]) {
          const got = laggedLeastSquares(u, extra, first, end, lags, 1e-3);
          const want = laggedLeastSquaresReference(u, extra, first, end, lags, 1e-3);
          const what = `lags ${lags}, extra ${extra !== null}, rows ${first}..${end}`;
          assert.equal(got === null, want === null, `${what}: certified`);
          if (got === null || want === null) continue;
          fits++;
          same(got.beta, want.beta, `${what}: beta`);
          same([got.ssr, got.eta], [want.ssr, want.eta], `${what}: ssr, eta`);
          same(got.r, want.r, `${what}: R`);
        }
      }
    }
  }
  assert.ok(fits > 500, `${fits} certified fits`);
  const withNaN = Float64Array.from(u);
  withNaN[100] = NaN;
  assert.equal(laggedLeastSquares(withNaN, null, 3, 130, 3, 1e-3), null);
  assert.equal(laggedLeastSquaresReference(withNaN, null, 3, 130, 3, 1e-3), null);
  assert.equal(laggedLeastSquares(new Float64Array(60).fill(-2), e, 4, 60, 4, 1e-3), null);
});

function qrBeta(r: Float64Array, z: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let j = i + 1; j < n; j++) s -= r[i * n + j]! * b[j]!;
    b[i] = s / r[i * n + i]!;
  }
  return b;
}

test('chunkTrend: every reduction, chunk lengths 1..300 (past the 128-value pairwise block), NaN and signed zeros', () => {
  const x = normals(601, 5, 100);
  x[17] = -0;
  x[18] = 0;
  const withNan = Float64Array.from(x);
  withNan[250] = NaN;
  const ties = Float64Array.from({ length: 301 }, (_, i) => (i % 7 === 0 ? -0 : i % 3));
  for (const series of [x, withNan, ties]) {
    const n = series.length;
    for (const chunkLen of [1, 2, 3, 5, 7, 8, 9, 10, 50, 127, 128, 129, 200, 300]) {
      for (const fAgg of ['max', 'min', 'mean', 'var', 'std', 'sum', 'median']) {
        const got = chunkTrend(series, fAgg, chunkLen);
        if (chunkLen >= n) {
          assert.equal(got, null);
          continue;
        }
        const aggregates = Array.from({ length: Math.ceil(n / chunkLen) }, (_, c) => reduce(fAgg, series, c * chunkLen, Math.min(n, (c + 1) * chunkLen)));
        const want = referenceTrend(aggregates);
        const what = `n ${n} ${fAgg} chunk ${chunkLen}`;
        same([got!.slope, got!.intercept, got!.rvalue, got!.stderr, got!.intercept_stderr], want, what);
      }
    }
  }
});

/** numpy's reductions, written plainly (max/min keep the first of equal values, stop at NaN). */
function reduce(fAgg: string, v: Float64Array, start: number, end: number): number {
  switch (fAgg) {
    case 'max':
    case 'min': {
      let best = v[start]!;
      for (let i = start + 1; i < end && best === best; i++) {
        const w = v[i]!;
        if (fAgg === 'max' ? !(w <= best) : !(w >= best)) best = w;
      }
      return best;
    }
    case 'mean':
      return numpyMean(v, start, end);
    case 'var':
      return numpyVariance(v, start, end);
    case 'std':
      return Math.sqrt(numpyVariance(v, start, end));
    case 'sum':
      return pairwiseSum(v, start, end - start);
    default: {
      const s = Float64Array.from(v.subarray(start, end)).sort();
      const h = s.length >> 1;
      return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
    }
  }
}

/** linregress against 0..n−1 as linear-regression.ts documents it: [slope, intercept, r, stderr, intercept_stderr]. */
function referenceTrend(y: number[]): number[] {
  const n = y.length;
  const xMean = (n * (n - 1)) / 2 / n;
  const yMean = pairwiseSum(y, 0, n) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - xMean) * (i - xMean);
    sxy += (i - xMean) * (y[i]! - yMean);
    syy += (y[i]! - yMean) * (y[i]! - yMean);
  }
  const got = linearTrendRegression(y);
  // the closing formulas are shared TS; the sums are what the kernel computes
  const inv = 1 / n;
  const ssxm = sxx * inv;
  const ssxym = sxy * inv;
  const ssym = syy * inv;
  const r = ssxm === 0 || ssym === 0 ? 0 : Math.min(1, Math.max(-1, ssxym / Math.sqrt(ssxm * ssym)));
  const slope = ssxym / ssxm;
  assert.ok(Object.is(got.slope, slope) && Object.is(got.rvalue, r), 'linearTrendRegression on a plain array');
  if (n === 2) return [slope, yMean - slope * xMean, r, 0, 0];
  const stderr = Math.sqrt(((1 - r * r) * ssym) / ssxm / (n - 2));
  return [slope, yMean - slope * xMean, r, stderr, stderr * Math.sqrt(ssxm + xMean * xMean)];
}

test('trendSumsRows: every row equals trendSums of it alone (four-row blocks and the rest, n = 1..131, NaN)', () => {
  const fn = kernels().fn;
  const rowsBuffer = new KernelBuffer();
  const sumsBuffer = new KernelBuffer();
  const aloneBuffer = new KernelBuffer();
  for (const n of [1, 2, 3, 7, 8, 9, 60, 120, 131]) {
    for (let rows = 1; rows <= 9; rows++) {
      const stride = n + (rows % 3); // rows need not be adjacent
      const values = normals(rows * stride, 5, 100);
      if (rows === 6 && n > 2) values[2 * stride + 1] = NaN;
      const y = rowsBuffer.copyIn(values);
      const sums = sumsBuffer.pointer(5 * rows);
      fn.trendSumsRows(y, n, rows, stride, sums);
      const got = Float64Array.from(kernels().f64.subarray(sums / 8, sums / 8 + 5 * rows));
      const want = new Float64Array(5 * rows);
      for (let r = 0; r < rows; r++) {
        const alone = aloneBuffer.pointer(5);
        fn.trendSums(y + 8 * r * stride, n, alone);
        want.set(kernels().f64.subarray(alone / 8, alone / 8 + 5), 5 * r);
      }
      same(got, want, `n ${n}, rows ${rows}`);
    }
  }
});

test('nestedQr: odd and even row counts, a zero column, more columns than rows, four-column reflection blocks and their remainders', () => {
  for (const [m, n] of [[1, 1], [2, 3], [5, 2], [6, 4], [7, 7], [31, 5], [64, 12], [101, 22], [40, 9]] as const) {
    const columns = Array.from({ length: n }, () => normals(m));
    if (n > 2) columns[1] = new Float64Array(m); // numerically zero column
    if (n > 3) columns[3] = Float64Array.from(columns[0]!); // dependent column
    const y = normals(m);
    const got = nestedQr(columns, y);
    const want = referenceQr(columns, y);
    for (const key of ['r', 'z', 'rDiagonal', 'columnNorms', 'ssr'] as const) same(got[key], want[key], `${m}x${n} ${key}`);
  }
});

/** Householder QR as householder-qr.ts documents it, plainly. */
function referenceQr(columns: Float64Array[], y: Float64Array) {
  const n = columns.length;
  const m = y.length;
  const a = columns.map((c) => Float64Array.from(c));
  const z = Float64Array.from(y);
  const r = new Float64Array(n * n);
  const rDiagonal = new Float64Array(n);
  const columnNorms = Float64Array.from(a, (c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  for (let k = 0; k < n && k < m; k++) {
    const v = a[k]!;
    let norm = 0;
    for (let i = k; i < m; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      for (let j = k; j < n; j++) r[k * n + j] = a[j]![k]!;
      continue;
    }
    const xk = v[k]!;
    const alpha = xk > 0 ? -norm : norm;
    v[k] = xk - alpha;
    const inv = 1 / (norm * (norm + Math.abs(xk)));
    for (const c of [...a.slice(k + 1), z]) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i]! * c[i]!;
      const f = dot * inv;
      for (let i = k; i < m; i++) c[i] = c[i]! - f * v[i]!;
    }
    rDiagonal[k] = r[k * n + k] = alpha;
    for (let j = k + 1; j < n; j++) r[k * n + j] = a[j]![k]!;
  }
  const ssr = new Float64Array(n + 1);
  let tail = 0;
  for (let i = m - 1; i >= n; i--) tail += z[i]! * z[i]!;
  ssr[n] = tail;
  for (let k = Math.min(n, m) - 1; k >= 0; k--) ssr[k] = tail += z[k]! * z[k]!;
  return { r, z, rDiagonal, columnNorms, ssr };
}

test('minNormLeastSquares and polyfit: the Jacobi sweeps of jacobi-svd.ts, odd row counts, rank deficiency', () => {
  for (const [m, n] of [[1, 2], [3, 4], [5, 3], [30, 4], [31, 6]] as const) {
    const columns = Array.from({ length: n }, () => normals(m));
    if (n > 3) columns[2] = Float64Array.from(columns[0]!, (v, i) => v + columns[1]![i]!);
    const b = normals(m);
    const got = minNormLeastSquares(columns, b, 1e-15);
    const want = referenceMinNorm(columns, b, 1e-15);
    same(got.x, want.x, `${m}x${n} x`);
    same(got.singularValues, want.sigma, `${m}x${n} σ`);
    assert.equal(got.rank, want.rank);
  }
  // polyfit = scaled Vandermonde through the same solve
  for (const m of [1, 2, 3, 4, 9, 30]) {
    const xs = normals(m);
    const ys = normals(m);
    const deg = 3;
    const cols = Array.from({ length: deg + 1 }, (_, j) => Float64Array.from(xs, (v) => {
      let p = 1;
      for (let k = 0; k < deg - j; k++) p *= v;
      return p;
    }));
    const scale = cols.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
    cols.forEach((c, j) => c.forEach((v, i) => (c[i] = v / scale[j]!)));
    const want = referenceMinNorm(cols, ys, m * Number.EPSILON).x.map((v, j) => v / scale[j]!);
    same(polyfit(xs, ys, deg), want, `polyfit m ${m}`);
  }
});

/** One-sided Jacobi min-norm least squares, plainly (jacobi-svd.ts's documented order). */
function referenceMinNorm(columns: Float64Array[], b: Float64Array, rcond: number) {
  const n = columns.length;
  const m = b.length;
  const u = columns.map((c) => Float64Array.from(c));
  const v = Array.from({ length: n }, (_, j) => Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += u[p]![i]! * u[p]![i]!;
          beta += u[q]![i]! * u[q]![i]!;
          gamma += u[p]![i]! * u[q]![i]!;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (const [x, y] of [[u[p]!, u[q]!], [v[p]!, v[q]!]]) {
          for (let i = 0; i < x.length; i++) {
            const a = x[i]!;
            const d = y[i]!;
            x[i] = c * a - s * d;
            y[i] = s * a + c * d;
          }
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = Float64Array.from(u, (c) => Math.sqrt(c.reduce((s, w) => s + w * w, 0)));
  const cutoff = rcond * sigma.reduce((mx, s) => (s > mx ? s : mx), 0);
  const x = new Float64Array(n);
  let rank = 0;
  for (let j = 0; j < n; j++) {
    if (!(sigma[j]! > cutoff)) continue;
    rank++;
    let dot = 0;
    for (let i = 0; i < m; i++) dot += u[j]![i]! * b[i]!;
    const scale = dot / (sigma[j]! * sigma[j]!);
    for (let k = 0; k < n; k++) x[k] += v[j]![k]! * scale;
  }
  return { x, sigma, rank };
}

test('friedrich: the kernel bins (bisection, Kahan group means) equal a plain pass for 1, 2, 3 and 30 bins', () => {
  let fitted = 0;
  for (const n of [4, 9, 40, 600]) {
    const x = Float64Array.from({ length: n }, (_, i) => 1e3 + 100 * Math.sin(i / 3) + rng.normal() / 3);
    for (const r of [1, 2, 3, 30]) {
      const count = n - 1;
      const edges = quantileEdges(Float64Array.from(x.subarray(0, count)).sort(), r);
      let unique = true;
      for (let k = 1; k <= r; k++) if (!(edges[k]! > edges[k - 1]!)) unique = false;
      const got = estimateFriedrichCoefficients(x, 2, r);
      if (!unique) {
        assert.equal(got, null);
        continue;
      }
      const kept = friedrichBinSums(x, count, edges, r);
      const want = polyfit(kept.map((s) => s.x / s.n), kept.map((s) => s.d / s.n), 2);
      same(got ?? [], want.every(Number.isFinite) ? want : [], `n ${n} r ${r}`);
      if (got !== null) fitted++;
    }
  }
  assert.ok(fitted >= 8, `only ${fitted} fits compared`);
});

test('polynomialRoots: the Aberth sweeps equal a plain pass on degrees 3..9, zero coefficients, repeated and huge-range roots', () => {
  const cases: number[][] = [[1, -3, 3, -1], [1, 0, 0, 0, -1], [2, 0, -1, 0, 0], [1e-300, 1, 1, 1], [1, 1e300, 1, 1], [1, -6, 15, -20, 15, -6, 1]];
  for (let i = 0; i < 300; i++) {
    const d = 3 + (i % 7);
    cases.push(Array.from({ length: d + 1 }, () => (rng.uniform() < 0.15 ? 0 : rng.normal() * 10 ** Math.round(rng.normal() * 3))));
  }
  let compared = 0;
  for (const p of cases) {
    if (p[0] === 0) p[0] = 1;
    let last = p.length - 1;
    while (p[last] === 0) last--;
    if (last < 3) continue;
    const coef = p.slice(0, last + 1);
    const got = polynomialRoots(p);
    const want = referenceAberth(coef);
    same(got.re.subarray(0, coef.length - 1), want.re, `re of ${p}`);
    same(got.im.subarray(0, coef.length - 1), want.im, `im of ${p}`);
    compared++;
  }
  assert.ok(compared > 250);
});

/** polynomial-roots.ts' Aberth iteration (degree ≥ 3, leading and trailing coefficients non-zero), plainly. */
function referenceAberth(coef: number[]): { re: Float64Array; im: Float64Array } {
  const d = coef.length - 1;
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  const logs = Array.from({ length: d + 1 }, (_, k) => (coef[d - k] === 0 ? -Infinity : Math.log(Math.abs(coef[d - k]!))));
  const hull: number[] = [];
  for (let k = 0; k <= d; k++) {
    if (logs[k] === -Infinity) continue;
    while (hull.length >= 2) {
      const i = hull[hull.length - 2]!;
      const j = hull[hull.length - 1]!;
      if ((logs[j]! - logs[i]!) * (k - i) <= (logs[k]! - logs[i]!) * (j - i)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  let idx = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const i = hull[h]!;
    const j = hull[h + 1]!;
    const radius = Math.exp((logs[i]! - logs[j]!) / (j - i));
    for (let s = 0; s < j - i; s++) {
      const angle = (2 * Math.PI * s) / (j - i) + (2 * Math.PI * h) / d + 0.4;
      re[idx] = radius * Math.cos(angle);
      im[idx++] = radius * Math.sin(angle);
    }
  }
  for (let iter = 0; iter < 200; iter++) {
    let maxStep = 0;
    for (let k = 0; k < d; k++) {
      const zr = re[k]!;
      const zi = im[k]!;
      let [pr, pi, dr, di] = [coef[0]!, 0, 0, 0];
      for (let c = 1; c <= d; c++) {
        [dr, di] = [dr * zr - di * zi + pr, dr * zi + di * zr + pi];
        [pr, pi] = [pr * zr - pi * zi + coef[c]!, pr * zi + pi * zr];
      }
      const dd = dr * dr + di * di;
      if ((pr === 0 && pi === 0) || dd === 0) continue;
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      let sr = 0;
      let si = 0;
      for (let j = 0; j < d; j++) {
        const ar = zr - re[j]!;
        const ai = zi - im[j]!;
        const aa = ar * ar + ai * ai;
        if (j === k || aa === 0) continue;
        sr += ar / aa;
        si += -ai / aa;
      }
      const br = 1 - (wr * sr - wi * si);
      const bi = -(wr * si + wi * sr);
      const bb = br * br + bi * bi;
      const stepR = (wr * br + wi * bi) / bb;
      const stepI = (wi * br - wr * bi) / bb;
      re[k] = zr - stepR;
      im[k] = zi - stepI;
      const rel = Math.hypot(stepR, stepI) / Math.max(Math.hypot(re[k]!, im[k]!), Number.MIN_VALUE);
      if (rel > maxStep) maxStep = rel;
    }
    if (maxStep < 4 * Number.EPSILON) break;
  }
  for (let k = 0; k < d; k++) if (Math.abs(im[k]!) <= 1e-14 * Math.hypot(re[k]!, im[k]!)) im[k] = 0;
  return { re, im };
}

test('gramLagSearch: the one-call kernel search equals its parts (fillLaggedGram, nestedCholesky, rank test, criteria) on walks, AR, short, smooth, constant and collinear series', () => {
  const series: Float64Array[] = [];
  for (const n of [8, 9, 12, 30, 101, 600]) {
    const walk = new Float64Array(n);
    for (let t = 1; t < n; t++) walk[t] = walk[t - 1]! + rng.normal();
    series.push(walk);
    const ar = new Float64Array(n);
    for (let t = 2; t < n; t++) ar[t] = 0.6 * ar[t - 1]! - 0.3 * ar[t - 2]! + rng.normal();
    series.push(ar, normals(n, 1e-3, 1e8));
    series.push(Float64Array.from({ length: n }, (_, i) => Math.sin(0.05 * i)));
    series.push(new Float64Array(n).fill(2), Float64Array.from({ length: n }, (_, i) => 3 * i - 1));
    series.push(Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) + 1e-9 * rng.normal()));
  }
  for (let i = 0; i < 60; i++) series.push(normals(40 + i * 7, 10 ** Math.round(rng.normal() * 2)));
  const answers = new Set<string>();
  for (const x of series) {
    const maxlag = adfMaxlag(x.length);
    if (maxlag < 0) continue;
    for (const mode of ['aic', 'bic'] as const) {
      const got = gramLagSearch(x, maxlag, mode, adfShifts(x));
      assert.equal(got, referenceGramLagSearch(x, maxlag, mode), `n ${x.length}, ${mode}, x0 ${x[0]}`);
      answers.add(got === null ? 'null' : 'lag');
    }
  }
  assert.deepEqual([...answers].sort(), ['lag', 'null'], 'both outcomes reached');
});

/** augmented-dickey-fuller.ts' Gram lag search from its TypeScript-facing parts, plainly. */
function referenceGramLagSearch(x: Float64Array, maxlag: number, mode: 'aic' | 'bic'): number | null {
  const n = x.length;
  const { level: levelShift, diff } = adfShifts(x);
  const u = new Float64Array(n);
  const level = new Float64Array(n);
  for (let t = 1; t < n; t++) {
    u[t] = x[t]! - x[t - 1]! - diff;
    level[t] = x[t - 1]! - levelShift;
  }
  const first = maxlag + 1;
  const rows = n - first;
  const size = maxlag + 3;
  const gram = new Float64Array(size * size);
  fillLaggedGram(u, first, n, maxlag, [level], gram);
  const fit = nestedCholesky(gram, size, rows, 2 * (rows + 4 * maxlag + size) * (Number.EPSILON / 2));
  if (fit === null || !(fit.relativeSsrError < 1e-6)) return null;
  let norm = 0;
  for (let j = 0; j < fit.cols; j++) norm = Math.max(norm, fit.columnNorms[j]!);
  const tol = norm * Math.max(fit.rows, fit.cols) * Number.EPSILON;
  for (let j = 0; j < fit.cols; j++) if (!(Math.abs(fit.rDiagonal[j]!) > 1e3 * tol)) return null;
  const ics: number[] = [];
  for (let p = 0; p <= maxlag; p++) {
    let rank = 0;
    for (let j = 0; j < p + 2; j++) if (Math.abs(fit.rDiagonal[j]!) > tol) rank++;
    const llf = -(rows / 2) * Math.log(2 * Math.PI) - (rows / 2) * Math.log(fit.ssr[p + 2]! / rows) - rows / 2;
    ics.push(mode === 'aic' ? -2 * llf + 2 * rank : -2 * llf + Math.log(rows) * rank);
  }
  let bestLag = 0;
  for (let p = 1; p <= maxlag; p++) if (ics[p]! < ics[bestLag]!) bestLag = p;
  let gap = Infinity;
  for (let p = 0; p <= maxlag; p++) if (p !== bestLag) gap = Math.min(gap, ics[p]! - ics[bestLag]!);
  if (Number.isNaN(ics[bestLag])) gap = NaN;
  return gap > 4 * rows * fit.relativeSsrError ? bestLag : null;
}

test('qrAutoregression: the kernel-built centered design equals plain sums and columns, k = 0..12, odd lengths, constant and NaN series', () => {
  const series = [normals(37), normals(64, 1e-4, 1e6), normals(121, 5), new Float64Array(40).fill(7), Float64Array.from(normals(30), (v, i) => (i === 11 ? NaN : v))];
  for (const x of series) {
    for (let k = 0; k <= 12 && x.length - k > k + 1; k++) {
      const rows = x.length - k;
      let yMean = 0;
      for (let t = 0; t < rows; t++) yMean += x[k + t]!;
      yMean /= rows;
      const yc = Float64Array.from(x.subarray(k), (v) => v - yMean);
      const means = [yMean];
      const columns = [];
      for (let i = 1; i <= k; i++) {
        let m = 0;
        for (let t = 0; t < rows; t++) m += x[k + t - i]!;
        m /= rows;
        means.push(m);
        columns.push(Float64Array.from(x.subarray(k - i, k - i + rows), (v) => v - m));
      }
      const qr = nestedQr(columns, yc);
      let scale = 0;
      for (let i = 0; i < k; i++) scale = Math.max(scale, qr.columnNorms[i]!);
      let fullRank = true;
      for (let i = 0; i < k; i++) if (!(Math.abs(qr.rDiagonal[i]!) > 1e-13 * scale)) fullRank = false;
      const got = qrAutoregression(x, k);
      if (!fullRank) continue; // the pinv path takes the raw columns, not this design
      const phi = backSubstitute(qr);
      const want = new Float64Array(k + 1);
      let c = yMean;
      for (let i = 1; i <= k; i++) {
        want[i] = phi[i - 1]!;
        c -= phi[i - 1]! * means[i]!;
      }
      want[0] = c;
      same(got, want, `n ${x.length}, k ${k}`);
    }
  }
});
