/**
 * A wall-clock timeline of a feature extraction, for finding its critical path: with the
 * environment variable `PRODIGY_TIMINGS` set (`prodigy features --timings` sets it), each
 * {@link mark} writes one line to stderr at once,
 *
 *   `timeline  +412.3 ms  worker 1  compute start`
 *
 * the time counted from the start of the process (`performance.timeOrigin` of the main thread,
 * which worker threads receive through {@link setTimelineOrigin}). The lines are written with a
 * synchronous write to file descriptor 2, so a worker's line is not queued behind the main
 * thread's event loop. Without the variable a mark costs one boolean test.
 */
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const ENV = 'PRODIGY_TIMINGS';

let enabled = Boolean(process.env[ENV]);
let origin = performance.timeOrigin;
const thread = isMainThread ? 'main' : `worker ${threadId}`;

/** Whether marks are written. */
export function timelineEnabled(): boolean {
  return enabled;
}

/** Turns the timeline on in this thread and in worker threads started after (they inherit the environment). */
export function enableTimeline(): void {
  enabled = true;
  process.env[ENV] = '1';
}

/** The absolute time (ms since the epoch, high resolution) that marks count from. */
export function timelineOrigin(): number {
  return origin;
}

/** Counts this thread's marks from `absoluteMs` (a worker: the main thread's {@link timelineOrigin}). */
export function setTimelineOrigin(absoluteMs: number): void {
  origin = absoluteMs;
}

/** Writes `label` with the time since the origin and this thread's name, when enabled. */
export function mark(label: string): void {
  if (!enabled) return;
  const ms = performance.timeOrigin + performance.now() - origin;
  try {
    writeSync(2, `timeline ${ms.toFixed(1).padStart(8)} ms  ${thread.padEnd(9)} ${label}\n`);
  } catch {
    // a closed stderr never stops the work
  }
}

/**
 * Marks the CPU seconds (user + system) each thread of the process has used so far, from
 * /proc/self/task (Linux; elsewhere nothing), grouped by thread name: the JavaScript threads
 * and V8's helpers (TurboFan compiles and concurrent GC run on `V8 DefaultWorker` threads,
 * which `ps` and /proc name after the process, `node`). When enabled.
 */
export function markThreadCpu(): void {
  if (!enabled) return;
  const seconds: string[] = [];
  let total = 0;
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // after the name: state is field 3; utime and stime are fields 14 and 15 (clock ticks of 10 ms)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
      total += cpu;
      if (cpu > 0) seconds.push(`${name} ${cpu.toFixed(2)}`);
    }
  } catch {
    return;
  }
  mark(`CPU seconds by thread (total ${total.toFixed(2)}): ${seconds.join(', ')}`);
}
