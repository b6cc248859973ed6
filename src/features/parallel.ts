/**
 * Runs an extraction over all cores: the series are cut into chunks; the main thread computes
 * chunks itself and, when the work is large enough, hands chunks to worker threads that write
 * into the same shared output.
 *
 * With `workers: 'auto'` the main thread times its first chunk and starts workers (one per
 * extra core) only when the rest would take longer than `AUTO_WORKER_THRESHOLD_MS`, so small
 * inputs never pay the start-up of a worker. A worker is plain JavaScript evaluated from a
 * string that imports `extraction-worker` beside this module: `.ts` when this module runs
 * from source (under tsx, whose loader the worker inherits through `execArgv`), `.js` from
 * dist/. A worker that cannot start or dies gives its chunk back to the main thread, so the
 * result never depends on workers being available.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionPlan } from './plan.js';
import { computeSeriesRange, type ExtractionData } from './series-range.js';
import type { WorkerInit } from './extraction-worker.js';

/** Projected remaining in-thread time above which `'auto'` starts workers. */
export const AUTO_WORKER_THRESHOLD_MS = 120;

export interface ParallelOptions {
  /** `'auto'` (default): workers for large inputs only; a number: exactly that many workers (0: none). */
  workers?: 'auto' | number;
  /** Called after each chunk with the series done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Names a feature row in error messages. */
  describeRow?: (row: number) => string;
  /**
   * Leave all computing to the workers while any is alive (the main thread only hands out
   * chunks, so its event loop stays free, e.g. for a notebook's progress display).
   */
  workersOnly?: boolean;
  /** The settings in published JSON form and the missing-calculator policy, for workers to compile the same plan. */
  settingsJson: string;
  missing: 'error' | 'skip';
}

/** How the work was done. */
export interface ParallelReport {
  /** Worker threads that computed at least one chunk. */
  workersUsed: number;
  /** Errors of workers that failed (their chunks were recomputed in the main thread). */
  workerFailures: string[];
}

/** The module URL a worker imports: the `.ts` sibling under tsx, the `.js` one from dist/. */
export function workerModuleUrl(): string {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./extraction-worker${ext}`, here).href;
}

/**
 * The worker's JavaScript: import the worker module (after registering tsx's loader in the
 * worker when running from source: a loader registered by `--import tsx` in the main thread
 * does not reach an eval'd worker), or report why it could not.
 */
function bootstrapSource(url: string): string {
  let loader = '';
  if (url.endsWith('.ts')) {
    try {
      loader = import.meta.resolve('tsx/esm/api');
    } catch {
      loader = '';
    }
  }
  const load = loader
    ? `import(${JSON.stringify(loader)}).then((api) => { api.register(); return import(${JSON.stringify(url)}); })`
    : `import(${JSON.stringify(url)})`;
  return (
    `${load}.catch((err) => {` +
    `require('node:worker_threads').parentPort.postMessage({ type: 'error', message: 'cannot load ' + ${JSON.stringify(url)} + ': ' + (err && err.message ? err.message : String(err)) });` +
    `});`
  );
}

interface WorkerSlot {
  worker: Worker;
  chunk: number;
  completed: number;
  dead: boolean;
}

/** Computes every series of `plan` over `data` into `data.out`. */
export async function runExtraction(plan: ExtractionPlan, data: ExtractionData, options: ParallelOptions): Promise<ParallelReport> {
  const rows = data.rowStart.length;
  const total = rows * plan.kinds.length;
  const report: ParallelReport = { workersUsed: 0, workerFailures: [] };
  if (total === 0) return report;
  const cores = Math.max(1, availableParallelism());
  const requested = options.workers ?? 'auto';
  const chunkSize = Math.max(1, Math.ceil(total / (16 * cores)));
  const chunks = Math.ceil(total / chunkSize);
  const rangeOf = (c: number): [number, number] => [c * chunkSize, Math.min(total, (c + 1) * chunkSize)];
  const queue: number[] = []; // chunks given back by failed workers
  let next = 0;
  let done = 0;
  const finish = (c: number): void => {
    const [from, to] = rangeOf(c);
    done += to - from;
    options.onProgress?.(done, total);
  };
  const computeHere = (c: number): void => {
    const [from, to] = rangeOf(c);
    computeSeriesRange(plan, data, from, to, options.describeRow);
    finish(c);
  };

  let workerCount = typeof requested === 'number' ? Math.max(0, Math.floor(requested)) : 0;
  if (requested === 'auto') {
    const started = performance.now();
    computeHere(next++);
    const projected = (performance.now() - started) * (chunks - next);
    if (projected > AUTO_WORKER_THRESHOLD_MS && cores > 1) workerCount = cores - 1;
  }
  if (workerCount === 0 || next >= chunks) {
    while (next < chunks) computeHere(next++);
    return report;
  }

  const slots: WorkerSlot[] = [];
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const outstanding = (): number => slots.filter((s) => !s.dead && s.chunk >= 0).length;
  const takeChunk = (): number => (queue.length ? queue.shift()! : next < chunks ? next++ : -1);
  let stopped = false;
  const assign = (slot: WorkerSlot): void => {
    const c = stopped ? -1 : takeChunk();
    slot.chunk = c;
    if (c >= 0) {
      const [from, to] = rangeOf(c);
      slot.worker.postMessage({ from, to });
    }
    notify();
  };
  const retire = (slot: WorkerSlot, message: string): void => {
    if (slot.dead) return;
    slot.dead = true;
    report.workerFailures.push(message);
    if (slot.chunk >= 0) queue.push(slot.chunk);
    slot.chunk = -1;
    void slot.worker.terminate();
    notify();
  };
  const init: WorkerInit = { settingsJson: options.settingsJson, missing: options.missing, data, width: plan.width };
  const source = bootstrapSource(workerModuleUrl());
  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(source, { eval: true, workerData: init });
    const slot: WorkerSlot = { worker, chunk: -1, completed: 0, dead: false };
    slots.push(slot);
    worker.on('message', (msg: { type: string; message?: string }) => {
      if (msg.type === 'ready') assign(slot);
      else if (msg.type === 'done') {
        slot.completed++;
        finish(slot.chunk);
        assign(slot);
      } else if (msg.type === 'error') {
        // A calculator error is real: the chunk is recomputed here, which reports it with context.
        retire(slot, msg.message ?? 'worker error');
      }
    });
    worker.on('error', (err) => retire(slot, err.message));
    worker.on('exit', (code) => retire(slot, `worker exited with code ${code}`));
  }
  try {
    for (;;) {
      const remaining = next < chunks || queue.length > 0;
      if (!remaining && outstanding() === 0) break;
      const mainComputes = !options.workersOnly || slots.every((s) => s.dead);
      if (remaining && mainComputes) {
        computeHere(takeChunk());
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopped = true;
    for (const slot of slots) {
      slot.worker.removeAllListeners('exit');
      if (!slot.dead) void slot.worker.terminate();
    }
  }
  report.workersUsed = slots.filter((s) => s.completed > 0).length;
  return report;
}
