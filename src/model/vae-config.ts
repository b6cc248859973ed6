/**
 * The VAE's hyperparameters, each defaulting to the value of the Prodigy paper's code
 * (spec section 5).
 */

/** Early stopping on a validation-loss plateau (off unless given). */
export interface EarlyStopping {
  /** Epochs without an improvement of at least `minDelta` before training stops. */
  readonly patience: number;
  /** The smallest decrease of `val_loss` that counts as an improvement (default 0). */
  readonly minDelta?: number;
  /** Put back the weights of the best epoch when stopping (default true). */
  readonly restoreBestWeights?: boolean;
}

/** Hyperparameters of the VAE and its training; every field has the paper's value as default. */
export interface VaeOptions {
  /** Width of the hidden layers; default floor(inputDim / 2). */
  readonly intermediateDim?: number;
  /** Width of the latent code; default floor(inputDim / 3). */
  readonly latentDim?: number;
  /** Adam's step size; default 1e-4. */
  readonly learningRate?: number;
  /** Adam's first-moment decay; default 0.9 (Keras). */
  readonly beta1?: number;
  /** Adam's second-moment decay; default 0.999 (Keras). */
  readonly beta2?: number;
  /** Adam's epsilon; default 1e-7 (Keras). */
  readonly epsilon?: number;
  /** Samples per gradient step; default 32. */
  readonly batchSize?: number;
  /** Passes over the training samples; default 1000. */
  readonly epochs?: number;
  /** Share of samples held out for validation, taken from the END before shuffling (Keras); default 0.1. */
  readonly validationSplit?: number;
  /** Shuffle the training samples before every epoch; default true. */
  readonly shuffle?: boolean;
  /** Seed of the weight initialisation, the shuffles and the latent noise; default 0. */
  readonly seed?: number;
  /** Stop when the validation loss stops improving; default off (the paper trains all epochs). */
  readonly earlyStopping?: EarlyStopping | null;
}

/** `VaeOptions` with every default filled in, for a given input width. */
export interface VaeConfig {
  readonly inputDim: number;
  readonly intermediateDim: number;
  readonly latentDim: number;
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly validationSplit: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly earlyStopping: EarlyStopping | null;
}

/** Fills the paper's defaults into `options` for `inputDim` features, validating every value. */
export function resolveVaeConfig(inputDim: number, options: VaeOptions = {}): VaeConfig {
  positiveInteger('inputDim', inputDim);
  const config: VaeConfig = {
    inputDim,
    intermediateDim: options.intermediateDim ?? Math.floor(inputDim / 2),
    latentDim: options.latentDim ?? Math.floor(inputDim / 3),
    learningRate: options.learningRate ?? 1e-4,
    beta1: options.beta1 ?? 0.9,
    beta2: options.beta2 ?? 0.999,
    epsilon: options.epsilon ?? 1e-7,
    batchSize: options.batchSize ?? 32,
    epochs: options.epochs ?? 1000,
    validationSplit: options.validationSplit ?? 0.1,
    shuffle: options.shuffle ?? true,
    seed: options.seed ?? 0,
    earlyStopping: options.earlyStopping ?? null,
  };
  if (config.intermediateDim < 1 || config.latentDim < 1) {
    throw new Error(
      `VAE: input width ${inputDim} is too small: intermediate ${config.intermediateDim} and latent ` +
        `${config.latentDim} must be at least 1 (need 3 or more features, or set them explicitly)`,
    );
  }
  positiveInteger('intermediateDim', config.intermediateDim);
  positiveInteger('latentDim', config.latentDim);
  positiveInteger('batchSize', config.batchSize);
  nonNegativeInteger('epochs', config.epochs);
  positive('learningRate', config.learningRate);
  positive('epsilon', config.epsilon);
  inOpenUnit('beta1', config.beta1);
  inOpenUnit('beta2', config.beta2);
  if (!(config.validationSplit >= 0 && config.validationSplit < 1)) {
    throw new Error(`VAE: validationSplit must be in [0, 1), got ${config.validationSplit}`);
  }
  if (!Number.isFinite(config.seed)) throw new Error(`VAE: seed must be a finite number, got ${config.seed}`);
  const stop = config.earlyStopping;
  if (stop) {
    positiveInteger('earlyStopping.patience', stop.patience);
    if (stop.minDelta !== undefined && !(stop.minDelta >= 0)) {
      throw new Error(`VAE: earlyStopping.minDelta must be >= 0, got ${stop.minDelta}`);
    }
  }
  return config;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`VAE: ${name} must be a positive integer, got ${value}`);
}
function nonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`VAE: ${name} must be a non-negative integer, got ${value}`);
}
function positive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`VAE: ${name} must be a positive number, got ${value}`);
}
function inOpenUnit(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new Error(`VAE: ${name} must be in (0, 1), got ${value}`);
}
