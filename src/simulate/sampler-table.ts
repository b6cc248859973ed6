/**
 * A raw sampler table in the DSOS shape, held column-wise: `timestamp, component_id, job_id,
 * app_id`, then one Float64Array per metric. This is what a cluster's sampler export holds
 * before any transform (counters still cumulative, per-core columns still present).
 */
import * as aq from 'arquero';
import { SAMPLER_ID_COLUMNS, type SamplerName } from './eclipse-columns.js';

/** One sampler's rows, column-wise. */
export interface SamplerTable {
  readonly sampler: SamplerName;
  /** Metric column names, in file order (after the four id columns). */
  readonly metrics: readonly string[];
  readonly rowCount: number;
  /** Unix seconds with microseconds (the instant the sampler read /proc). */
  readonly timestamp: Float64Array;
  readonly componentId: Float64Array;
  readonly jobId: Float64Array;
  readonly appId: Float64Array;
  /** One array per metric, parallel to `metrics`. */
  readonly values: readonly Float64Array[];
}

/** The values of metric `name` in `table`; throws naming the sampler when it has no such column. */
export function samplerColumn(table: SamplerTable, name: string): Float64Array {
  const i = table.metrics.indexOf(name);
  if (i < 0) throw new Error(`sampler ${table.sampler} has no column "${name}"`);
  return table.values[i]!;
}

/** Grows a sampler table row by row into preallocated columns. */
export class SamplerTableBuilder {
  private rows = 0;
  private capacity: number;
  private timestamp: Float64Array;
  private componentId: Float64Array;
  private jobId: Float64Array;
  private appId: Float64Array;
  private values: Float64Array[];

  constructor(readonly sampler: SamplerName, readonly metrics: readonly string[], capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.timestamp = new Float64Array(this.capacity);
    this.componentId = new Float64Array(this.capacity);
    this.jobId = new Float64Array(this.capacity);
    this.appId = new Float64Array(this.capacity);
    this.values = metrics.map(() => new Float64Array(this.capacity));
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

  /** Appends one row; `row` holds the metrics in `metrics` order. */
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
  build(): SamplerTable {
    const n = this.rows;
    return {
      sampler: this.sampler,
      metrics: this.metrics,
      rowCount: n,
      timestamp: this.timestamp.subarray(0, n),
      componentId: this.componentId.subarray(0, n),
      jobId: this.jobId.subarray(0, n),
      appId: this.appId.subarray(0, n),
      values: this.values.map((v) => v.subarray(0, n)),
    };
  }
}

/** The table as an arquero table with the DSOS column names (id columns first). */
export function samplerTableToArquero(table: SamplerTable): aq.ColumnTable {
  const columns: Record<string, Float64Array> = {
    [SAMPLER_ID_COLUMNS[0]]: table.timestamp,
    [SAMPLER_ID_COLUMNS[1]]: table.componentId,
    [SAMPLER_ID_COLUMNS[2]]: table.jobId,
    [SAMPLER_ID_COLUMNS[3]]: table.appId,
  };
  table.metrics.forEach((name, i) => (columns[name] = table.values[i]!));
  return aq.table(columns);
}
