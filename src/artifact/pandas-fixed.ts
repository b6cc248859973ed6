/**
 * pandas' `fixed` HDF5 layout (`DataFrame.to_hdf(path, key)`, the default; pandas_type `frame`).
 * The frame's group holds
 * - `axis0`: the column labels (fixed-width strings), `axis1`: the row index;
 * - per block of same-dtype columns (`nblocks` attribute) `block{i}_items` (the block's column
 *   labels) and `block{i}_values`, stored transposed: shape (rows, block columns), row-major,
 *   so the value of row r, block column j is element r * width + j. A datetime64 block is int64
 *   nanoseconds with the attribute `value_type = "datetime64"`. An object block (Python
 *   strings, mixed objects) is a VLArray whose single row is a pickled numpy object array of
 *   the same (rows, width) shape.
 * Row index: only its length is used (the tidy table keeps its ids in columns). A MultiIndex on
 * either axis (`axis*_variety = "multi"`) is refused.
 */
import type { Dataset, Group } from 'h5wasm/node';
import { ArtifactInputError } from './errors.js';
import { attribute, datasetValue, isDataset, numberAttribute, stringAttribute } from './hdf5.js';
import { NAT, nanosecondsToSeconds, type PandasColumn, type PandasFrame } from './pandas-frame.js';
import { isPickledArray, readPickle, type PickleValue } from './python-pickle.js';

/** Reads the fixed-layout frame in `group` of `file`. Errors name the file, key and block. */
export function readFixedFrame(group: Group, file: string): PandasFrame {
  const key = group.path;
  const fail = (problem: string, column?: string): never => {
    throw new ArtifactInputError(problem, file, { key, column });
  };
  const ndim = numberAttribute(group, 'ndim');
  if (ndim !== undefined && ndim !== 2) fail(`a ${ndim}-dimensional pandas object; only 2-dimensional DataFrames are read`);
  for (const axis of ['axis0', 'axis1']) {
    const variety = stringAttribute(group, `${axis}_variety`);
    if (variety !== undefined && variety !== 'regular') {
      fail(`the ${axis === 'axis0' ? 'column' : 'row'} index is a ${variety === 'multi' ? 'MultiIndex' : variety} index, which this reader does not read; write the frame after df.reset_index() (rows) or with flat column names`);
    }
  }
  const names = stringArray(child(group, 'axis0', file), file, key, 'the column labels (axis0)');
  const axis1 = child(group, 'axis1', file);
  const rows = axis1.shape?.[0] ?? 0;
  const nblocks = numberAttribute(group, 'nblocks');
  if (nblocks === undefined) fail('the frame has no "nblocks" attribute');

  const byName = new Map<string, PandasColumn>();
  for (let b = 0; b < nblocks!; b++) {
    const items = stringArray(child(group, `block${b}_items`, file), file, key, `the labels of block ${b}`);
    const values = child(group, `block${b}_values`, file);
    for (const column of readBlock(values, items, rows, file, key)) {
      if (byName.has(column.name)) fail('the column label appears twice', column.name);
      byName.set(column.name, column);
    }
  }
  const columns = names.map((name) => byName.get(name) ?? fail('a column of axis0 is in no block', name));
  return { file, key, layout: 'fixed', rows, columns };
}

function child(group: Group, name: string, file: string): Dataset {
  const entity = group.get(name);
  if (!isDataset(entity)) throw new ArtifactInputError(`the fixed-layout frame has no dataset "${name}"`, file, { key: group.path });
  return entity;
}

function stringArray(dataset: Dataset, file: string, key: string, what: string): string[] {
  const value = datasetValue(dataset, file, { key });
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ArtifactInputError(`${what} are not text; only string column labels are read`, file, { key });
  }
  return value as string[];
}

