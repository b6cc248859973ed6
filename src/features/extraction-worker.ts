/**
 * The worker side of parallel extraction (see parallel.ts). Started with `workerData` holding
 * the settings; compiles the plan once, then for each `run` message claims chunks of series
 * from the shared atomic counter and computes them straight into the shared output, until no
 * chunk is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compilePlan, type ExtractionPlan } from './plan.js';
import { computeSeriesRange, type ExtractionData } from './series-range.js';
import { decodeWorkerSettings, type WorkerSettings } from './worker-settings.js';

/** What the main thread hands a worker when starting it. */
export interface WorkerInit {
  readonly settings: WorkerSettings;
  readonly missing: 'error' | 'skip';
}

/**
 * One extraction: chunk c covers series `[c * chunkSize, min(total, (c + 1) * chunkSize))`.
 * `control` (shared): `[0]` the next chunk to claim (atomic add), `[1]` series done, `[2 + c]`
 * set to 1 once chunk c is in `data.out`.
 */
export interface WorkerRun {
  readonly type: 'run';
  readonly data: ExtractionData;
  readonly width: number;
  readonly control: Int32Array;
  readonly chunkSize: number;
  readonly total: number;
}

/**
 * What a worker answers: `progress` after each chunk, `idle` when a run has no chunk left for
 * it, `error` when a chunk failed (the worker stops claiming in that run; the main thread
 * recomputes the chunk and reports it), `fatal` when it cannot work at all.
 */
export type WorkerMessage =
  | { type: 'progress' }
  | { type: 'idle' }
  | { type: 'error'; message: string }
  | { type: 'fatal'; message: string };

/** Claims and computes chunks of `run` until none is left; throws the first calculator error. */
function work(plan: ExtractionPlan, run: WorkerRun, post: (msg: WorkerMessage) => void): void {
  if (plan.width !== run.width) throw new Error(`worker compiled ${plan.width} columns, main thread ${run.width}`);
  const { control, chunkSize, total } = run;
  const chunks = Math.ceil(total / chunkSize);
  for (let c = Atomics.add(control, 0, 1); c < chunks; c = Atomics.add(control, 0, 1)) {
    const from = c * chunkSize;
    const to = Math.min(total, from + chunkSize);
    computeSeriesRange(plan, run.data, from, to);
    Atomics.store(control, 2 + c, 1);
    Atomics.add(control, 1, to - from);
    post({ type: 'progress' });
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (msg: WorkerMessage): void => port.postMessage(msg);
  const init = workerData as WorkerInit;
  try {
    const plan = compilePlan(decodeWorkerSettings(init.settings), { missing: init.missing });
    port.on('message', (run: WorkerRun) => {
      try {
        work(plan, run, post);
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
      post({ type: 'idle' });
    });
  } catch (err) {
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  }
}
