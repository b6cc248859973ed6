/**
 * Shannon entropy (natural log) of a discrete distribution given as counts, summed the way
 * tsfresh's numpy expression `-np.sum(p * np.log(p))` sums it.
 */
import { KernelBuffer, kernels } from '../../util/wasm-kernels.js';

const terms = new KernelBuffer();

/**
 * `-sum_k p_k ln p_k` with `p_k = counts[start + k] / total` over k < length, in that
 * order and with numpy's pairwise summation (the terms are written into kernel memory and
 * summed there, kernels/stats-pairwise-sum.ts); empty cells contribute 0 (tsfresh sets their
 * probability to 1 before taking the log). A zero entropy is +0 (numpy's negation gives -0.0).
 */
export function shannonEntropy(counts: ArrayLike<number>, length: number, total: number, start = 0): number {
  const pointer = terms.pointer(length);
  const memory = kernels().f64;
  const at = pointer / 8;
  for (let k = 0; k < length; k++) {
    const c = counts[start + k]!;
    const p = c / total;
    memory[at + k] = c === 0 ? 0 : p * Math.log(p);
  }
  return 0 - kernels().fn.statsPairwiseSum(pointer, length);
}

/** The memory the counts view below is over, and the view. */
let countsBuffer: ArrayBufferLike | null = null;
let countsView = new Int32Array(0);

/** {@link shannonEntropy} of the `length` int32 counts at kernel pointer `counts`. */
export function shannonEntropyOfKernelCounts(counts: number, length: number, total: number): number {
  terms.pointer(length); // any growth of the memory before the view is taken
  const memory = kernels().f64.buffer;
  if (countsBuffer !== memory) {
    countsBuffer = memory;
    countsView = new Int32Array(memory);
  }
  return shannonEntropy(countsView, length, total, counts / 4);
}
