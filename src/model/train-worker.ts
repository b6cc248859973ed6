/**
 * Training in a worker thread, so that several trainings (the Figure 6 grid: configurations x
 * repeats) run in parallel, one per core. tfjs-wasm cannot use threads inside one training in
 * Node, so parallel independent trainings are how this library uses more than one core.
 *
 * The worker module is found beside this one: `vae-worker.js` from `dist/`, or `vae-worker.ts`
 * through tsx when running from source (tests, notebooks on the source tree).
 */
import { Worker } from 'node:worker_threads';
import type { BackendName } from './backend.js';
import { assertFinite, toMatrix, type MatrixInput } from './matrix.js';
import type { EpochLog, TrainingHistory } from './train-vae.js';
import type { VaeConfig, VaeOptions } from './vae-config.js';
import { Vae } from './vae.js';

/** What a worker training returns: enough to rebuild the model with `Vae.fromArrays`. */
export interface WorkerTrainingResult {
  readonly config: VaeConfig;
  /** Parameter values in `PARAMETER_NAMES` order. */
  readonly weights: Float32Array[];
  readonly history: TrainingHistory;
  /** The worker's backend description, e.g. "wasm (SIMD, 1 thread)". */
  readonly backend: string;
}

/** Options of `trainInWorker`. */
export interface WorkerTrainingOptions {
  /** Called (on this thread) after each epoch of the worker. */
  readonly onEpochEnd?: (log: EpochLog) => void;
  /** Cancels the training (the result then holds the weights reached so far). */
  readonly signal?: AbortSignal;
  /** Backends the worker may use, in order (default: the same choice as `useBestBackend`). */
  readonly backend?: readonly BackendName[];
}

/**
 * The worker: the compiled `vae-worker.js` beside this file, or, when running from source, a
 * small bootstrap that registers tsx in the worker thread (loader hooks from the parent's
 * `--import tsx` do not reach workers) and then imports `vae-worker.ts`.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./vae-worker.js', import.meta.url), { workerData });
  const entry = new URL('./vae-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Trains a fresh VAE (`Vae.create(cols, options)` then `fit(data)`) in a new worker thread
 * and resolves with its weights and history. Same seed, same backend: same numbers as on the
 * main thread.
 */
export function trainInWorker(data: MatrixInput, options: VaeOptions = {}, hooks: WorkerTrainingOptions = {}): Promise<WorkerTrainingResult> {
  const matrix = toMatrix(data, 'training data');
  assertFinite(matrix, 'training data');
  const worker = startWorker({ rows: matrix.rows, cols: matrix.cols, values: matrix.values, options, backend: hooks.backend ?? null });
  return new Promise<WorkerTrainingResult>((resolve, reject) => {
    let settled = false;
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (hooks.signal?.aborted) onAbort();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    worker.on('message', (message: { type: string } & Record<string, unknown>) => {
      if (message.type === 'epoch') hooks.onEpochEnd?.(message.log as EpochLog);
      else if (message.type === 'done') finish(() => resolve(message as unknown as WorkerTrainingResult));
      else if (message.type === 'error') finish(() => reject(new Error(`VAE training in a worker failed: ${message.message}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`VAE training worker exited with code ${code} before finishing`))));
  });
}

/** `trainInWorker`, then the model rebuilt on this thread. */
export async function fitVaeInWorker(
  data: MatrixInput,
  options: VaeOptions = {},
  hooks: WorkerTrainingOptions = {},
): Promise<{ vae: Vae; history: TrainingHistory }> {
  const result = await trainInWorker(data, options, hooks);
  return { vae: Vae.fromArrays(result.config, result.weights), history: result.history };
}
