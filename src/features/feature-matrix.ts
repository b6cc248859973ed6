/**
 * The feature matrix: one row per sample (job_id, component_id) or per window of a sample,
 * named feature columns, and the values in one dense row-major Float64Array.
 */
import { table as makeTable, type ColumnTable } from 'arquero';
import type { KeyValue } from './tidy-samples.js';
import { selectValueColumns, splitNaNColumns } from './value-columns.js';

/** The row keys: job and component per row, plus the window start (and end) with rolling windows. */
export interface FeatureKeys {
  readonly jobId: readonly KeyValue[];
  readonly componentId: readonly KeyValue[];
  /** Timestamp of each window's first row (null without windows). */
  readonly windowStart: readonly KeyValue[] | null;
  /** Timestamp tsfresh names each window by: its last row rolling forward, its first rolling backward. */
  readonly windowEnd: readonly KeyValue[] | null;
}

export class FeatureMatrix {
  /** Number of rows. */
  readonly rows: number;

  /**
   * `values[r * columns.length + c]` is feature `columns[c]` of row r. Throws when the sizes
   * do not agree.
   */
  constructor(
    readonly keys: FeatureKeys,
    readonly columns: readonly string[],
    readonly values: Float64Array,
  ) {
    this.rows = keys.jobId.length;
    if (keys.componentId.length !== this.rows) throw new Error('feature matrix: job_id and component_id keys differ in length');
    if (keys.windowStart && keys.windowStart.length !== this.rows) throw new Error('feature matrix: window_start keys differ in length');
    if (values.length !== this.rows * columns.length) {
      throw new Error(`feature matrix: ${values.length} values for ${this.rows} rows x ${columns.length} columns`);
    }
  }

  /** Feature `column` of row `row`. */
  get(row: number, column: number): number {
    return this.values[row * this.columns.length + column]!;
  }

  /** The values of one column (a copy), by index or name. */
  column(column: number | string): Float64Array {
    const c = typeof column === 'number' ? column : this.columnIndex(column);
    const width = this.columns.length;
    const out = new Float64Array(this.rows);
    for (let r = 0; r < this.rows; r++) out[r] = this.values[r * width + c]!;
    return out;
  }

  /** The index of column `name`; throws naming it when absent. */
  columnIndex(name: string): number {
    const index = this.columns.indexOf(name);
    if (index < 0) throw new Error(`feature matrix has no column "${name}"`);
    return index;
  }

  /** A new matrix with only the columns at `indices`, in that order. */
  selectColumns(indices: readonly number[]): FeatureMatrix {
    const values = selectValueColumns(this.values, this.rows, this.columns.length, indices);
    return new FeatureMatrix(this.keys, indices.map((i) => this.columns[i]!), values);
  }

  /** A new matrix with the named columns, in that order (throws naming a missing one). */
  selectNames(names: readonly string[]): FeatureMatrix {
    const index = new Map(this.columns.map((name, i) => [name, i]));
    return this.selectColumns(
      names.map((name) => {
        const i = index.get(name);
        if (i === undefined) throw new Error(`feature matrix has no column "${name}"`);
        return i;
      }),
    );
  }

  /**
   * Drops every column that holds a NaN in any row, as the original did with pandas'
   * `dropna(axis=1)` (infinite values are kept, as pandas keeps them). Returns the new
   * matrix and the dropped column names in column order.
   */
  dropNaNColumns(): { matrix: FeatureMatrix; dropped: string[] } {
    const { keep, withNaN } = splitNaNColumns(this.values, this.columns.length);
    const dropped = withNaN.map((c) => this.columns[c]!);
    if (dropped.length === 0) return { matrix: this, dropped };
    return { matrix: this.selectColumns(keep), dropped };
  }

  /** The key column names then the feature names, as the CLI writes them. */
  header(): string[] {
    return [...(this.keys.windowStart ? ['job_id', 'component_id', 'window_start'] : ['job_id', 'component_id']), ...this.columns];
  }

  /** One row as CSV cells (keys then values; NaN stays NaN, the CSV writer leaves it empty). */
  *rowCells(): Generator<(number | string)[]> {
    const width = this.columns.length;
    for (let r = 0; r < this.rows; r++) {
      const cells: (number | string)[] = [this.keys.jobId[r]!, this.keys.componentId[r]!];
      if (this.keys.windowStart) cells.push(this.keys.windowStart[r]!);
      const base = r * width;
      for (let c = 0; c < width; c++) cells.push(this.values[base + c]!);
      yield cells;
    }
  }

  /** An arquero table: job_id, component_id[, window_start], then one Float64Array column per feature. */
  toTable(): ColumnTable {
    const data: Record<string, ArrayLike<unknown>> = { job_id: [...this.keys.jobId], component_id: [...this.keys.componentId] };
    if (this.keys.windowStart) data.window_start = [...this.keys.windowStart];
    this.columns.forEach((name, c) => {
      if (name in data) throw new Error(`feature matrix: feature column "${name}" clashes with a key column`);
      data[name] = this.column(c);
    });
    return makeTable(data);
  }
}
