/**
 * The worker side of parallel extraction. Started by parallel.ts with `workerData` holding the
 * settings (published JSON form) and the shared arrays; compiles the same plan, then computes
 * each series range the main thread posts (`{from, to}`) and answers `{type: 'done'}`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KindToFcParameters } from './kind-to-fc-parameters.js';
import { compilePlan } from './plan.js';
import { computeSeriesRange, type ExtractionData } from './series-range.js';

/** What the main thread hands a worker. */
export interface WorkerInit {
  readonly settingsJson: string;
  readonly missing: 'error' | 'skip';
  readonly data: ExtractionData;
  readonly width: number;
}

if (parentPort) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  try {
    const plan = compilePlan(KindToFcParameters.parse(init.settingsJson, 'worker settings'), { missing: init.missing });
    if (plan.width !== init.width) throw new Error(`worker compiled ${plan.width} columns, main thread ${init.width}`);
    port.on('message', (msg: { from: number; to: number }) => {
      try {
        computeSeriesRange(plan, init.data, msg.from, msg.to);
        port.postMessage({ type: 'done' });
      } catch (err) {
        port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    });
    port.postMessage({ type: 'ready' });
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
