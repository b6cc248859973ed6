/**
 * Column operations on a row-major matrix of feature values (`values[r * width + c]`), shared
 * by FeatureMatrix and the extraction (which runs without FeatureMatrix's arquero import).
 */

/**
 * A new row-major array with only the columns at `indices`, in that order; with `shared`, in a
 * SharedArrayBuffer (so that workers can read it without a copy).
 */
export function selectValueColumns(values: Float64Array, rows: number, width: number, indices: readonly number[], shared = false): Float64Array {
  const length = rows * indices.length;
  const out = shared ? new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8)).subarray(0, length) : new Float64Array(length);
  // runs of consecutive indices (e.g. all but the NaN columns) are copied whole, natively
  const runs: number[] = [];
  for (let j = 0; j < indices.length; ) {
    let end = j + 1;
    while (end < indices.length && indices[end] === indices[end - 1]! + 1) end++;
    runs.push(j, end);
    j = end;
  }
  for (let r = 0; r < rows; r++) {
    const from = r * width;
    const to = r * indices.length;
    for (let k = 0; k < runs.length; k += 2) {
      const j = runs[k]!;
      const end = runs[k + 1]!;
      const source = from + indices[j]!;
      if (end - j === 1) out[to + j] = values[source]!;
      else out.set(values.subarray(source, source + (end - j)), to + j);
    }
  }
  return out;
}

/**
 * The columns that hold a NaN in any row (pandas' `dropna(axis=1)` drops them; infinite values
 * do not count) and the others, both in column order.
 */
export function splitNaNColumns(values: Float64Array, width: number): { keep: number[]; withNaN: number[] } {
  const hasNaN = new Uint8Array(width);
  for (let i = 0, c = 0; i < values.length; i++) {
    if (values[i] !== values[i]) hasNaN[c] = 1;
    if (++c === width) c = 0;
  }
  const keep: number[] = [];
  const withNaN: number[] = [];
  for (let c = 0; c < width; c++) (hasNaN[c] ? withNaN : keep).push(c);
  return { keep, withNaN };
}
