/**
 * Reconstruction errors of test samples, healthy vs anomalous, against the threshold: a
 * histogram per class (overlaid) or a strip of individual samples, with the threshold as a
 * vertical (histogram) or horizontal (strip) line. Samples above the line are flagged.
 */
import { axis, baseLayout, colors, type Figure } from './figure.js';

export interface ErrorChartInput {
  /** reconstruction error per sample */
  errors: ArrayLike<number>;
  /** 0 healthy, 1 anomalous, per sample */
  labels: ArrayLike<number>;
  /** the decision threshold */
  threshold: number;
  /** optional hover text per sample, e.g. "job 12 / node 3" */
  names?: readonly string[];
}

function split(input: ErrorChartInput) {
  const classes = { healthy: { x: [] as number[], names: [] as string[] }, anomalous: { x: [] as number[], names: [] as string[] } };
  if (input.errors.length !== input.labels.length) throw new Error('errorChart: errors and labels differ in length');
  for (let i = 0; i < input.errors.length; i++) {
    const c = input.labels[i] === 1 ? classes.anomalous : classes.healthy;
    c.x.push(input.errors[i]!);
    c.names.push(input.names?.[i] ?? `sample ${i}`);
  }
  return classes;
}

/** Overlaid histograms of the errors of each class, with the threshold line. */
export function errorHistogram(input: ErrorChartInput, options: { title?: string; bins?: number } = {}): Figure {
  const { healthy, anomalous } = split(input);
  const trace = (name: string, x: number[], color: string) => ({
    type: 'histogram', name, x, opacity: 0.65, marker: { color }, nbinsx: options.bins ?? 30,
    hovertemplate: `${name}<br>error %{x}<br>%{y} samples<extra></extra>`,
  });
  return {
    data: [trace('healthy', healthy.x, colors.healthy), trace('anomalous', anomalous.x, colors.anomalous)],
    layout: baseLayout(options.title ?? 'Reconstruction error by class', {
      barmode: 'overlay',
      xaxis: axis('Reconstruction error (mean |x - x̂|)'),
      yaxis: axis('Samples'),
      shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: input.threshold, x1: input.threshold, y0: 0, y1: 1, line: { color: colors.threshold, dash: 'dash', width: 2 } }],
      annotations: [{ xref: 'x', yref: 'paper', x: input.threshold, y: 1, text: `threshold ${input.threshold.toPrecision(3)}`, showarrow: false, xanchor: 'left', yanchor: 'bottom' }],
    }),
  };
}

/** Every sample as a point (class on x, jittered; error on y), with the threshold line. */
export function errorStrip(input: ErrorChartInput, options: { title?: string } = {}): Figure {
  const { healthy, anomalous } = split(input);
  const trace = (name: string, c: { x: number[]; names: string[] }, color: string) => ({
    type: 'box', name, y: c.x, text: c.names, boxpoints: 'all', jitter: 0.5, pointpos: 0,
    fillcolor: 'rgba(0,0,0,0)', line: { color: 'rgba(0,0,0,0)' }, marker: { color, size: 7, opacity: 0.8 },
    hovertemplate: '%{text}<br>error %{y}<extra></extra>',
  });
  return {
    data: [trace('healthy', healthy, colors.healthy), trace('anomalous', anomalous, colors.anomalous)],
    layout: baseLayout(options.title ?? 'Reconstruction error per test sample', {
      showlegend: false,
      yaxis: axis('Reconstruction error (mean |x - x̂|)'),
      shapes: [{ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: input.threshold, y1: input.threshold, line: { color: colors.threshold, dash: 'dash', width: 2 } }],
      annotations: [{ xref: 'paper', yref: 'y', x: 1, y: input.threshold, text: 'threshold', showarrow: false, xanchor: 'right', yanchor: 'bottom' }],
    }),
  };
}
