/**
 * tsfresh `sample_entropy(x)` (Richman & Moorman 2000, with tsfresh's template counts).
 *
 * With m = 2 and tolerance r = 0.2 * std(x) (population std), let
 *
 *     B = #{(i, j), i != j : max(|x_i - x_j|, |x_i+1 - x_j+1|) <= r},  i, j in [0, n - 2]
 *     A = #{(i, j), i != j : max_{k<3} |x_i+k - x_j+k| <= r},          i, j in [0, n - 3]
 *
 * (ordered pairs, all n - 1 templates of length 2 as tsfresh forms them), and
 *
 *     sample_entropy = -ln(A / B)
 *
 * No parameters. Edge cases follow tsfresh exactly: NaN when B = 0 (0/0, e.g. n <= 2), +inf
 * when A = 0 < B (e.g. n = 3), NaN when x contains NaN. A constant series has r = 0 and every
 * pair matching, giving ln((n - 1)(n - 2) / ((n - 2)(n - 3))) = ln((n - 1) / (n - 3)).
 * tsfresh computes this in O(n^2); the counts here come from `countTemplateMatches`.
 */
import { scalarCalculator, type SeriesContext } from '../../calculator.js';
import { seriesArgsort } from './argsort.js';
import { allFinite, seriesStd } from './numpy-reductions.js';
import { countTemplateMatches } from './template-matching.js';

const M = 2;
const TOLERANCE_FACTOR = 0.2;

/** Sample entropy of the series in `ctx` (see the file comment). */
export function sampleEntropy(ctx: SeriesContext): number {
  const x = ctx.x;
  if (!allFinite(x)) return Number.NaN;
  const tolerance = TOLERANCE_FACTOR * seriesStd(ctx);
  const { countsM, countsM1 } = countTemplateMatches(x, M, [tolerance], seriesArgsort(ctx))[0]!;
  let b = 0;
  for (let i = 0; i < countsM.length; i++) b += countsM[i]!;
  let a = 0;
  for (let i = 0; i < countsM1.length; i++) a += countsM1[i]!;
  return -Math.log(a / b);
}

export const sampleEntropyCalculator = scalarCalculator('sample_entropy', (_x, ctx) => sampleEntropy(ctx));
