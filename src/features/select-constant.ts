/**
 * Unsupervised feature selection: drop constant and near-constant columns, scikit-learn's
 * `VarianceThreshold` semantics (a column is dropped when its population variance is at most
 * `threshold`; the default 0 drops exactly the constant columns). NaN values are ignored; a
 * column with no finite value counts as constant.
 */
import type { FeatureMatrix } from './feature-matrix.js';

/** Population variance of every column (NaNs ignored; NaN when a column has no value). */
export function columnVariances(matrix: FeatureMatrix): Float64Array {
  const width = matrix.columns.length;
  const variances = new Float64Array(width);
  for (let c = 0; c < width; c++) {
    // two passes for accuracy on large-valued columns (gauges around 1e8)
    let n = 0;
    let sum = 0;
    for (let r = 0; r < matrix.rows; r++) {
      const v = matrix.values[r * width + c]!;
      if (!Number.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n === 0) {
      variances[c] = Number.NaN;
      continue;
    }
    const mean = sum / n;
    let ss = 0;
    for (let r = 0; r < matrix.rows; r++) {
      const v = matrix.values[r * width + c]!;
      if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
    }
    variances[c] = ss / n;
  }
  return variances;
}

/** Drops columns whose variance is at most `threshold` (default 0: the constant ones); returns the dropped names. */
export function dropConstantColumns(matrix: FeatureMatrix, threshold = 0): { matrix: FeatureMatrix; dropped: string[] } {
  if (!(threshold >= 0)) throw new Error(`variance threshold must be >= 0, got ${threshold}`);
  const variances = columnVariances(matrix);
  const keep: number[] = [];
  const dropped: string[] = [];
  variances.forEach((v, c) => {
    if (Number.isNaN(v) || v <= threshold) dropped.push(matrix.columns[c]!);
    else keep.push(c);
  });
  return { matrix: dropped.length ? matrix.selectColumns(keep) : matrix, dropped };
}
