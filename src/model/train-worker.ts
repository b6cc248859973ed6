/**
 * Training in a worker thread, so that several trainings (the Figure 6 grid: configurations x
 * repeats) run in parallel, one per core. tfjs-wasm cannot use threads inside one training in
 * Node, so parallel independent trainings are how this library uses more than one core.
 *
 * Workers are kept for the next training once their job ends (up to one per core, idle ones
 * never hold the process open), so a grid of many short trainings pays a worker's start-up
 * (thread, module loading, tfjs backend) once per core rather than once per training;
 * `closeIdleWorkers` ends them early.
 *
 * The worker module is found beside this one: `vae-worker.js` from `dist/`, or `vae-worker.ts`
 * through tsx when running from source (tests, notebooks on the source tree).
 */
import { availableParallelism } from 'node:os';
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
  /** The worker thread's id (workers are reused: consecutive trainings may share one). */
  readonly threadId: number;
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
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./vae-worker.js', import.meta.url));
  const entry = new URL('./vae-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true });
}

/** A started worker and the backend preference it was started with (a worker keeps its first backend). */
interface PooledWorker {
  readonly worker: Worker;
  readonly backendKey: string;
}

/** Idle workers, ready for the next job. */
const idle: PooledWorker[] = [];

/** An idle worker started with the same backend preference, or a new one. The worker holds the process open until released. */
function acquireWorker(backendKey: string): PooledWorker {
  const at = idle.findIndex((w) => w.backendKey === backendKey);
  const pooled = at >= 0 ? idle.splice(at, 1)[0]! : { worker: startWorker(), backendKey };
  pooled.worker.ref();
  return pooled;
}

/** Keeps a worker whose job ended normally for the next one (up to one per core), else ends it. */
function releaseWorker(pooled: PooledWorker): void {
  if (idle.length < availableParallelism()) {
    pooled.worker.unref();
    idle.push(pooled);
  } else {
    void pooled.worker.terminate();
  }
}

/** Ends the idle training workers (they are otherwise kept for later trainings; they never keep the process alive). */
export async function closeIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.worker.terminate()));
}

/**
 * Trains a fresh VAE (`Vae.create(cols, options)` then `fit(data)`) in a new worker thread
 * and resolves with its weights and history. Same seed, same backend: same numbers as on the
 * main thread.
 */
export function trainInWorker(data: MatrixInput, options: VaeOptions = {}, hooks: WorkerTrainingOptions = {}): Promise<WorkerTrainingResult> {
  const matrix = toMatrix(data, 'training data');
  assertFinite(matrix, 'training data');
  const backend = hooks.backend ?? null;
  const pooled = acquireWorker(JSON.stringify(backend));
  const { worker } = pooled;
  return new Promise<WorkerTrainingResult>((resolve, reject) => {
    let settled = false;
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    const onMessage = (message: { type: string } & Record<string, unknown>) => {
      if (message.type === 'epoch') hooks.onEpochEnd?.(message.log as EpochLog);
      else if (message.type === 'done') finish(true, () => resolve(message as unknown as WorkerTrainingResult));
      else if (message.type === 'error') finish(true, () => reject(new Error(`VAE training in a worker failed: ${message.message}`)));
    };
    const onError = (err: Error) => finish(false, () => reject(err));
    const onExit = (code: number) => finish(false, () => reject(new Error(`VAE training worker exited with code ${code} before finishing`)));
    /** Settles once; a worker that answered normally goes back to the pool, a failed one is gone. */
    const finish = (reusable: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable) releaseWorker(pooled);
      else void worker.terminate();
      fn();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ type: 'train', rows: matrix.rows, cols: matrix.cols, values: matrix.values, options, backend });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (hooks.signal?.aborted) onAbort();
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
