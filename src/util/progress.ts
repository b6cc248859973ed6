/**
 * A command-line progress bar for a known number of steps. On a terminal it redraws one line
 * in place (`\r`), at most every `redrawMs` milliseconds:
 *
 *   train [##########..........] 500/1000  loss 312.4  val 298.1  12.3 s left
 *
 * Elsewhere (a pipe, a log file, CI) it writes one plain line every `lineEvery` steps and at
 * the last step, so logs stay readable. The time left is the mean time per step so far times
 * the steps left.
 */

/** Options of a ProgressBar. */
export interface ProgressBarOptions {
  /** Steps in all (> 0). */
  readonly total: number;
  /** The word before the bar (default `progress`). */
  readonly label?: string;
  /** Where to write (default process.stderr). */
  readonly stream?: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Draw in place (default: whether the stream is a TTY). */
  readonly inPlace?: boolean;
  /** Without a TTY, a line every this many steps (default: about a tenth of the total). */
  readonly lineEvery?: number;
  /** With a TTY, redraw at most this often (default 100 ms). */
  readonly redrawMs?: number;
  /** Characters of the bar itself (default 24). */
  readonly width?: number;
  /** The clock, milliseconds (for tests; default performance.now). */
  readonly now?: () => number;
}

/** A progress bar; call `update` after each step and `done` at the end. */
export class ProgressBar {
  private readonly total: number;
  private readonly label: string;
  private readonly stream: NonNullable<ProgressBarOptions['stream']>;
  private readonly inPlace: boolean;
  private readonly lineEvery: number;
  private readonly redrawMs: number;
  private readonly width: number;
  private readonly now: () => number;
  private readonly began: number;
  private lastDraw = -Infinity;
  private lastLength = 0;
  private step = 0;
  private detail = '';
  private finished = false;

  constructor(options: ProgressBarOptions) {
    if (!(Number.isInteger(options.total) && options.total > 0)) throw new Error(`progress bar: total must be a positive integer, got ${options.total}`);
    this.total = options.total;
    this.label = options.label ?? 'progress';
    this.stream = options.stream ?? process.stderr;
    this.inPlace = options.inPlace ?? Boolean(this.stream.isTTY);
    this.lineEvery = Math.max(1, options.lineEvery ?? Math.ceil(this.total / 10));
    this.redrawMs = options.redrawMs ?? 100;
    this.width = options.width ?? 24;
    this.now = options.now ?? (() => performance.now());
    this.began = this.now();
  }

  /** Records that `step` (1-based) of the total is done, with `detail` shown after the counts. */
  update(step: number, detail = ''): void {
    if (this.finished) return;
    this.step = Math.min(Math.max(0, step), this.total);
    this.detail = detail;
    const last = this.step === this.total;
    if (this.inPlace) {
      const t = this.now();
      if (!last && t - this.lastDraw < this.redrawMs) return;
      this.lastDraw = t;
      this.redraw();
    } else if (last || this.step % this.lineEvery === 0) {
      this.stream.write(this.line() + '\n');
    }
  }

  /** Ends the bar (a final newline on a TTY); `message` replaces the last line when given. */
  done(message?: string): void {
    if (this.finished) return;
    if (this.inPlace) {
      if (message !== undefined) this.overwrite(message);
      else this.redraw();
      this.stream.write('\n');
    } else if (message !== undefined) {
      this.stream.write(message + '\n');
    }
    this.finished = true;
  }

  /** The current line (without the bar's `\r` or a newline). */
  line(): string {
    const counts = `${this.step}/${this.total}`;
    const elapsed = this.now() - this.began;
    const left = this.step > 0 && this.step < this.total ? `  ${formatSeconds(((elapsed / this.step) * (this.total - this.step)) / 1000)} left` : '';
    const detail = this.detail ? `  ${this.detail}` : '';
    if (!this.inPlace) return `${this.label} ${counts}${detail}${left}`;
    const filled = Math.round((this.step / this.total) * this.width);
    return `${this.label} [${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${counts}${detail}${left}`;
  }

  private redraw(): void {
    this.overwrite(this.line());
  }

  private overwrite(text: string): void {
    const columns = this.stream.columns;
    const shown = columns && text.length > columns - 1 ? text.slice(0, columns - 1) : text;
    this.stream.write('\r' + shown + ' '.repeat(Math.max(0, this.lastLength - shown.length)));
    this.lastLength = shown.length;
  }
}

/** `4.2 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
