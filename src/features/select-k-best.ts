/**
 * Supervised feature selection as used to build Prodigy's published list: min-max scale each
 * feature to [0, 1] (scikit-learn's MinMaxScaler: a constant column becomes 0), score it with
 * scikit-learn's `chi2` against the labels, and keep the k best (`SelectKBest`).
 *
 * chi2: with Y the one-hot label matrix (n x classes) and X the features (n x d, non-negative),
 *   observed = Y^T X,  expected = outer(mean of Y over rows, column sums of X),
 *   score_j = sum_c (observed_cj - expected_cj)^2 / expected_cj,
 *   p_j = P(chi-square with classes - 1 degrees of freedom > score_j).
 * A feature that is zero in every sample gets NaN (0 / 0), as in scikit-learn. SelectKBest
 * ranks NaN lowest and, among equal scores, prefers the later column (its stable argsort).
 */
import type { FeatureMatrix } from './feature-matrix.js';

/** Min-max scaled copy of the values (row-major), each column to [0, 1]; constant columns to 0. */
export function minMaxScaled(matrix: FeatureMatrix): Float64Array {
  const width = matrix.columns.length;
  const out = new Float64Array(matrix.values.length);
  for (let c = 0; c < width; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < matrix.rows; r++) {
      const v = matrix.values[r * width + c]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo === 0 ? 1 : hi - lo;
    for (let r = 0; r < matrix.rows; r++) out[r * width + c] = (matrix.values[r * width + c]! - lo) / range;
  }
  return out;
}

/** scikit-learn's chi2 of the row-major `x` (rows x width, non-negative) against `labels`. */
export function chi2(x: Float64Array, rows: number, width: number, labels: ArrayLike<number | string>): { scores: Float64Array; pValues: Float64Array } {
  if (labels.length !== rows) throw new Error(`chi2: ${labels.length} labels for ${rows} rows`);
  for (let i = 0; i < x.length; i++) if (x[i]! < 0) throw new Error('chi2: input features must be non-negative');
  const classes = [...new Set(Array.from(labels))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  const observed = new Float64Array(k * width);
  const classCount = new Float64Array(k);
  const featureSum = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    const c = classOf.get(labels[r]!)!;
    classCount[c]!++;
    for (let j = 0; j < width; j++) {
      const v = x[r * width + j]!;
      observed[c * width + j] += v;
      featureSum[j] += v;
    }
  }
  const scores = new Float64Array(width);
  const pValues = new Float64Array(width);
  const dof = k - 1;
  for (let j = 0; j < width; j++) {
    let score = 0;
    for (let c = 0; c < k; c++) {
      const expected = (classCount[c]! / rows) * featureSum[j]!;
      const diff = observed[c * width + j]! - expected;
      score += (diff * diff) / expected;
    }
    scores[j] = score;
    pValues[j] = dof > 0 ? chiSquareSurvival(score, dof) : Number.NaN;
  }
  return { scores, pValues };
}

/**
 * Keeps the `k` features with the highest chi2 scores on min-max-scaled values (k >= number
 * of columns keeps all). Returns the selected matrix (columns in their original order), the
 * selected names, and every column's score and p-value.
 */
export function selectKBest(
  matrix: FeatureMatrix,
  labels: ArrayLike<number | string>,
  k: number,
): { matrix: FeatureMatrix; selected: string[]; scores: Float64Array; pValues: Float64Array } {
  if (!Number.isInteger(k) || k < 0) throw new Error(`selectKBest: k must be an integer >= 0, got ${k}`);
  const width = matrix.columns.length;
  const { scores, pValues } = chi2(minMaxScaled(matrix), matrix.rows, width, labels);
  let indices: number[];
  if (k >= width) indices = Array.from({ length: width }, (_, j) => j);
  else {
    const clean = Array.from(scores, (s) => (Number.isNaN(s) ? -Number.MAX_VALUE : s));
    const order = Array.from({ length: width }, (_, j) => j).sort((a, b) => clean[a]! - clean[b]! || a - b);
    indices = order.slice(width - k).sort((a, b) => a - b);
  }
  const selected = matrix.selectColumns(indices);
  return { matrix: selected, selected: [...selected.columns], scores, pValues };
}

/** P(X > x) for X chi-square with `dof` degrees of freedom: the regularized upper gamma Q(dof/2, x/2). */
export function chiSquareSurvival(x: number, dof: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return upperGammaRegularized(dof / 2, x / 2);
}

function upperGammaRegularized(a: number, x: number): number {
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // series for P(a, x)
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // continued fraction for Q(a, x) (modified Lentz)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** ln Gamma(z) for z > 0 (Lanczos, g = 7, n = 9). */
function logGamma(z: number): number {
  const g = 7;
  const coef = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
  z -= 1;
  let sum = coef[0]!;
  for (let i = 1; i < g + 2; i++) sum += coef[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
