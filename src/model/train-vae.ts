/**
 * The training loop, as Keras' `fit(x, validation_split, shuffle=True)` runs it:
 *
 * - validation: the last rows, from row floor(n * (1 - validationSplit)) on, taken before any
 *   shuffling (Keras' rule);
 * - every epoch the training rows are shuffled (seeded), cut into batches of `batchSize` (the
 *   last one smaller), and each batch takes one Adam step on the loss of `vae-step.ts`;
 * - the reported `loss` is the mean of the batch losses weighted by batch size, `valLoss` the
 *   same over the validation rows (latent noise sampled, as Keras does at validation).
 *
 * Training is repeatable: the shuffles draw from deriveSeed(seed, 'shuffle') and the noise from
 * deriveSeed(seed, 'noise'). The steps run on the WebAssembly kernels of `vae-engine.ts`
 * (parameters copied in at the start and back into `weights` at the end) unless the native
 * tfjs-node backend is active, which runs the tfjs ops of `vae-step.ts`; both compute the same
 * math and draw the same noise, not bit-identical numbers. Training can stop early on a
 * validation plateau (when configured), and be cancelled through an AbortSignal or by
 * `onEpochEnd` returning `false`; between epochs it yields to the event loop so progress
 * displays update and cancellations arrive.
 */
import * as tf from '@tensorflow/tfjs';
import { Random, deriveSeed } from '../util/random.js';
import { Adam } from './adam.js';
import { activeBackend } from './backend.js';
import { batchTensors, noiseTensor } from './batches.js';
import type { NumericMatrix } from './matrix.js';
import type { VaeConfig } from './vae-config.js';
import { VaeEngine } from './vae-engine.js';
import { forwardPass, lossAndGradients, vaeLoss } from './vae-step.js';
import type { VaeWeights } from './vae-weights.js';

/** What one epoch reports. */
export interface EpochLog {
  /** 1-based epoch number. */
  readonly epoch: number;
  readonly loss: number;
  /** Null when there is no validation split. */
  readonly valLoss: number | null;
  /** Wall time of the epoch, milliseconds. */
  readonly milliseconds: number;
}

/** Why training ended. */
export type StopReason = 'completed' | 'early-stopping' | 'cancelled';

/** The outcome of a training run. */
export interface TrainingHistory {
  readonly epochs: EpochLog[];
  readonly stopReason: StopReason;
  /** The epoch whose weights the model holds at the end when early stopping restored them. */
  readonly restoredEpoch: number | null;
  /** Rows used for training and for validation. */
  readonly trainRows: number;
  readonly validationRows: number;
}

/** Hooks into training. */
export interface TrainingHooks {
  /** Called after every epoch; return `false` to stop (reported as cancelled). */
  readonly onEpochEnd?: (log: EpochLog) => void | boolean | Promise<void | boolean>;
  /** Cancels training between batches. */
  readonly signal?: AbortSignal;
}

/** Keras' validation split: the index where validation rows begin. Throws if either part is empty. */
export function validationStart(rows: number, validationSplit: number): number {
  if (validationSplit === 0) return rows;
  const start = Math.floor(rows * (1 - validationSplit));
  if (start === 0 || start === rows) {
    throw new Error(
      `VAE: validationSplit ${validationSplit} of ${rows} rows leaves an empty ${start === 0 ? 'training' : 'validation'} set ` +
        `(give more rows or set validationSplit to 0)`,
    );
  }
  return start;
}

