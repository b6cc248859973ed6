/**
 * `query_similarity_count` (tsfresh 0.20.3): the number of subsequences of x whose distance to
 * the query subsequence Q (length m >= 3) is at most `threshold`; z-normalised Euclidean
 * distance by default (`normalize: true`, stumpy's `mass`), plain Euclidean otherwise
 * (`mass_absolute`). Without a query (tsfresh's default grid `{query: None, threshold: 0.0}`),
 * or with fewer than 3 query points, the value is NaN, as in tsfresh.
 *
 * z-normalised distance of Q and the window W (means mu, population stds sigma):
 *   d = sqrt(max(0, 2m (1 - (sum Q W - m muQ muW) / (m sigmaQ sigmaW))))
 * with stumpy's conventions for flat sequences: both flat -> 0, exactly one flat -> sqrt(m).
 * The count is O(n m); the query is short in practice.
 */
import { requireParams, type Calculator } from '../calculator.js';
import { formatParamSet, num, type ParamSet } from '../params.js';

function countMatches(x: Float64Array, params: ParamSet): number {
  const rawQuery = params.query;
  if (rawQuery === null || rawQuery === undefined || !Array.isArray(rawQuery) || rawQuery.length < 3) return Number.NaN;
  const q = Float64Array.from(rawQuery as readonly unknown[], (v) => num(v as number));
  const m = q.length;
  const n = x.length;
  if (n < m) return Number.NaN;
  const threshold = params.threshold === undefined ? 0 : num(params.threshold);
  const normalize = params.normalize === undefined ? true : Boolean(params.normalize);
  let qMean = 0;
  for (let i = 0; i < m; i++) qMean += q[i]!;
  qMean /= m;
  let qVar = 0;
  for (let i = 0; i < m; i++) qVar += (q[i]! - qMean) ** 2;
  const qStd = Math.sqrt(qVar / m);
  let count = 0;
  for (let start = 0; start + m <= n; start++) {
    let d: number;
    if (normalize) {
      let wMean = 0;
      for (let i = 0; i < m; i++) wMean += x[start + i]!;
      wMean /= m;
      let wVar = 0;
      let dot = 0;
      for (let i = 0; i < m; i++) {
        const w = x[start + i]! - wMean;
        wVar += w * w;
        dot += (q[i]! - qMean) * w;
      }
      const wStd = Math.sqrt(wVar / m);
      const qFlat = qStd === 0;
      const wFlat = wStd === 0;
      if (qFlat && wFlat) d = 0;
      else if (qFlat || wFlat) d = Math.sqrt(m);
      else d = Math.sqrt(Math.max(0, 2 * m * (1 - dot / (m * qStd * wStd))));
    } else {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += (q[i]! - x[start + i]!) ** 2;
      d = Math.sqrt(sum);
    }
    if (d <= threshold) count++;
  }
  return count;
}

export const querySimilarityCount: Calculator = {
  name: 'query_similarity_count',
  outputs: (params) => requireParams('query_similarity_count', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('query_similarity_count', params);
    for (let i = 0; i < list.length; i++) out[offset + i] = countMatches(ctx.x, list[i]!);
  },
};
