/** Test helpers: rows of one (job, node) sample, slopes, rates. */
import { samplerColumn, type SimulatedDataset, type SimulatedSamplerTable } from '../../src/simulate/index.js';
import type { SamplerName } from '../../src/telemetry/index.js';

/** Row indexes of (job, node) in a sampler table, in time order. */
export function sampleRows(table: SimulatedSamplerTable, jobId: number, componentId: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (table.jobId[i] === jobId && table.componentId[i] === componentId) rows.push(i);
  return rows;
}

/** Values of `metric` of sampler `sampler` for (job, node), with their timestamps. */
export function series(d: SimulatedDataset, sampler: SamplerName, metric: string, jobId: number, componentId: number): { t: number[]; y: number[] } {
  const table = d.samplers[sampler];
  const rows = sampleRows(table, jobId, componentId);
  const col = samplerColumn(table, metric);
  return { t: rows.map((i) => table.timestamp[i]!), y: rows.map((i) => col[i]!) };
}

/** Least-squares slope of y on t. */
export function slope(t: readonly number[], y: readonly number[]): number {
  const n = t.length;
  const mt = t.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (t[i]! - mt) * (y[i]! - my);
    sxx += (t[i]! - mt) ** 2;
  }
  return sxy / sxx;
}

/** Mean per-second rate of a cumulative counter over the points with t in [from, to). */
export function rate(s: { t: number[]; y: number[] }, from: number, to: number): number {
  const idx = s.t.map((_, i) => i).filter((i) => s.t[i]! >= from && s.t[i]! < to);
  const a = idx[0]!;
  const b = idx[idx.length - 1]!;
  return (s.y[b]! - s.y[a]!) / (s.t[b]! - s.t[a]!);
}

/** Points of a series with t in [from, to). */
export function window(s: { t: number[]; y: number[] }, from: number, to: number): { t: number[]; y: number[] } {
  const idx = s.t.map((_, i) => i).filter((i) => s.t[i]! >= from && s.t[i]! < to);
  return { t: idx.map((i) => s.t[i]!), y: idx.map((i) => s.y[i]!) };
}
