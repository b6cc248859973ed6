/**
 * Shannon entropy (natural log) of a discrete distribution given as counts, summed the way
 * tsfresh's numpy expression `-np.sum(p * np.log(p))` sums it.
 */
import { pairwiseSum } from './pairwise-sum.js';

let terms = new Float64Array(64);

/**
 * `-sum_k p_k ln p_k` with `p_k = counts[k] / total` over `counts[0..length)`, in that
 * order and with numpy's pairwise summation; empty cells contribute 0 (tsfresh sets their
 * probability to 1 before taking the log). A zero entropy is +0 (numpy's negation gives -0.0).
 */
export function shannonEntropy(counts: ArrayLike<number>, length: number, total: number): number {
  if (terms.length < length) terms = new Float64Array(Math.max(length, 2 * terms.length));
  for (let k = 0; k < length; k++) {
    const c = counts[k]!;
    const p = c / total;
    terms[k] = c === 0 ? 0 : p * Math.log(p);
  }
  return 0 - pairwiseSum(terms, 0, length);
}
