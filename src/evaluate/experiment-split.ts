/**
 * The train/test split of the Figure 6 experiment (spec section 7): per configuration a share
 * of the healthy samples is held out for test, the rest trains the model; every anomalous
 * sample is tested. Samples are whole (job_id, component_id) rows, never parts of one.
 */
import { Random } from '../util/random.js';

/**
 * The healthy test share of each expConfig, indexed by the config number 0..5: with the
 * published 80 healthy samples this leaves 64, 48, 32, 16, 8 and 4 for training.
 */
export const EXPERIMENT_TEST_SHARES: readonly number[] = Object.freeze([0.2, 0.4, 0.6, 0.8, 0.9, 0.95]);

/** Every expConfig number, 0..5. */
export const EXPERIMENT_CONFIGS: readonly number[] = Object.freeze(EXPERIMENT_TEST_SHARES.map((_, c) => c));

/** The healthy test share of expConfig `config`; throws naming the valid numbers. */
export function testShareOf(config: number): number {
  const share = EXPERIMENT_TEST_SHARES[config];
  if (!Number.isInteger(config) || share === undefined) {
    throw new Error(`expConfig must be one of ${EXPERIMENT_CONFIGS.join(', ')}, got ${config}`);
  }
  return share;
}

/**
 * How many of `n` healthy samples go to test: scikit-learn's `train_test_split` rule
 * n_test = ceil(share * n), with the product rounded to 9 decimals first so that binary
 * floating point cannot push an exact product over an integer (0.55 * 100 is 55.00000000000001
 * in doubles: scikit-learn would hold out 56, we hold out 55). For the six shares of 80
 * samples both give 16, 32, 48, 64, 72, 76.
 * Throws when the split leaves the training or the test side empty.
 */
export function healthyTestCount(n: number, share: number): number {
  if (!(share > 0 && share < 1)) throw new Error(`the healthy test share must be in (0, 1), got ${share}`);
  const nTest = Math.ceil(Math.round(share * n * 1e9) / 1e9);
  if (nTest < 1 || n - nTest < 1) {
    throw new Error(
      `a test share of ${share} of ${n} healthy samples leaves ${n - nTest} for training and ${nTest} for test ` +
        '(both need at least 1; choose configs with a smaller test share, or use more healthy samples)',
    );
  }
  return nTest;
}

/** One split: positions into the healthy list given to `splitHealthy`. */
export interface HealthySplit {
  /** The training samples, in the seeded permutation's order (the order the model sees them). */
  readonly train: number[];
  /** The held-out healthy samples, ascending. */
  readonly test: number[];
}

/**
 * Splits `n` healthy samples for a test share with the seed of one repeat: a seeded
 * Fisher-Yates permutation of 0..n-1, the first n - n_test positions train and the rest
 * test. The permutation depends on (n, seed) only, so for one repeat the training sets of
 * the configurations are nested (the 4 samples of expConfig 5 are among the 8 of expConfig 4,
 * ..., among the 64 of expConfig 0): a smaller training set is a subset of a larger one,
 * which makes the curve over configurations a cleaner comparison. Training samples keep the
 * permutation order, so the VAE's validation rows (the last 10%, Keras' rule) are a random
 * choice, as they were after scikit-learn's shuffled split.
 */
export function splitHealthy(n: number, share: number, seed: number): HealthySplit {
  const nTest = healthyTestCount(n, share);
  const order = new Random(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  return {
    train: order.slice(0, n - nTest),
    test: order.slice(n - nTest).sort((a, b) => a - b),
  };
}
