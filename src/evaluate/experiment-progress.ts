/**
 * One line of text for the experiment's progress (the CLI rewrites it in place on stderr;
 * notebooks may show it in a live display).
 */
import type { ExperimentProgress } from './experiment.js';

/** Seconds as `42 s`, `3 min 05 s` or `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * The progress as one line, e.g.
 * `grid: 7/30 cells (31%), running c2/r1 epoch 412, c3/r1 epoch 88 | 2 min 10 s elapsed, ETA 4 min 50 s`.
 */
export function formatProgressLine(p: ExperimentProgress): string {
  switch (p.phase) {
    case 'load':
      return 'loading telemetry ...';
    case 'features':
      return `extracting features: ${p.done}/${p.total} series (${Math.floor((100 * p.done) / Math.max(1, p.total))}%)`;
    case 'files':
      return 'writing result files and the figure ...';
    case 'grid': {
      const running = p.running.map((c) => `c${c.config}/r${c.repeat} epoch ${c.epoch}`).join(', ');
      const eta = p.etaSeconds === null ? 'ETA ...' : `ETA ${formatDuration(p.etaSeconds)}`;
      return `grid: ${p.done}/${p.total} cells (${Math.floor(100 * p.fraction)}%)${running ? `, running ${running}` : ''} | ${formatDuration(p.elapsedSeconds)} elapsed, ${eta}`;
    }
  }
}
