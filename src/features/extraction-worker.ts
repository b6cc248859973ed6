/**
 * The worker side of parallel extraction (see parallel.ts). Started with `workerData` holding
 * the settings; compiles the plan once, then for each `run` message claims chunks of series
 * from the shared atomic counter and computes them straight into the shared output, until no
 * chunk is left.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { Random } from '../util/random.js';
import { compilePlan, computeKind, type ExtractionPlan, type PlanStep } from './plan.js';
import { computeSeriesRange, type ExtractionData } from './series-range.js';
import { formatValueRowBytes } from './feature-csv.js';
import { decodeWorkerSettings, type WorkerSettings } from './worker-settings.js';
import { groupSteps, stealReserve, stepNames, type WorkGroups } from './work-groups.js';
import { allWarm, noteSeriesRun } from './warm-calculators.js';
import { mark, setTimelineOrigin, timelineEnabled } from './timeline.js';

/** What the main thread hands a worker when starting it. */
export interface WorkerInit {
  readonly settings: WorkerSettings;
  readonly missing: 'error' | 'skip';
  /**
   * Milliseconds to spend, before the first run arrives, computing the plan on synthetic series
   * (seeded random walks) so that the calculators are compiled by then: a cold thread spends
   * ~0.5 s of its first 100 series in the interpreter and the JIT. 0: no warm-up.
   */
  readonly warmUpMs: number;
  /** How the calculators are split between the threads, and the group this worker computes first. */
  readonly groups: WorkGroups;
  readonly group: number;
  /** The main thread's timeline origin (timeline.ts), so that both threads' marks share one clock. */
  readonly timelineOrigin: number;
}

/**
 * Asks a worker to format rows `[from, to)` of a row-major matrix as CSV value fields into the
 * shared `bytes` and `lengths` (feature-csv.ts's formatValueRowBytes).
 */
export interface WorkerFormat {
  readonly type: 'format';
  readonly values: Float64Array;
  readonly width: number;
  readonly from: number;
  readonly to: number;
  readonly bytes: Uint8Array;
  readonly lengths: Int32Array;
}

/** Length of the synthetic warm-up series (a typical sample length). */
const WARM_UP_LENGTH = 600;

/**
 * Runs the plan on synthetic series until `ms` have passed, a message is waiting (returned,
 * taken off the port) or 200 series are done.
 */
function warmUp(plan: ExtractionPlan, steps: readonly (readonly PlanStep[])[], names: readonly string[], port: MessagePort, ms: number): unknown {
  const started = performance.now();
  const rng = new Random(20230517);
  const walk = new Float64Array(WARM_UP_LENGTH);
  const timestamps = Float64Array.from({ length: WARM_UP_LENGTH }, (_, i) => 1_600_000_000 + i);
  const out = new Float64Array(plan.width);
  mark('warm-up start');
  let i = 0;
  for (; i < 200 && performance.now() - started < ms; i++) {
    const waiting = receiveMessageOnPort(port);
    if (waiting) {
      mark(`warm-up end: ${i} series, work arrived`);
      noteSeriesRun(names, i);
      return waiting.message;
    }
    let v = 0;
    for (let t = 0; t < WARM_UP_LENGTH; t++) walk[t] = v += rng.normal();
    const k = i % plan.kinds.length;
    try {
      computeKind(plan.kinds[k]!, walk.slice(), timestamps, out, 0, '', steps[k]);
    } catch {
      // a calculator that fails on a random walk still got compiled; real errors come with real data
    }
  }
  mark('warm-up end');
  noteSeriesRun(names, i);
  return undefined;
}

/**
 * One extraction: chunk c covers series `[c * chunkSize, min(total, (c + 1) * chunkSize))`, and
 * work unit (c, g) computes the calculators of group g (work-groups.ts) on chunk c. `control`
 * (shared), with G = `groups`: `[g]` the next chunk of group g to claim (atomic add), `[G]` series
 * done (counted once per group), `[G + 1 + g * chunks + c]` set to 1 once unit (c, g) is in
 * `data.out`, `[G + 1 + G * chunks + g]` set to 1 once group g's own thread claims its units.
 */
export interface WorkerRun {
  readonly type: 'run';
  readonly data: ExtractionData;
  readonly width: number;
  readonly control: Int32Array;
  readonly chunkSize: number;
  readonly total: number;
  /** The number of groups G: 1, or the pool's `groups.count`. */
  readonly groups: number;
  /** Numbers the pool's runs: progress and idle messages carry it back. */
  readonly id: number;
}

