/** The metrics that contribute most to a sample's reconstruction error, as horizontal bars. */
import { axis, baseLayout, colors, type Figure } from './figure.js';

export interface Contribution {
  /** a metric (`MemFree::meminfo`) or a feature column name */
  name: string;
  /** its share of the sample's reconstruction error (any non-negative unit) */
  contribution: number;
}

export function explanationChart(contributions: readonly Contribution[], options: { title?: string; top?: number } = {}): Figure {
  const top = [...contributions].sort((a, b) => b.contribution - a.contribution).slice(0, options.top ?? 10).reverse();
  return {
    data: [
      {
        type: 'bar', orientation: 'h', x: top.map((c) => c.contribution), y: top.map((c) => c.name),
        marker: { color: colors.anomalous }, hovertemplate: '%{y}<br>%{x:.4g}<extra></extra>',
      },
    ],
    layout: baseLayout(options.title ?? 'Top contributing metrics', {
      xaxis: axis('Contribution to reconstruction error'),
      yaxis: axis('', { automargin: true }),
      height: Math.max(260, 40 + 28 * top.length),
      margin: { l: 200, r: 24, t: 56, b: 56 },
    }),
  };
}
