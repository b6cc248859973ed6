/**
 * A raw sampler table in the DSOS shape as the simulator produces it: the telemetry stage's
 * `SamplerTable` (id columns and one Float64Array per metric, the transform's input) plus the
 * `app_id` column a DSOS export carries. Counters are still cumulative and the per-core
 * columns still present: this is what a cluster's sampler export holds before any transform.
 */
import * as aq from 'arquero';
import type { SamplerTable } from '../telemetry/index.js';
import { SAMPLER_ID_COLUMNS, type SamplerName } from './eclipse-columns.js';

/** One simulated sampler's rows, column-wise; `metrics[i]` holds the values of `metricNames[i]`. */
export interface SimulatedSamplerTable extends SamplerTable {
  readonly sampler: SamplerName;
  /** Unix seconds with microseconds (the instant the sampler read /proc). */
  readonly timestamp: Float64Array;
  /** LDMS app_id: always 0 (as on Eclipse, where jobs are told apart by job_id). */
  readonly appId: Float64Array;
  readonly rowCount: number;
}

/** The values of metric `name` in `table`; throws naming the sampler when it has no such column. */
export function samplerColumn(table: SamplerTable, name: string): Float64Array {
  const i = table.metricNames.indexOf(name);
  if (i < 0) throw new Error(`sampler ${table.sampler} has no column "${name}"`);
  return table.metrics[i]!;
}

/** Grows a sampler table row by row into preallocated columns (doubling when full). */
export class SamplerTableBuilder {
  private rows = 0;
  private capacity: number;
  private timestamp: Float64Array;
  private componentId: Float64Array;
  private jobId: Float64Array;
  private appId: Float64Array;
  private values: Float64Array[];

  constructor(readonly sampler: SamplerName, readonly metricNames: readonly string[], capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.timestamp = new Float64Array(this.capacity);
    this.componentId = new Float64Array(this.capacity);
    this.jobId = new Float64Array(this.capacity);
    this.appId = new Float64Array(this.capacity);
    this.values = metricNames.map(() => new Float64Array(this.capacity));
  }

  private grow(): void {
    const resize = (a: Float64Array) => {
      const b = new Float64Array(this.capacity * 2);
      b.set(a);
      return b;
    };
    this.timestamp = resize(this.timestamp);
    this.componentId = resize(this.componentId);
    this.jobId = resize(this.jobId);
    this.appId = resize(this.appId);
    this.values = this.values.map(resize);
    this.capacity *= 2;
  }

  /** Appends one row; `row` holds the metrics in `metricNames` order. */
  push(timestamp: number, componentId: number, jobId: number, appId: number, row: Float64Array): void {
    if (this.rows === this.capacity) this.grow();
    const r = this.rows++;
    this.timestamp[r] = timestamp;
    this.componentId[r] = componentId;
    this.jobId[r] = jobId;
    this.appId[r] = appId;
    for (let m = 0; m < this.values.length; m++) this.values[m]![r] = row[m]!;
  }

  /** The finished table (views over the filled part of the buffers). */
  build(): SimulatedSamplerTable {
    const n = this.rows;
    return {
      sampler: this.sampler,
      metricNames: this.metricNames,
      rowCount: n,
      timestamp: this.timestamp.subarray(0, n),
      componentId: this.componentId.subarray(0, n),
      jobId: this.jobId.subarray(0, n),
      appId: this.appId.subarray(0, n),
      metrics: this.values.map((v) => v.subarray(0, n)),
    };
  }
}

/** The table as an arquero table with the DSOS column names (id columns first). */
export function samplerTableToArquero(table: SimulatedSamplerTable): aq.ColumnTable {
  const columns: Record<string, Float64Array> = {
    [SAMPLER_ID_COLUMNS[0]]: table.timestamp,
    [SAMPLER_ID_COLUMNS[1]]: table.componentId,
    [SAMPLER_ID_COLUMNS[2]]: table.jobId,
    [SAMPLER_ID_COLUMNS[3]]: table.appId,
  };
  table.metricNames.forEach((name, i) => (columns[name] = table.metrics[i]!));
  return aq.table(columns);
}
