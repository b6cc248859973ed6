/**
 * The anomaly threshold over training reconstruction errors (spec section 6): by default the
 * 99th percentile; also any percentile, the maximum, or a fixed value. A sample is predicted
 * anomalous when its error is strictly greater than the threshold.
 */

/** How to set the threshold. */
export type ThresholdRule =
  | { readonly kind: 'percentile'; readonly percentile: number }
  | { readonly kind: 'max' }
  | { readonly kind: 'value'; readonly value: number };

/** The paper's rule: the 99th percentile of the training errors. */
export const DEFAULT_THRESHOLD_RULE: ThresholdRule = { kind: 'percentile', percentile: 99 };

/**
 * numpy.percentile(values, q) with the default 'linear' method: sort, take the position
 * (n - 1) q / 100, interpolate linearly between its two neighbours. q in [0, 100].
 */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) throw new Error('percentile: no values');
  if (!(q >= 0 && q <= 100)) throw new Error(`percentile: q must be in [0, 100], got ${q}`);
  const sorted = Float64Array.from(values).sort();
  if (Number.isNaN(sorted[sorted.length - 1]!)) throw new Error('percentile: values contain NaN');
  const position = ((sorted.length - 1) * q) / 100;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const lo = sorted[below]!;
  const hi = sorted[above]!;
  // numpy's _lerp: a + (b - a) t, evaluated from the nearer end for t >= 0.5.
  return fraction >= 0.5 ? hi - (hi - lo) * (1 - fraction) : lo + (hi - lo) * fraction;
}

/** The threshold over training errors by `rule` (default: 99th percentile). */
export function computeThreshold(trainingErrors: ArrayLike<number>, rule: ThresholdRule = DEFAULT_THRESHOLD_RULE): number {
  switch (rule.kind) {
    case 'percentile':
      return percentile(trainingErrors, rule.percentile);
    case 'max':
      if (trainingErrors.length === 0) throw new Error('threshold: no training errors');
      return percentile(trainingErrors, 100);
    case 'value':
      if (!Number.isFinite(rule.value)) throw new Error(`threshold: the given value ${rule.value} is not finite`);
      return rule.value;
  }
}

/** 1 (anomalous) where error > threshold, else 0. */
export function predictLabels(errors: ArrayLike<number>, threshold: number): Uint8Array {
  const out = new Uint8Array(errors.length);
  for (let i = 0; i < errors.length; i++) out[i] = errors[i]! > threshold ? 1 : 0;
  return out;
}
