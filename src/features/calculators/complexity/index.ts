/**
 * The complexity family of feature calculators: entropies and compression-based complexity
 * of a series (tsfresh's `sample_entropy`, `approximate_entropy`, `permutation_entropy`,
 * `lempel_ziv_complexity`, `binned_entropy`).
 */
import type { Calculator } from '../../calculator.js';
import { approximateEntropyCalculator } from './approximate-entropy.js';
import { binnedEntropyCalculator } from './binned-entropy.js';
import { lempelZivComplexityCalculator } from './lempel-ziv-complexity.js';
import { permutationEntropyCalculator } from './permutation-entropy.js';
import { sampleEntropyCalculator } from './sample-entropy.js';

export { approximateEntropy } from './approximate-entropy.js';
export { binnedEntropy } from '../../numeric/binned-entropy.js';
export { countPhrases, lempelZivComplexity } from './lempel-ziv-complexity.js';
export { permutationEntropy } from './permutation-entropy.js';
export { sampleEntropy } from './sample-entropy.js';

export const complexityCalculators: readonly Calculator[] = [
  sampleEntropyCalculator,
  approximateEntropyCalculator,
  permutationEntropyCalculator,
  lempelZivComplexityCalculator,
  binnedEntropyCalculator,
];
