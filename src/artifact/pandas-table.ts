/**
 * pandas' `table` HDF5 layout (`DataFrame.to_hdf(path, key, format="table")`; pandas_type
 * `frame_table`, table_type `appendable_frame`). The frame's group holds one PyTables table,
 * `table`: a compound dataset with the row index in the field `index` and the columns in
 * `values_cols` fields — `values_block_{i}` (an array field: several same-dtype columns side by
 * side) or one scalar field per data column (`data_columns=`). The attributes, PyTables
 * pickles, say which column is where:
 * - group `non_index_axes` = [(1, [column labels in frame order])], `values_cols`;
 * - table `{field}_kind` = [column labels of the field], `{field}_dtype` (e.g. `float64`,
 *   `int64`, `datetime64`, `bytes24`), `{field}_meta` (`category` for a categorical: refused).
 * Strings are fixed-width bytes; the group's `nan_rep` spells a missing string.
 */
import type { Dataset, Group } from 'h5wasm/node';
import { ArtifactInputError } from './errors.js';
import { datasetValue, isDataset, pickledAttribute, stringAttribute } from './hdf5.js';
import { NAT, nanosecondsToSeconds, type PandasColumn, type PandasFrame } from './pandas-frame.js';
import type { PickleValue } from './python-pickle.js';

/** Reads the table-layout frame in `group` of `file`. Errors name the file, key and column. */
export function readTableFrame(group: Group, file: string): PandasFrame {
  const key = group.path;
  const fail = (problem: string, column?: string): never => {
    throw new ArtifactInputError(problem, file, { key, column });
  };
  const tableType = stringAttribute(group, 'table_type');
  if (tableType !== undefined && tableType !== 'appendable_frame') {
    fail(`a table of type "${tableType}"${tableType.includes('multi') ? ' (a MultiIndex row index)' : ''}, which this reader does not read; write the frame after df.reset_index()`);
  }
  const table = group.get('table');
  if (!isDataset(table)) return fail('the table-layout frame has no "table" dataset');
  const where = { key };
  const axes = pickledAttribute(group, 'non_index_axes', file, where);
  const order = Array.isArray(axes) && Array.isArray(axes[0]) && Array.isArray(axes[0][1]) ? (axes[0][1] as PickleValue[]) : fail('the attribute "non_index_axes" does not list the columns');
  if (!order.every((n) => typeof n === 'string')) fail('only string column labels are read');
  const valuesCols = pickledAttribute(group, 'values_cols', file, where);
  if (!Array.isArray(valuesCols) || !valuesCols.every((n) => typeof n === 'string')) return fail('the attribute "values_cols" does not list the table fields');
  const nanRep = stringAttribute(group, 'nan_rep') ?? 'nan';

  const fields = fieldNames(table);
  const rows = table.shape?.[0] ?? 0;
  const records = rows === 0 ? [] : (datasetValue(table, file, where) as PickleValue[][]);
  const byName = new Map<string, PandasColumn>();
  for (const field of valuesCols as string[]) {
    const at = fields.indexOf(field);
    if (at < 0) fail(`the table has no field "${field}" named in values_cols`);
    const labels = pickledAttribute(table, `${field}_kind`, file, where);
    if (!Array.isArray(labels) || !labels.every((n) => typeof n === 'string')) return fail(`the attribute "${field}_kind" does not list the field's columns`);
    const meta = pickledAttribute(table, `${field}_meta`, file, where);
    if (meta === 'category') fail(`the field "${field}" holds categorical columns, which this reader does not read; write them with .astype(str) or as numbers`, labels[0] as string);
    const dtype = stringAttribute(table, `${field}_dtype`) ?? '';
    const scalarField = fieldShape(table, at).length === 0;
    (labels as string[]).forEach((name, j) => {
      const cell = (r: number): PickleValue => {
        const v = records[r]![at]!;
        return scalarField ? v : (v as PickleValue[])[j]!;
      };
      if (byName.has(name)) fail('the column label appears twice', name);
      byName.set(name, column(name, dtype, rows, cell, nanRep, file, key));
    });
  }
  const columns = (order as string[]).map((name) => byName.get(name) ?? fail('a column of non_index_axes is in no table field', name));
  return { file, key, layout: 'table', rows, columns };
}

function column(name: string, dtype: string, rows: number, cell: (r: number) => PickleValue, nanRep: string, file: string, key: string): PandasColumn {
  const base = dtype.replace(/\[.*\]$/, '');
  if (base === 'datetime64') {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = cell(r) as number | bigint;
      values[r] = v === NAT || v === Number(NAT) ? NaN : nanosecondsToSeconds(v);
    }
    return { name, dtype: 'datetime64[ns]', values };
  }
  if (/^(float|int|uint)\d+$|^bool$/.test(base)) {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = Number(cell(r));
    return { name, dtype: base, values };
  }
  if (/^(bytes|string|str)\d*$/.test(base)) {
    return { name, dtype: 'bytes', values: Array.from({ length: rows }, (_, r) => {
      const v = cell(r);
      return v === nanRep ? null : v;
    }) };
  }
  throw new ArtifactInputError(`the column has dtype ${dtype || '(not recorded)'}, which this reader does not read (it reads integers, float32/float64, booleans, datetime64 and strings)`, file, { key, column: name });
}

/** The field names of a compound (table) dataset, in order. */
function fieldNames(table: Dataset): string[] {
  const dtype = table.dtype;
  if (!Array.isArray(dtype)) return [];
  return (dtype as unknown[]).map((member) => (member as [string])[0]);
}

/** The array shape of field `at` of a compound dataset ([] for a scalar field). */
function fieldShape(table: Dataset, at: number): number[] {
  const member = (table.dtype as unknown[])[at] as [string, unknown, number[]?];
  return member[2] ?? [];
}
