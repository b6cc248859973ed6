/**
 * The dense numeric matrix the model stage works on: `rows` samples of `cols` values, row-major
 * (`values[r * cols + c]`). A `FeatureMatrix` from the features stage is accepted as it is
 * (its width is its number of columns); so are plain arrays of rows.
 */

/** A row-major matrix of float values. */
export interface NumericMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array | Float64Array;
}

/** Anything `toMatrix` accepts: a NumericMatrix, a FeatureMatrix-like object, or rows of numbers. */
export type MatrixInput =
  | NumericMatrix
  | { readonly rows: number; readonly columns: readonly string[]; readonly values: Float32Array | Float64Array }
  | readonly (readonly number[])[];

/** Normalises `input` to a NumericMatrix (no copy when it already is one); `what` names it in errors. */
export function toMatrix(input: MatrixInput, what = 'matrix'): NumericMatrix {
  if (Array.isArray(input)) {
    const rows = input as readonly (readonly number[])[];
    const cols = rows.length > 0 ? rows[0]!.length : 0;
    const values = new Float64Array(rows.length * cols);
    rows.forEach((row, r) => {
      if (row.length !== cols) throw new Error(`${what}: row ${r} has ${row.length} values, row 0 has ${cols}`);
      values.set(row, r * cols);
    });
    return { rows: rows.length, cols, values };
  }
  const m = input as { rows: number; cols?: number; columns?: readonly string[]; values: Float32Array | Float64Array };
  const cols = m.cols ?? m.columns?.length;
  if (cols === undefined) throw new Error(`${what}: neither cols nor columns given`);
  if (m.values.length !== m.rows * cols) {
    throw new Error(`${what}: ${m.values.length} values for ${m.rows} rows x ${cols} columns`);
  }
  return { rows: m.rows, cols, values: m.values };
}

/** Throws naming `what`, the row and the column of the first value that is not finite. */
export function assertFinite(m: NumericMatrix, what: string): void {
  for (let i = 0; i < m.values.length; i++) {
    if (!Number.isFinite(m.values[i]!)) {
      throw new Error(`${what}: value at row ${Math.floor(i / m.cols)}, column ${i % m.cols} is ${m.values[i]} (must be finite)`);
    }
  }
}
