/**
 * Runs an extraction over all cores. The series are cut into many small chunks that every
 * thread — this one and the workers — claims from one shared atomic counter, so no thread
 * ever waits for another to hand it work (a worker never idles while this thread computes),
 * and a slow thread simply claims fewer chunks. Each thread marks the chunks it finished in a
 * shared array; whatever a failed or dead worker left unfinished is recomputed here at the
 * end, so the result never depends on workers being available (and a calculator error is
 * reported from this thread, with its row and column).
 *
 * Workers live in an {@link ExtractionWorkers} pool. With `workers: 'auto'` the pool is started
 * at once when the estimated work is large (see {@link estimateExtractionMs}), else after this
 * thread has timed its first chunk and only if the rest would take longer than
 * `AUTO_WORKER_THRESHOLD_MS`, so small inputs never pay a worker's start-up. A caller that
 * knows early that the work will be large (the CLI, before it reads the input file) can start
 * the pool itself and pass it in: the workers then load and compile while it reads.
 *
 * The calculators are split between the threads (work-groups.ts): each work unit is a chunk of
 * series with the calculators of one group, and each thread claims the units of its own group
 * first, so that it compiles only that group's code unless it runs out of work; even then it
 * leaves the last units of a group to that group's own thread once that one is at work
 * (work-groups.ts's stealReserve: a cold unit costs more than a warm one). The pool itself
 * lives in worker-pool.ts.
 */
import type { KindToFcParameters } from './kind-to-fc-parameters.js';
import type { ExtractionPlan } from './plan.js';
import { computeSeriesRange, type ExtractionData } from './series-range.js';
import { groupSteps, singleGroup, stealReserve, stepNames } from './work-groups.js';
import { allWarm, noteSeriesRun } from './warm-calculators.js';
import { AUTO_WORKER_THRESHOLD_MS, defaultWorkerCount, estimateExtractionMs, ExtractionWorkers, type RunListener } from './worker-pool.js';
import type { WorkerRun } from './extraction-worker.js';
import { mark, timelineEnabled } from './timeline.js';

export interface ParallelOptions {
  /** `'auto'` (default): workers for large inputs only; a number: exactly that many workers (0: none). */
  workers?: 'auto' | number;
  /** A started pool to use instead of starting one (it is left running for the caller to close). */
  pool?: ExtractionWorkers;
  /** Called as series complete with the series done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Names a feature row in error messages. */
  describeRow?: (row: number) => string;
  /**
   * Leave all computing to the workers while any is alive (this thread only waits, so its
   * event loop stays free, e.g. for a notebook's progress display).
   */
  workersOnly?: boolean;
  /** The settings and missing-calculator policy, for workers to compile the same plan. */
  settings: KindToFcParameters;
  missing: 'error' | 'skip';
}

/** How the work was done. */
export interface ParallelReport {
  /** Worker threads that computed at least one chunk. */
  workersUsed: number;
  /** Errors of workers that failed (their chunks were recomputed in this thread). */
  workerFailures: string[];
}

