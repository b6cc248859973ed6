/**
 * A live view of VAE training for notebooks: one output area, updated in place, showing the
 * epoch, the loss, the validation loss and the loss chart so far. Redrawing a plotly chart
 * costs far more than an epoch of a small model, so the area is redrawn at most once per
 * `refreshMs` (default 1 s) — the first epoch at once, then whenever a second has passed —
 * never once per epoch. `finish()` draws the final state with a static picture of the chart
 * (when Chromium is installed), so a saved notebook shows it without JavaScript.
 *
 * Outside a notebook the same calls print a progress bar on stderr instead.
 *
 *   const view = trainingView({ epochs: 1000 });
 *   const detector = await AnomalyDetector.fit(table, { onEpochEnd: view.onEpochEnd });
 *   await view.finish();
 */
import type { EpochLog } from '../model/train-vae.js';
import { ProgressBar } from '../util/progress.js';
import { inNotebook, LiveDisplay, type ShowOptions } from './display.js';
import type { Figure } from './figure.js';
import { lossChart } from './loss.js';

/** Where a training view draws (a LiveDisplay, or a stand-in in tests). */
export interface TrainingDisplay {
  update(html: string, figure?: Figure): void;
  finish(html: string, figure?: Figure, options?: ShowOptions): Promise<void>;
}

/** Options of `trainingView`. */
export interface TrainingViewOptions {
  /** Epochs planned, for "epoch 120 / 1000" and the terminal bar (default: unknown). */
  readonly epochs?: number;
  /** Minimum milliseconds between redraws (default 1000). */
  readonly refreshMs?: number;
  /** Chart title (default "VAE training loss"). */
  readonly title?: string;
  /** Draw here (default: a new LiveDisplay in a notebook, a stderr progress bar elsewhere). */
  readonly display?: TrainingDisplay;
  /** Options of the final static picture. */
  readonly show?: ShowOptions;
  /** Clock in milliseconds (for tests; default performance.now). */
  readonly now?: () => number;
}

/** What `trainingView` returns. */
export interface TrainingView {
  /** Pass as `onEpochEnd` to training. */
  readonly onEpochEnd: (log: EpochLog) => void;
  /** Draws the final state (always, whatever the time since the last redraw). */
  finish(): Promise<void>;
  /** The epochs seen so far. */
  readonly logs: readonly EpochLog[];
}

/** A live training view; see the file comment. */
export function trainingView(options: TrainingViewOptions = {}): TrainingView {
  const refreshMs = options.refreshMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const logs: EpochLog[] = [];
  const display = options.display ?? (inNotebook() ? new LiveDisplay() : null);
  let bar: ProgressBar | null = null;
  let lastDraw = -Infinity;
  let finished = false;

  const chart = (): Figure =>
    lossChart(
      { loss: logs.map((l) => l.loss), valLoss: logs.some((l) => l.valLoss !== null) ? logs.map((l) => l.valLoss ?? NaN) : undefined },
      { title: options.title },
    );

  return {
    logs,
    onEpochEnd(log: EpochLog) {
      if (finished) return;
      logs.push(log);
      if (!display) {
        if (options.epochs) {
          bar ??= new ProgressBar({ total: options.epochs, label: 'train' });
          bar.update(log.epoch, lossText(log));
        }
        return;
      }
      const t = now();
      if (t - lastDraw < refreshMs) return;
      lastDraw = t;
      display.update(statusHtml(log, options.epochs, false), chart());
    },
    async finish() {
      if (finished) return;
      finished = true;
      const last = logs.at(-1);
      if (!display) {
        bar?.done();
        return;
      }
      if (!last) return display.update('training: no epoch ran');
      await display.finish(statusHtml(last, options.epochs, true), chart(), options.show);
    },
  };
}

/** `loss 312.41  val 298.12` */
function lossText(log: EpochLog): string {
  return `loss ${log.loss.toFixed(2)}${log.valLoss === null ? '' : `  val ${log.valLoss.toFixed(2)}`}`;
}

/** The status line above the chart. */
function statusHtml(log: EpochLog, epochs: number | undefined, done: boolean): string {
  const of = epochs ? ` / ${epochs}` : '';
  const val = log.valLoss === null ? '' : ` &middot; val loss <b>${log.valLoss.toFixed(3)}</b>`;
  const state = done ? 'done' : 'training';
  return `${state}: epoch <b>${log.epoch}</b>${of} &middot; loss <b>${log.loss.toFixed(3)}</b>${val} &middot; ${log.milliseconds.toFixed(0)} ms/epoch`;
}
