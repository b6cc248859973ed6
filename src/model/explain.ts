/**
 * Explanations: why a sample got its reconstruction error.
 *
 * A sample's error is e = (1/d) sum_j c_j with c_j = |x_j - x_hat_j| over its d scaled
 * features. The explanation ranks
 *
 *   - features by c_j, each with its share c_j / sum_k c_k of the error;
 *   - metrics by C_m = sum of c_j over the features j of metric m (the `METRIC::SAMPLER` kind
 *     before the first `__` of a tsfresh feature name), with share C_m / sum_k c_k.
 *
 * Summing (not averaging) a metric's features keeps the shares a decomposition of the error:
 * the metric shares add up to 1, and a metric with more features in the model can explain more
 * of the error because it does make up more of it.
 *
 * The noise: x_hat comes from forward passes with z sampled. With `draws` = 1 (default) and the
 * seed of the scoring, x_hat is exactly the reconstruction behind the reported error, so
 * e = mean_j c_j holds to rounding and the explanation decomposes the verdict itself. With
 * `draws` = K > 1, c_j is the mean over K passes (the first with `seed`, the others with
 * deriveSeed(seed, 'explain', k)) — steadier rankings, at the price of no longer matching the
 * single-pass error exactly. Ties rank in column order.
 */
import { splitFeatureName } from '../features/feature-names.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { deriveSeed } from '../util/random.js';
import { absoluteErrors } from './errors.js';
import type { NumericMatrix } from './matrix.js';
import { alignAndScale, type ScoringModel } from './pipeline.js';

/** One feature's part of a sample's error. */
export interface FeatureContribution {
  /** The feature column name. */
  readonly name: string;
  /** Its metric (`MemFree::meminfo`). */
  readonly metric: string;
  /** |x - x_hat| of the feature (scaled units). */
  readonly contribution: number;
  /** contribution / the sample's summed contributions, in [0, 1]. */
  readonly share: number;
}

/** One metric's part of a sample's error: the sum over its features. */
export interface MetricContribution {
  /** The metric (`MemFree::meminfo`). */
  readonly name: string;
  /** Sum of |x - x_hat| over the metric's features. */
  readonly contribution: number;
  /** contribution / the sample's summed contributions, in [0, 1]. */
  readonly share: number;
  /** Number of the model's features that belong to the metric. */
  readonly features: number;
}

/** The explanation of one sample. */
export interface Explanation {
  /** mean_j c_j: the reconstruction error the contributions decompose. */
  readonly error: number;
  /** The top features, largest contribution first. */
  readonly features: readonly FeatureContribution[];
  /** The top metrics, largest contribution first. */
  readonly metrics: readonly MetricContribution[];
}

/** How much of the ranking to keep. */
export interface ExplainOptions {
  /** Features kept per sample (default 10; Infinity for all). */
  readonly topFeatures?: number;
  /** Metrics kept per sample (default 5; Infinity for all). */
  readonly topMetrics?: number;
}

/** Options of `explainMatrix`. */
export interface ExplainMatrixOptions extends ExplainOptions {
  /** Seed of the first pass's latent noise (default: the model's seed, as `scoreMatrix`). */
  readonly seed?: number;
  /** Forward passes averaged (default 1: the exact decomposition of the scored error). */
  readonly draws?: number;
}

/**
 * The metric of a feature column: the kind before its first `__` (tsfresh's naming), or the
 * whole name when it is not a tsfresh feature name.
 */
export function metricOfFeature(name: string): string {
  try {
    return splitFeatureName(name).kind;
  } catch {
    return name;
  }
}

/**
 * Explanations from per-feature contributions `contributions` ([samples, features], e.g.
 * |x - x_hat|, non-negative) whose columns are named `columns`. Pure: no model involved.
 */