/** Trains `weights` in place on the rows of `data` (already scaled) for `config.epochs` epochs. */
export async function trainVae(
  weights: VaeWeights,
  data: NumericMatrix,
  config: VaeConfig,
  hooks: TrainingHooks = {},
): Promise<TrainingHistory> {
  if (data.cols !== config.inputDim) {
    throw new Error(`VAE: training data has ${data.cols} columns, the model expects ${config.inputDim}`);
  }
  if (data.rows === 0) throw new Error('VAE: no training rows');
  const start = validationStart(data.rows, config.validationSplit);
  const trainRows = start;
  const validationRows = data.rows - start;
  const order = Array.from({ length: trainRows }, (_, i) => i);
  const validationOrder = Array.from({ length: validationRows }, (_, i) => start + i);
  const shuffleRng = new Random(deriveSeed(config.seed, 'shuffle'));
  const noiseRng = new Random(deriveSeed(config.seed, 'noise'));
  const engine = useEngine()
    ? new VaeEngine(weights.dims, Math.min(config.batchSize, Math.max(trainRows, validationRows)), weights.toArrays(), config)
    : null;
  const adam = engine ? null : new Adam(weights.variables.map((v) => v.size), config);
  const variables = weights.variables as tf.Variable[];
  const stopping = config.earlyStopping;
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: Float32Array[] | null = null;
  const epochs: EpochLog[] = [];
  let stopReason: StopReason = 'completed';

  try {
    epochLoop: for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const began = performance.now();
      if (config.shuffle) shuffleRng.shuffle(order);
      let lossSum = 0;
      for (let from = 0; from < trainRows; from += config.batchSize) {
        if (hooks.signal?.aborted) {
          stopReason = 'cancelled';
          break epochLoop;
        }
        const to = Math.min(from + config.batchSize, trainRows);
        if (engine) {
          lossSum += engine.trainStep(data, order, from, to, noiseRng) * (to - from);
          continue;
        }
        const { x, xT } = batchTensors(data, order, from, to);
        const epsT = noiseTensor(noiseRng, config.latentDim, to - from);
        const { loss, gradients } = lossAndGradients(weights, x, xT, epsT);
        lossSum += loss.dataSync()[0]! * (to - from);
        adam!.apply(variables, gradients);
        tf.dispose([x, xT, epsT, loss, ...gradients]);
      }
      const valLoss = validationRows > 0 ? meanLoss(engine ?? weights, data, validationOrder, config, noiseRng) : null;
      const log: EpochLog = { epoch, loss: lossSum / trainRows, valLoss, milliseconds: performance.now() - began };
      epochs.push(log);
      if (!Number.isFinite(log.loss)) {
        throw new Error(`VAE: the training loss became ${log.loss} at epoch ${epoch} (are the features scaled to [0, 1]?)`);
      }
      if ((await hooks.onEpochEnd?.(log)) === false) {
        stopReason = 'cancelled';
        break;
      }
      if (stopping) {
        const monitored = valLoss ?? log.loss;
        if (monitored < best - (stopping.minDelta ?? 0)) {
          best = monitored;
          bestEpoch = epoch;
          if (stopping.restoreBestWeights ?? true) bestWeights = engine ? engine.parameters() : weights.toArrays();
        } else if (epoch - bestEpoch >= stopping.patience) {
          stopReason = 'early-stopping';
          break;
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    adam?.dispose();
    if (engine) weights.assign(engine.parameters());
  }
  let restoredEpoch: number | null = null;
  if (stopReason === 'early-stopping' && bestWeights) {
    weights.assign(bestWeights);
    restoredEpoch = bestEpoch;
  }
  return { epochs, stopReason, restoredEpoch, trainRows, validationRows };
}

/** Whether training runs on `VaeEngine`: WebAssembly SIMD is there and the native backend is not active. */
function useEngine(): boolean {
  return activeBackend() !== 'tensorflow' && VaeEngine.supported();
}

/** Batch-size-weighted mean loss over `rows` of `data`, in batches of `config.batchSize`. */
function meanLoss(model: VaeWeights | VaeEngine, data: NumericMatrix, rows: number[], config: VaeConfig, rng: Random): number {
  let sum = 0;
  for (let from = 0; from < rows.length; from += config.batchSize) {
    const to = Math.min(from + config.batchSize, rows.length);
    if (model instanceof VaeEngine) {
      sum += model.loss(data, rows, from, to, rng) * (to - from);
      continue;
    }
    const weights = model;
    const { x, xT } = batchTensors(data, rows, from, to);
    const epsT = noiseTensor(rng, config.latentDim, to - from);
    const loss = tf.tidy(() => vaeLoss(xT, forwardPass(weights, xT, epsT)));
    sum += loss.dataSync()[0]! * (to - from);
    tf.dispose([x, xT, epsT, loss]);
  }
  return sum / rows.length;
}
