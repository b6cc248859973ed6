/**
 * The Figure 6 grid runner: every (expConfig, repeat) cell, `concurrency` at a time. With more
 * than one at a time each cell trains in its own worker thread (tfjs-wasm trains on one core,
 * so independent trainings are how the grid uses several cores); with one, cells train on
 * this thread and no worker is started. Progress for the whole grid goes to one callback.
 */
import type { FittedModel } from '../model/pipeline.js';
import { runCell, type CellOptions, type CellResult, type CellSpec } from './experiment-cell.js';
import type { ExperimentData } from './experiment-data.js';
import { healthyTestCount, testShareOf } from './experiment-split.js';

/** The state of the whole grid, as the progress callback sees it. */
export interface GridProgress {
  /** Cells finished and in total. */
  readonly done: number;
  readonly total: number;
  /** Cells training now, with the epoch each has reached. */
  readonly running: readonly (CellSpec & { readonly epoch: number })[];
  /** Share of the estimated work done, 0..1 (cells weighted by their training-set size, epochs counted). */
  readonly fraction: number;
  readonly elapsedSeconds: number;
  /** Estimated seconds left (null until some work is done). With early stopping it is an upper bound. */
  readonly etaSeconds: number | null;
  /** The cell that just finished, when this report is for a finished cell. */
  readonly finished?: CellResult;
}

/** Options of `runGrid`. */
export interface GridOptions extends Omit<CellOptions, 'inWorker' | 'onEpochEnd'> {
  /** expConfigs to run (default all six). */
  readonly configs: readonly number[];
  /** Repeats per config. */
  readonly repeats: number;
  /** Cells at a time (default 1); above 1 each cell trains in a worker thread. */
  readonly concurrency?: number;
  /** Progress: at most every `progressIntervalMs` while training, and after each finished cell. */
  readonly onProgress?: (progress: GridProgress) => void;
  /** Milliseconds between progress reports while training (default 250). */
  readonly progressIntervalMs?: number;
}

/** What the grid produced. */
export interface GridOutcome {
  /** Finished cells, in grid order (repeat-major: every config of repeat 0, then repeat 1, ...). */
  readonly results: CellResult[];
  /** The model of the last cell in grid order (the original saved each model over the last), or null if it did not finish. */
  readonly lastModel: FittedModel | null;
  /** True when the signal stopped the grid (unfinished cells are left out). */
  readonly cancelled: boolean;
  readonly seconds: number;
}

/**
 * The cells of a grid in run order: repeat-major (all configs of repeat 0, then of repeat 1,
 * ...), so a grid stopped early still has whole curves. Configs are checked.
 */
export function gridCells(configs: readonly number[], repeats: number): CellSpec[] {
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`repeats must be a positive integer, got ${repeats}`);
  if (configs.length === 0) throw new Error('no expConfig to run');
  const seen = new Set<number>();
  for (const c of configs) {
    testShareOf(c);
    if (seen.has(c)) throw new Error(`expConfig ${c} is listed twice`);
    seen.add(c);
  }
  const cells: CellSpec[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) for (const config of configs) cells.push({ config, repeat });
  return cells;
}

/**
 * Relative cost of a cell, for progress and ETA: an epoch costs about (training rows + 8)
 * units (per-row work plus the per-step Adam update, which does not shrink with the batch).
 */
function cellWeight(data: ExperimentData, spec: CellSpec): number {
  const n = data.healthyRows.length;
  return n - healthyTestCount(n, testShareOf(spec.config)) + 8;
}

/**
 * Runs the cells of `configs` x `repeats` on `data` and returns their results in grid order.
 * A failing cell stops the grid (running cells are cancelled) and the error names the cell.
 */
export async function runGrid(data: ExperimentData, options: GridOptions): Promise<GridOutcome> {
  const cells = gridCells(options.configs, options.repeats);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, cells.length));
  const inWorker = concurrency > 1;
  const epochs = options.vae?.epochs ?? 1000;
  const weights = cells.map((cell) => cellWeight(data, cell));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const interval = options.progressIntervalMs ?? 250;
  const started = performance.now();
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) stop.abort();

  const results: (CellResult | undefined)[] = new Array(cells.length);
  const epochReached = new Map<number, number>();
  let doneWeight = 0;
  let done = 0;
  let lastReport = 0;
  let lastModel: FittedModel | null = null;
  let failure: unknown = null;

  const report = (finished?: CellResult) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!finished && now - lastReport < interval) return;
    lastReport = now;
    let partial = 0;
    for (const [index, epoch] of epochReached) partial += (weights[index]! * Math.min(epoch, epochs)) / Math.max(1, epochs);
    const fraction = Math.min(1, (doneWeight + partial) / totalWeight);
    const elapsedSeconds = (now - started) / 1000;
    options.onProgress({
      done,
      total: cells.length,
      running: [...epochReached].map(([index, epoch]) => ({ ...cells[index]!, epoch })),
      fraction,
      elapsedSeconds,
      etaSeconds: fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : null,
      ...(finished ? { finished } : {}),
    });
  };

  let next = 0;
  const slot = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const index = next++;
      if (index >= cells.length) return;
      const spec = cells[index]!;
      epochReached.set(index, 0);
      try {
        const { result, model } = await runCell(data, spec, {
          seed: options.seed,
          vae: options.vae,
          threshold: options.threshold,
          inWorker,
          signal: stop.signal,
          onEpochEnd: (log) => {
            epochReached.set(index, log.epoch);
            report();
          },
        });
        epochReached.delete(index);
        if (result.stopReason === 'cancelled') {
          model.vae.dispose();
          continue;
        }
        results[index] = result;
        if (index === cells.length - 1) lastModel = model;
        else model.vae.dispose();
        done++;
        doneWeight += weights[index]!;
        report(result);
      } catch (err) {
        epochReached.delete(index);
        if (!failure) failure = new Error(`expConfig ${spec.config}, repeat ${spec.repeat}: ${(err as Error).message}`, { cause: err });
        stop.abort();
        return;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, slot));
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (failure) {
    (lastModel as FittedModel | null)?.vae.dispose();
    throw failure;
  }
  return {
    results: results.filter((r): r is CellResult => r !== undefined),
    lastModel,
    cancelled: stop.signal.aborted,
    seconds: (performance.now() - started) / 1000,
  };
}