export function explainContributions(contributions: NumericMatrix, columns: readonly string[], options: ExplainOptions = {}): Explanation[] {
  const d = contributions.cols;
  if (columns.length !== d) throw new Error(`explain: ${columns.length} column names for ${d} columns`);
  const topFeatures = checkTop('topFeatures', options.topFeatures ?? 10);
  const topMetrics = checkTop('topMetrics', options.topMetrics ?? 5);
  const featureMetric = columns.map(metricOfFeature);
  const metricNames: string[] = [];
  const metricIndex = new Map<string, number>();
  const groupOf = featureMetric.map((metric) => {
    let g = metricIndex.get(metric);
    if (g === undefined) {
      g = metricNames.length;
      metricIndex.set(metric, g);
      metricNames.push(metric);
    }
    return g;
  });
  const groupSize = new Int32Array(metricNames.length);
  for (const g of groupOf) groupSize[g]!++;

  const out: Explanation[] = [];
  for (let r = 0; r < contributions.rows; r++) {
    const base = r * d;
    let total = 0;
    const byMetric = new Float64Array(metricNames.length);
    for (let j = 0; j < d; j++) {
      const c = contributions.values[base + j]!;
      if (!(c >= 0)) throw new Error(`explain: contribution of "${columns[j]}" in row ${r} is ${c} (must be a number >= 0)`);
      total += c;
      byMetric[groupOf[j]!]! += c;
    }
    const share = (c: number) => (total > 0 ? c / total : 0);
    const featureOrder = topIndices(d, (j) => contributions.values[base + j]!, topFeatures);
    const metricOrder = topIndices(metricNames.length, (g) => byMetric[g]!, topMetrics);
    out.push({
      error: d > 0 ? total / d : NaN,
      features: featureOrder.map((j) => {
        const c = contributions.values[base + j]!;
        return { name: columns[j]!, metric: featureMetric[j]!, contribution: c, share: share(c) };
      }),
      metrics: metricOrder.map((g) => ({ name: metricNames[g]!, contribution: byMetric[g]!, share: share(byMetric[g]!), features: groupSize[g]! })),
    });
  }
  return out;
}

/**
 * Explanations of the rows of `matrix` under `model`: columns aligned to `columns` (normally
 * `model.columns`) and scaled exactly as `scoreMatrix` does, then |x - x_hat| averaged over
 * `draws` forward passes (see the file comment) and ranked by `explainContributions`.
 */
export function explainMatrix(
  model: ScoringModel,
  columns: readonly string[],
  matrix: FeatureMatrix,
  options: ExplainMatrixOptions = {},
): Explanation[] {
  const draws = options.draws ?? 1;
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`explain: draws must be a positive integer, got ${draws}`);
  const seed = options.seed ?? model.seed;
  const scaled = { rows: matrix.rows, cols: columns.length, values: alignAndScale(model, columns, matrix) };
  const sum = absoluteErrors(model.vae, scaled, seed);
  const acc = sum.values as Float64Array;
  for (let k = 1; k < draws; k++) {
    const next = absoluteErrors(model.vae, scaled, deriveSeed(seed, 'explain', k)).values;
    for (let i = 0; i < acc.length; i++) acc[i]! += next[i]!;
  }
  if (draws > 1) for (let i = 0; i < acc.length; i++) acc[i]! /= draws;
  return explainContributions(sum, columns, options);
}

/** `metric=share` pairs of the top metrics joined by `;` (shares to 3 decimals), for a CSV cell. */
export function formatTopMetrics(explanation: Explanation, top = 3): string {
  return explanation.metrics
    .slice(0, top)
    .map((m) => `${m.name}=${m.share.toFixed(3)}`)
    .join(';');
}

function checkTop(name: string, value: number): number {
  if (!(value === Infinity || (Number.isInteger(value) && value >= 0))) {
    throw new Error(`explain: ${name} must be a whole number >= 0 or Infinity, got ${value}`);
  }
  return value;
}

/** The indices 0..n-1 of the `top` largest values, largest first, ties in index order. */
function topIndices(n: number, value: (i: number) => number, top: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => value(b) - value(a) || a - b);
  return top < n ? order.slice(0, top) : order;
}
