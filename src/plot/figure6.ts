/**
 * Figure 6 of the paper: macro-average F1 against the number of healthy training samples,
 * one bar per experiment configuration with the mean over repeats and an error bar (one
 * standard deviation), and every repeat as a point (its value on hover).
 */
import { axis, baseLayout, colors, type Figure } from './figure.js';

export interface Figure6Point {
  /** number of healthy samples the model was trained on */
  nTrainHealthy: number;
  /** the repeat index */
  repeat: number;
  /** macro-average F1 on the test set */
  macroF1: number;
}

/** Mean and population standard deviation of the values. */
function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * The Figure 6 bar chart: y from 0.4 to 1.01 as in the original plot, extended downwards (to
 * the next 0.1 below the lowest value) when a repeat falls under 0.4, so no bar disappears.
 */
export function figure6Chart(points: readonly Figure6Point[], options: { title?: string } = {}): Figure {
  if (points.length === 0) throw new Error('figure6Chart: no results to plot');
  const groups = new Map<number, Figure6Point[]>();
  for (const p of points) groups.set(p.nTrainHealthy, [...(groups.get(p.nTrainHealthy) ?? []), p]);
  const sizes = [...groups.keys()].sort((a, b) => a - b);
  const stats = sizes.map((n) => meanStd(groups.get(n)!.map((p) => p.macroF1)));
  const labels = sizes.map(String);
  const lowest = Math.min(...points.map((p) => p.macroF1), ...stats.map((s) => s.mean - s.std));
  const yMin = lowest >= 0.4 ? 0.4 : Math.max(0, Math.floor(lowest * 10) / 10);
  return {
    data: [
      {
        type: 'bar',
        name: 'mean over repeats',
        x: labels,
        y: stats.map((s) => s.mean),
        error_y: { type: 'data', array: stats.map((s) => s.std), visible: true, color: colors.threshold, thickness: 1.5, width: 6 },
        marker: { color: colors.healthy, opacity: 0.85 },
        text: stats.map((s) => s.mean.toFixed(3)),
        textposition: 'inside',
        insidetextanchor: 'start',
        textfont: { color: '#ffffff' },
        hovertemplate: '%{x} healthy training samples<br>mean macro F1 %{y:.3f}<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'repeats',
        x: points.map((p) => String(p.nTrainHealthy)),
        y: points.map((p) => p.macroF1),
        customdata: points.map((p) => p.repeat),
        marker: { color: colors.accent, size: 7, line: { color: '#ffffff', width: 1 } },
        hovertemplate: 'repeat %{customdata}<br>macro F1 %{y:.3f}<extra></extra>',
      },
    ],
    layout: baseLayout(options.title ?? 'Prodigy: macro F1 by number of healthy training samples', {
      xaxis: axis('Number of healthy samples in training', { type: 'category', categoryorder: 'array', categoryarray: labels }),
      yaxis: axis('Macro average F1-score', { range: [yMin, 1.01] }),
      showlegend: true,
      legend: { orientation: 'h', y: -0.2 },
      height: 460,
    }),
  };
}
