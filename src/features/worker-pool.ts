/**
 * The extraction worker threads (see parallel.ts for how a run shares the work with them). This
 * module loads no calculator: the `prodigy features` command starts the pool first, so that the
 * workers load and compile while this thread loads its own modules and reads the input.
 *
 * A worker is plain JavaScript evaluated from a string that imports `extraction-worker` beside
 * this module: `.ts` when this module runs from source (under tsx, whose loader it registers
 * in the worker), `.js` from dist/.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KindToFcParameters } from './kind-to-fc-parameters.js';
import { encodeWorkerSettings, type WorkerSettings } from './worker-settings.js';
import { singleGroup, splitWork, type WorkGroups } from './work-groups.js';
import type { WorkerFormat, WorkerInit, WorkerMessage, WorkerRun } from './extraction-worker.js';
import { timelineOrigin } from './timeline.js';

/**
 * The share of the calculators' cost this thread takes when the work is split (workers: 1
 * each). This thread also reads the input and prepares the samples, but a worker spends that
 * time loading its modules and warming up; measured with `--timings` on the bench input (the
 * calculators' loops in WebAssembly, 6 alternated runs each), 1, 0.85 and 0.7 end the command
 * within the machine's noise of each other (means 1.14, 1.13, 1.16 s); the threads then take
 * each other's units (work-groups.ts's stealReserve) to end together.
 */
const MAIN_THREAD_SHARE = 1;

/** Projected remaining in-thread time above which `'auto'` uses workers. */
export const AUTO_WORKER_THRESHOLD_MS = 120;

/**
 * Rough single-thread cost, in nanoseconds, of one feature column on one point of a series
 * (measured: `efficient` ~1-3 ns, the cheap `minimal` columns ~10 ns). Only used to decide
 * early whether workers are worth starting; {@link AUTO_WORKER_THRESHOLD_MS} still applies.
 */
export const NS_PER_POINT_COLUMN = 1;

/** Estimated single-thread milliseconds to compute `width` feature columns over `points` values (all kinds). */
export function estimateExtractionMs(points: number, columnsPerKind: number): number {
  return (points * columnsPerKind * NS_PER_POINT_COLUMN) / 1e6;
}

/** Worker threads `'auto'` would use on this machine: one per extra core. */
export function defaultWorkerCount(): number {
  return Math.max(0, availableParallelism() - 1);
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
    `require('node:worker_threads').parentPort.postMessage({ type: 'fatal', message: 'cannot load ' + ${JSON.stringify(url)} + ': ' + (err && err.message ? err.message : String(err)) });` +
    `});`
  );
}

interface WorkerSlot {
  readonly worker: Worker;
  dead: boolean;
  /** Running a `run` message (until it answers `idle`). */
  busy: boolean;
  /** Chunks completed in the current run. */
  chunks: number;
}

/** Hooks of the run in progress, called by the pool's message handlers. */
export interface RunListener {
  progress(): void;
  failure(message: string): void;
}

/**
 * A pool of extraction worker threads, each holding the compiled plan of one settings object.
 * Start it early (the workers load their modules and compile while this thread does other
 * work), run one or more extractions of those settings with it, then {@link close} it.
 */
export class ExtractionWorkers {
  private readonly slots: WorkerSlot[] = [];
  private listener: RunListener | null = null;
  /** The formatting request in progress: its worker and how to report the outcome (false: do it yourself). */
  private formatting: { slot: WorkerSlot; resolve: (done: boolean) => void } | null = null;
  /** Resolves the wait of {@link drive} when a worker goes idle or dies. */
  private wake: (() => void) | null = null;
  /** Runs started so far: the id of the current (or last) run, which workers echo back. */
  private runs = 0;
  /** Failures seen while no run was listening (e.g. a worker that could not load). */
  private readonly pendingFailures: string[] = [];
  private readonly encoded: WorkerSettings;
  /** How the calculators are split between this thread (group 0) and the workers (work-groups.ts). */
  readonly groups: WorkGroups;