/** Computes every series of `plan` over `data` into `data.out`. */
export async function runExtraction(plan: ExtractionPlan, data: ExtractionData, options: ParallelOptions): Promise<ParallelReport> {
  const rows = data.rowStart.length;
  const nKinds = plan.kinds.length;
  const total = rows * nKinds;
  const report: ParallelReport = { workersUsed: 0, workerFailures: [] };
  if (total === 0) return report;
  const requested = options.workers ?? 'auto';
  const maxWorkers = options.pool ? options.pool.alive : requested === 'auto' ? defaultWorkerCount() : Math.max(0, Math.floor(requested));
  let pool = options.pool ?? null;
  const ownPool = pool === null;
  let decided = pool !== null || maxWorkers === 0 || requested !== 'auto';
  if (!pool && maxWorkers > 0) {
    let start = requested !== 'auto';
    if (!start) {
      let points = 0;
      for (let r = 0; r < rows; r++) points += data.rowEnd[r]! - data.rowStart[r]!;
      start = estimateExtractionMs(points, plan.width) > AUTO_WORKER_THRESHOLD_MS;
      decided = start;
    }
    if (start) pool = ExtractionWorkers.start(maxWorkers, options.settings, options.missing);
  }
  // Work unit (chunk c, group g): series [c * chunkSize, ...) with the calculators of group g
  // (work-groups.ts); each thread claims chunks of its own group first, then of the others.
  const groups = pool ? pool.groups : singleGroup();
  const G = groups.count;
  const stepsOf = groupSteps(plan, groups);
  const groupPlanSteps = Array.from({ length: G }, (_, g) => (G > 1 ? stepsOf.map((byGroup) => byGroup[g]!) : undefined));
  const groupNames = groupPlanSteps.map((steps) => stepNames(steps ?? plan.kinds.map((k) => k.steps)));
  // Many small chunks: claiming one is one atomic add, and the last ones even out the threads.
  const chunkSize = Math.max(1, Math.ceil(total / (64 * (maxWorkers + 1))));
  const chunks = Math.ceil(total / chunkSize);
  // control[g]: next chunk of group g to claim; control[G]: series done, counted once per
  // group; control[G + 1 + g * chunks + c]: unit (c, g) done; control[G + 1 + G * chunks + g]:
  // 1 once group g's own thread is claiming its units (work-groups.ts: ownerFlag).
  const control = new Int32Array(new SharedArrayBuffer((1 + G + G * chunks + G) * 4));
  const ownerAtWork = G + 1 + G * chunks;
  const progress = (): void => options.onProgress?.(Math.floor(Atomics.load(control, G) / G), total);
  const computeHere = (c: number, g: number): void => {
    const from = c * chunkSize;
    const to = Math.min(total, from + chunkSize);
    computeSeriesRange(plan, data, from, to, options.describeRow, groupPlanSteps[g]);
    noteSeriesRun(groupNames[g]!, to - from);
    Atomics.store(control, G + 1 + g * chunks + c, 1);
    Atomics.add(control, G, to - from);
    progress();
  };

  if (!decided) {
    // The first chunk runs cold (the calculators are not compiled yet): time the second. A
    // pool started now splits no work (the first chunks were computed whole).
    computeHere(Atomics.add(control, 0, 1), 0);
    let start = false;
    if (chunks > 1) {
      const started = performance.now();
      computeHere(Atomics.add(control, 0, 1), 0);
      start = (performance.now() - started) * (chunks - 2) > AUTO_WORKER_THRESHOLD_MS;
    }
    if (start) pool = ExtractionWorkers.start(maxWorkers, options.settings, options.missing, 0, false);
  }

  try {
    if (pool && pool.alive > 0) {
      const run: Omit<WorkerRun, 'id'> = { type: 'run', data, width: plan.width, control, chunkSize, total, groups: G };
      const listener: RunListener = { progress, failure: (message) => report.workerFailures.push(message) };
      report.workersUsed = await pool.drive(run, listener, async () => {
        // With workersOnly this thread leaves the chunks to the workers (if they all die, the
        // sweep below computes what is left).
        if (options.workersOnly) return;
        mark('compute start');
        Atomics.store(control, ownerAtWork, 1);
        let units = 0;
        let ownMs = 0;
        for (let g = 0; g < G; g++) {
          const reserve = g > 0 ? stealReserve(units > 0 ? ownMs / units : 0) : 0;
          for (;;) {
            // another group's last units are left to its worker once that is at work, unless
            // this thread has its calculators compiled already (a dead worker's: the sweep below)
            if (g > 0 && Atomics.load(control, ownerAtWork + g) === 1 && chunks - Atomics.load(control, g) <= reserve && !allWarm(groupNames[g]!)) break;
            const c = Atomics.add(control, g, 1);
            if (c >= chunks) break;
            const started = performance.now();
            computeHere(c, g);
            units++;
            if (g === 0) ownMs += performance.now() - started;
            else if (timelineEnabled()) mark(`took unit ${c} of group ${g}: ${(performance.now() - started).toFixed(1)} ms`);
            // Let worker messages (progress, failures) through between chunks.
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        }
        mark(`compute end (${units} units)`);
      }, () => Atomics.load(control, G) === total * G);
    } else {
      for (let g = 0; g < G; g++) for (let c = Atomics.add(control, g, 1); c < chunks; c = Atomics.add(control, g, 1)) computeHere(c, g);
    }
    mark('all units done');
    // Whatever a failed or dead worker left unfinished (a calculator error throws here, with context).
    for (let g = 0; g < G; g++) for (let c = 0; c < chunks; c++) if (Atomics.load(control, G + 1 + g * chunks + c) === 0) computeHere(c, g);
  } finally {
    if (pool && ownPool) await pool.close();
  }
  return report;
}
