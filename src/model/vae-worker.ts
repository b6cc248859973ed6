/**
 * Worker-thread entry of `trainInWorker`: trains one VAE on its own tfjs backend (one wasm
 * instance per thread) and posts epoch logs and the final weights back. Not a public module.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useBestBackend, type BackendName } from './backend.js';
import type { VaeOptions } from './vae-config.js';
import { Vae } from './vae.js';

interface Job {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array | Float64Array;
  readonly options: VaeOptions;
  readonly backend: readonly BackendName[] | null;
}

const port = parentPort!;
const job = workerData as Job;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

try {
  const backend = await useBestBackend(job.backend ?? undefined);
  const vae = Vae.create(job.cols, job.options);
  const history = await vae.fit(
    { rows: job.rows, cols: job.cols, values: job.values },
    { signal: controller.signal, onEpochEnd: (log) => port.postMessage({ type: 'epoch', log }) },
  );
  const weights = vae.weights.toArrays();
  port.postMessage({ type: 'done', config: vae.config, weights, history, backend: backend.description }, weights.map((w) => w.buffer));
  vae.dispose();
} catch (err) {
  port.postMessage({ type: 'error', message: (err as Error).message });
} finally {
  port.close();
}