  private constructor(
    count: number,
    readonly settings: KindToFcParameters,
    readonly missing: 'error' | 'skip',
    warmUpMs: number,
    split: boolean,
  ) {
    this.encoded = encodeWorkerSettings(settings);
    // this thread also reads and writes: its group gets a smaller share
    this.groups = split && count > 0 ? splitWork(settings, count + 1, [MAIN_THREAD_SHARE]) : singleGroup();
    const source = bootstrapSource(workerModuleUrl());
    for (let i = 0; i < count; i++) {
      const init: WorkerInit = { settings: this.encoded, missing, warmUpMs, groups: this.groups, group: (1 + i) % this.groups.count, timelineOrigin: timelineOrigin() };
      const worker = new Worker(source, { eval: true, workerData: init });
      const slot: WorkerSlot = { worker, dead: false, busy: false, chunks: 0 };
      this.slots.push(slot);
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type === 'formatted') {
          const pending = this.formatting;
          this.formatting = null;
          pending?.resolve(true);
        } else if (msg.type === 'progress') {
          if (msg.run !== this.runs) return; // a late message of an earlier run
          slot.chunks++;
          this.listener?.progress();
          this.notify();
        } else if (msg.type === 'idle') {
          if (msg.run !== this.runs) return;
          slot.busy = false;
          this.notify();
        } else if (msg.type === 'error') {
          this.fail(msg.message);
        } else if (msg.type === 'fatal') {
          this.retire(slot, msg.message);
        }
      });
      worker.on('error', (err) => this.retire(slot, err.message));
      worker.on('exit', (code) => this.retire(slot, `worker exited with code ${code}`));
    }
  }

  /**
   * Starts `count` workers compiling the plan of `settings`. With `warmUpMs`, each then runs
   * the plan on synthetic series for up to that long (or until the first extraction arrives),
   * so that its calculators are JIT-compiled by the time the real data comes: worth it when the
   * pool is started while this thread still reads the input. With `split` (default), the
   * calculators are divided between this thread and the workers (see work-groups.ts).
   */
  static start(count: number, settings: KindToFcParameters, missing: 'error' | 'skip' = 'error', warmUpMs = 0, split = true): ExtractionWorkers {
    return new ExtractionWorkers(Math.max(0, Math.floor(count)), settings, missing, warmUpMs, split);
  }

  /** Whether the workers compiled the same plan as `settings` would give (same object, or same kinds and blocks). */
  compatibleWith(settings: KindToFcParameters): boolean {
    if (settings === this.settings) return true;
    return JSON.stringify(encodeWorkerSettings(settings)) === JSON.stringify(this.encoded);
  }

  /** Workers still alive. */
  get alive(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const live = this.slots.filter((s) => !s.dead);
    for (const slot of live) {
      slot.dead = true;
      slot.worker.removeAllListeners('exit');
    }
    await Promise.all(live.map((s) => s.worker.terminate()));
  }

  private fail(message: string): void {
    if (this.listener) this.listener.failure(message);
    else this.pendingFailures.push(message);
  }

  private retire(slot: WorkerSlot, message: string): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.busy = false;
    this.fail(message);
    void slot.worker.terminate();
    this.notify();
    if (this.formatting?.slot === slot) {
      const pending = this.formatting;
      this.formatting = null;
      pending.resolve(false);
    }
  }

  /**
   * Has an idle worker format rows `[from, to)` of the row-major `values` (`width` columns) into
   * the shared `bytes` and `lengths` (see feature-csv.ts's formatValueRowBytes); resolves true
   * when done, false when no worker is free or it died meanwhile (then nothing is promised).
   * `values` is copied to the worker unless it lives in a SharedArrayBuffer.
   */
  formatRows(values: Float64Array, width: number, from: number, to: number, bytes: Uint8Array, lengths: Int32Array): Promise<boolean> {
    // An idle worker, or one that computed chunks of the last run and is only finishing it (it
    // answers right after: messages are handled in order). Not one still loading its modules.
    const slot = this.slots.find((s) => !s.dead && (!s.busy || s.chunks > 0));
    if (!slot || this.formatting || this.listener) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.formatting = { slot, resolve };
      const request: WorkerFormat = { type: 'format', values, width, from, to, bytes, lengths };
      slot.worker.postMessage(request);
    });
  }

  private notify(): void {
    const resolve = this.wake;
    this.wake = null;
    resolve?.();
  }

  /**
   * Has every live worker claim chunks of `run` until none are left, reporting to `listener`;
   * meanwhile runs `alongside` (this thread's own share); resolves, with the number of workers
   * that completed a chunk, once `finished()` (every chunk done) or no worker is busy any more
   * (the caller then computes whatever is left).
   */
  async drive(run: Omit<WorkerRun, 'id'>, listener: RunListener, alongside: () => Promise<void>, finished: () => boolean): Promise<number> {
    if (this.listener) throw new Error('this worker pool is already running an extraction');
    const message: WorkerRun = { ...run, id: ++this.runs };
    this.listener = listener;
    for (const message of this.pendingFailures.splice(0)) listener.failure(message);
    try {
      for (const slot of this.slots) {
        if (slot.dead) continue;
        slot.busy = true;
        slot.chunks = 0;
        slot.worker.postMessage(message);
      }
      await alongside();
      // Wait for chunks still being computed, not for workers that never got to claim one
      // (e.g. still loading when this thread ran out of chunks).
      while (!finished() && this.slots.some((s) => s.busy)) await new Promise<void>((resolve) => (this.wake = resolve));
      return this.slots.filter((s) => s.chunks > 0).length;
    } finally {
      this.listener = null;
    }
  }
}