function readBlock(dataset: Dataset, items: string[], rows: number, file: string, key: string): PandasColumn[] {
  const width = items.length;
  const where = { key, column: items[0] };
  const label = `block ${(dataset.path.split('/').pop() ?? '').replace(/^block(\d+)_values$/, '$1')} (${items.map((n) => `"${n}"`).join(', ')})`;
  if (stringAttribute(dataset, 'CLASS') === 'VLARRAY') {
    if (stringAttribute(dataset, 'PSEUDOATOM') !== 'object') throw new ArtifactInputError(`${label} is a variable-length array of a kind pandas does not write`, file, where);
    return objectBlock(dataset, items, rows, file, key, label);
  }
  const transposed = attribute(dataset, 'transposed');
  const isTransposed = transposed === undefined ? true : Number((transposed as ArrayLike<number>)[0] ?? transposed) !== 0;
  const shape = dataset.shape ?? [];
  const expected = isTransposed ? [rows, width] : [width, rows];
  if (rows * width > 0 && (shape.length !== 2 || shape[0] !== expected[0] || shape[1] !== expected[1])) {
    throw new ArtifactInputError(`${label} has shape (${shape.join(', ')}), expected (${expected.join(', ')})`, file, where);
  }
  const valueType = stringAttribute(dataset, 'value_type');
  const meta = dataset.metadata;
  let dtype: string;
  if (valueType === 'datetime64') dtype = 'datetime64[ns]';
  else if (valueType !== undefined) throw new ArtifactInputError(`${label} holds ${valueType} values, a dtype this reader does not read (it reads numbers, booleans, datetime64 and strings)`, file, where);
  else dtype = numericDtype(meta, dataset.dtype) ?? unsupported(meta, dataset.dtype, label, file, where);
  const raw = rows * width === 0 ? [] : (datasetValue(dataset, file, where) as ArrayLike<number | bigint | boolean>);
  return items.map((name, j) => {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = raw[isTransposed ? r * width + j : j * rows + r]!;
      values[r] = dtype === 'datetime64[ns]' ? (v === NAT || v === Number(NAT) ? NaN : nanosecondsToSeconds(v as number | bigint)) : Number(v);
    }
    return { name, dtype, values };
  });
}

function objectBlock(dataset: Dataset, items: string[], rows: number, file: string, key: string, label: string): PandasColumn[] {
  const where = { key, column: items[0] };
  const value = datasetValue(dataset, file, where);
  const bytes = Array.isArray(value) ? value[0] : undefined;
  if (!(bytes instanceof Uint8Array)) throw new ArtifactInputError(`${label} has no pickled object array`, file, where);
  let array: PickleValue;
  try {
    array = readPickle(bytes);
  } catch (err) {
    throw new ArtifactInputError(`${label}: ${err instanceof Error ? err.message : String(err)}`, file, where);
  }
  const width = items.length;
  if (!isPickledArray(array)) throw new ArtifactInputError(`${label} does not hold a numpy array`, file, where);
  const [r0, c0] = array.shape;
  if (array.shape.length !== 2 || r0 !== rows || c0 !== width) {
    throw new ArtifactInputError(`${label} holds an array of shape (${array.shape.join(', ')}), expected (${rows}, ${width})`, file, where);
  }
  const cells = array.items;
  return items.map((name, j) => ({
    name,
    dtype: 'object',
    values: Array.from({ length: rows }, (_, r) => {
      const v = cells[r * width + j]!;
      return typeof v === 'number' && Number.isNaN(v) ? null : v;
    }),
  }));
}

interface TypeMetadata {
  type: number;
  size: number;
  signed?: boolean;
  compound_type?: { members: { name: string }[] };
}

/** pandas' dtype name of an HDF5 numeric type, or undefined for types it does not map. */
export function numericDtype(meta: unknown, _dtype?: unknown): string | undefined {
  const m = meta as TypeMetadata;
  if (m.type === 0) return `${m.signed ? 'int' : 'uint'}${m.size * 8}`;
  if (m.type === 1 && (m.size === 4 || m.size === 8)) return `float${m.size * 8}`;
  if ((m.type === 4 || m.type === 8) && m.size === 1) return 'bool';
  return undefined;
}

/** Throws the "dtype we do not read" error, naming the dtype as numpy would. */
export function unsupported(meta: unknown, dtype: unknown, label: string, file: string, where: { key: string; column?: string }): never {
  const m = meta as TypeMetadata;
  const members = m.compound_type?.members.map((x) => x.name) ?? [];
  const name =
    m.type === 6 && members.length === 2 && members[0] === 'r' && members[1] === 'i'
      ? `complex${m.size * 8}`
      : m.type === 1
        ? `float${m.size * 8}`
        : JSON.stringify(dtype);
  throw new ArtifactInputError(`${label} has dtype ${name}, which this reader does not read (it reads integers, float32/float64, booleans, datetime64 and strings)`, file, where);
}
