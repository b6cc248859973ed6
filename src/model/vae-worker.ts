/**
 * Worker-thread entry of `trainInWorker`: trains VAEs on this thread's own tfjs backend (one
 * wasm instance per thread), one job at a time, for as long as the parent keeps the worker:
 * a `train` message starts a job (epoch logs and then the final weights or an error are posted
 * back), `cancel` stops the running one. Not a public module.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { useBestBackend, type BackendName } from './backend.js';
import type { VaeOptions } from './vae-config.js';
import { Vae } from './vae.js';

/** A training job as `trainInWorker` posts it. */
interface Job {
  readonly type: 'train';
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array | Float64Array;
  readonly options: VaeOptions;
  readonly backend: readonly BackendName[] | null;
}

const port = parentPort!;
let running: AbortController | null = null;

async function train(job: Job): Promise<void> {
  running = new AbortController();
  try {
    const backend = await useBestBackend(job.backend ?? undefined);
    const vae = Vae.create(job.cols, job.options);
    try {
      const history = await vae.fit(
        { rows: job.rows, cols: job.cols, values: job.values },
        { signal: running.signal, onEpochEnd: (log) => port.postMessage({ type: 'epoch', log }) },
      );
      const weights = vae.weights.toArrays();
      port.postMessage({ type: 'done', config: vae.config, weights, history, backend: backend.description, threadId }, weights.map((w) => w.buffer));
    } finally {
      vae.dispose();
    }
  } catch (err) {
    port.postMessage({ type: 'error', message: (err as Error).message });
  } finally {
    running = null;
  }
}

port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') running?.abort();
  else if (message.type === 'train') void train(message as Job);
});