/**
 * What a worker answers: `progress` after each chunk, `idle` when a run has no chunk left for
 * it, `error` when a chunk failed (the worker stops claiming in that run; the main thread
 * recomputes the chunk and reports it), `fatal` when it cannot work at all.
 */
export type WorkerMessage =
  | { type: 'formatted' }
  | { type: 'progress'; run: number }
  | { type: 'idle'; run: number }
  | { type: 'error'; message: string }
  | { type: 'fatal'; message: string };

/**
 * Claims and computes units of `run` until none is left, those of group `first` before the
 * others; throws the first calculator error. `stepsOf[g][k]`: the steps of kind k in group g.
 */
function work(
  plan: ExtractionPlan,
  stepsOf: readonly (readonly (readonly PlanStep[])[])[],
  namesOf: readonly (readonly string[])[],
  first: number,
  run: WorkerRun,
  post: (msg: WorkerMessage) => void,
): void {
  if (plan.width !== run.width) throw new Error(`worker compiled ${plan.width} columns, main thread ${run.width}`);
  const { control, chunkSize, total, groups: G } = run;
  if (G !== 1 && G !== stepsOf.length) throw new Error(`worker split its calculators into ${stepsOf.length} groups, the run into ${G}`);
  const chunks = Math.ceil(total / chunkSize);
  const ownerAtWork = G + 1 + G * chunks;
  let units = 0;
  let ownMs = 0;
  mark(`run ${run.id}: compute start`);
  if (G > 1) Atomics.store(control, ownerAtWork + first, 1);
  for (let a = 0; a < G; a++) {
    const g = (first + a) % G;
    const steps = G > 1 ? stepsOf[g] : undefined;
    const names = G > 1 ? namesOf[g]! : namesOf[namesOf.length - 1]!;
    const reserve = a > 0 ? stealReserve(units > 0 ? ownMs / units : 0) : 0;
    for (;;) {
      // another group's last units are left to its own thread once that is at work, unless
      // this thread has their calculators compiled already
      if (a > 0 && Atomics.load(control, ownerAtWork + g) === 1 && chunks - Atomics.load(control, g) <= reserve && !allWarm(names)) break;
      const c = Atomics.add(control, g, 1);
      if (c >= chunks) break;
      const from = c * chunkSize;
      const to = Math.min(total, from + chunkSize);
      const started = performance.now();
      computeSeriesRange(plan, run.data, from, to, undefined, steps);
      noteSeriesRun(names, to - from);
      if (a === 0) ownMs += performance.now() - started;
      else if (timelineEnabled()) mark(`took unit ${c} of group ${g}: ${(performance.now() - started).toFixed(1)} ms`);
      Atomics.store(control, G + 1 + g * chunks + c, 1);
      Atomics.add(control, G, to - from);
      post({ type: 'progress', run: run.id });
      units++;
    }
  }
  mark(`run ${run.id}: compute end (${units} units)`);
}

if (parentPort) {
  const port = parentPort;
  const post = (msg: WorkerMessage): void => port.postMessage(msg);
  const init = workerData as WorkerInit;
  setTimelineOrigin(init.timelineOrigin);
  mark('worker modules loaded');
  try {
    const plan = compilePlan(decodeWorkerSettings(init.settings), { missing: init.missing });
    const byKind = groupSteps(plan, init.groups);
    const stepsOf = Array.from({ length: init.groups.count }, (_, g) => byKind.map((byGroup) => byGroup[g]!));
    // the calculator names of each group, then of the whole plan (a run with one group)
    const namesOf = [...stepsOf.map(stepNames), stepNames(plan.kinds.map((k) => k.steps))];
    const first = init.group % init.groups.count;
    mark('plan compiled');
    const handle = (run: WorkerRun | WorkerFormat): void => {
      if (run.type === 'format') {
        mark(`format rows ${run.from}-${run.to} start`);
        formatValueRowBytes(run.values, run.width, run.from, run.to, run.bytes, run.lengths);
        mark('format end');
        post({ type: 'formatted' });
        return;
      }
      try {
        work(plan, stepsOf, namesOf, run.groups > 1 ? first : 0, run, post);
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
      post({ type: 'idle', run: run.id });
    };
    const early = init.warmUpMs > 0 && plan.kinds.length > 0 ? warmUp(plan, stepsOf[first]!, namesOf[first]!, port, init.warmUpMs) : undefined;
    if (early !== undefined) handle(early as WorkerRun | WorkerFormat);
    port.on('message', handle);
  } catch (err) {
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  }
}
