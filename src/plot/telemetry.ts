/**
 * Telemetry over time: chosen metrics (one panel each, stacked) of chosen (job, node) samples,
 * time in seconds from each sample's start, anomalous nodes drawn in red and healthy ones in
 * shades of blue, so several nodes of one job can be compared side by side.
 */
import type { ColumnTable } from 'arquero';
import { axis, baseLayout, colors, type Figure, type PlotlyTrace } from './figure.js';
import { sampleId } from '../telemetry/label-matching.js';

export type SampleId = { job_id: string | number; component_id: string | number };

export interface TelemetryChartOptions {
  /** metric columns to draw, e.g. ['MemFree::meminfo', 'user::procstat'] */
  metrics: readonly string[];
  /** samples to draw (default: every node of the first job in the table) */
  samples?: readonly SampleId[];
  /** samples to highlight as anomalous */
  anomalous?: readonly SampleId[];
  title?: string;
}

const sampleKey = (s: SampleId) => sampleId(s.job_id, s.component_id);
const healthyShades = ['#2b6cb0', '#4299e1', '#2c5282', '#63b3ed', '#1a365d', '#90cdf4'];

export function telemetryChart(table: ColumnTable, options: TelemetryChartOptions): Figure {
  const names = table.columnNames();
  for (const column of ['job_id', 'component_id', 'timestamp', ...options.metrics]) {
    if (!names.includes(column)) throw new Error(`telemetryChart: the table has no column "${column}"`);
  }
  const jobs = table.array('job_id') as ArrayLike<string | number>;
  const nodes = table.array('component_id') as ArrayLike<string | number>;
  const times = table.array('timestamp') as ArrayLike<number>;
  const samples = options.samples ?? (() => {
    const first = jobs[0];
    const seen = new Map<string, SampleId>();
    for (let i = 0; i < jobs.length; i++) if (jobs[i] === first) seen.set(sampleKey({ job_id: jobs[i]!, component_id: nodes[i]! }), { job_id: jobs[i]!, component_id: nodes[i]! });
    return [...seen.values()];
  })();
  const wanted = new Map(samples.map((s, i) => [sampleKey(s), i]));
  const anomalous = new Set((options.anomalous ?? []).map(sampleKey));
  const rows: number[][] = samples.map(() => []);
  for (let i = 0; i < jobs.length; i++) {
    const index = wanted.get(sampleKey({ job_id: jobs[i]!, component_id: nodes[i]! }));
    if (index !== undefined) rows[index]!.push(i);
  }
  samples.forEach((s, i) => {
    if (rows[i]!.length === 0) throw new Error(`telemetryChart: no rows for job ${s.job_id}, node ${s.component_id}`);
  });
  const panels = options.metrics.length;
  const gap = 0.04;
  const height = (1 - gap * (panels - 1)) / panels;
  const data: PlotlyTrace[] = [];
  const layoutAxes: Record<string, unknown> = {};
  options.metrics.forEach((metric, m) => {
    const values = table.array(metric) as ArrayLike<number>;
    const suffix = m === 0 ? '' : String(m + 1);
    samples.forEach((s, k) => {
      const idx = rows[k]!.slice().sort((a, b) => times[a]! - times[b]!);
      const t0 = times[idx[0]!]!;
      const bad = anomalous.has(sampleKey(s));
      data.push({
        type: 'scatter', mode: 'lines', xaxis: `x${suffix}`, yaxis: `y${suffix}`,
        name: `job ${s.job_id} · node ${s.component_id}${bad ? ' (anomalous)' : ''}`,
        legendgroup: sampleKey(s), showlegend: m === 0,
        x: idx.map((i) => times[i]! - t0), y: idx.map((i) => values[i]!),
        line: { color: bad ? colors.anomalous : healthyShades[k % healthyShades.length], width: bad ? 2.2 : 1.5 },
        hovertemplate: `${metric}<br>t=%{x}s: %{y:.4g}<extra>node ${s.component_id}</extra>`,
      });
    });
    const top = 1 - m * (height + gap);
    layoutAxes[`yaxis${suffix}`] = axis(metric, { domain: [top - height, top], title: { text: metric, font: { size: 11 } } });
    layoutAxes[`xaxis${suffix}`] = axis(m === panels - 1 ? 'Seconds since the sample started' : '', { anchor: `y${suffix}`, matches: m === 0 ? undefined : 'x', showticklabels: m === panels - 1 });
  });
  return {
    data,
    layout: baseLayout(options.title ?? `Telemetry of job ${samples[0]?.job_id}`, {
      ...layoutAxes,
      height: Math.max(320, 100 + 200 * panels),
      // the legend stands right of the panels, where long sample names cannot cover the title
      legend: { x: 1.02, y: 1, xanchor: 'left', yanchor: 'top', font: { size: 11 } },
      width: 980,
      margin: { l: 72, r: 250, t: 64, b: 56 },
    }),
  };
}
