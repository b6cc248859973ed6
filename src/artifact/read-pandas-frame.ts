/**
 * `pd.read_hdf(path, key)` for DataFrames: finds the pandas objects of a file (groups carrying
 * the `pandas_type` attribute) and reads the one asked for in its layout.
 */
import type { Group } from 'h5wasm/node';
import { ArtifactInputError } from './errors.js';
import { isDataset, isGroup, openHdf5, stringAttribute } from './hdf5.js';
import type { PandasFrame } from './pandas-frame.js';
import { readFixedFrame } from './pandas-fixed.js';
import { readTableFrame } from './pandas-table.js';

/** A pandas object stored in an HDF5 file. */
export interface PandasKey {
  /** The key as pandas spells it (`/data`). */
  readonly key: string;
  /** Its `pandas_type`: `frame` (fixed), `frame_table` (table), `series`, ... */
  readonly pandasType: string;
}

const PANDAS_TYPE = 'pandas_type';
const LAYOUTS: Record<string, (group: Group, file: string) => PandasFrame> = {
  frame: readFixedFrame,
  frame_table: readTableFrame,
};

/** The pandas objects of an open file, in HDF5 order (groups with `pandas_type`, not looked into). */
function pandasKeys(root: Group): { keys: PandasKey[]; others: string[] } {
  const keys: PandasKey[] = [];
  const others: string[] = [];
  const walk = (group: Group): void => {
    for (const name of group.keys()) {
      const entity = group.get(name);
      if (isGroup(entity)) {
        const pandasType = stringAttribute(entity, PANDAS_TYPE);
        if (pandasType !== undefined) keys.push({ key: entity.path, pandasType });
        else walk(entity);
      } else if (isDataset(entity)) others.push(entity.path);
    }
  };
  walk(root);
  return { keys, others };
}

/** The pandas objects in the HDF5 file at `path` (what `HDFStore.keys()` lists, with their types). */
export async function listPandasKeys(path: string): Promise<PandasKey[]> {
  const file = await openHdf5(path);
  try {
    return pandasKeys(file).keys;
  } finally {
    file.close();
  }
}

/**
 * Reads the DataFrame under `key` (with or without the leading `/`) of the pandas HDF5 file at
 * `path`; without `key` the file must hold exactly one pandas object, as `pd.read_hdf` requires.
 * Throws an {@link ArtifactInputError} when the file is not HDF5, holds no pandas object (the
 * message lists what it holds), holds several and no key is given, lacks the key, holds a pandas
 * object other than a DataFrame (a Series, a Panel), or uses a layout, index or dtype this reader
 * does not read (named in the message).
 */
export async function readPandasFrame(path: string, key?: string): Promise<PandasFrame> {
  const file = await openHdf5(path);
  try {
    const { keys, others } = pandasKeys(file);
    if (keys.length === 0) {
      const holds = others.length ? `it holds ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}` : 'it holds no datasets';
      throw new ArtifactInputError(`HDF5, but not a pandas file: no group carries pandas' "${PANDAS_TYPE}" attribute (${holds}); write the data with DataFrame.to_hdf`, path);
    }
    let chosen: PandasKey | undefined;
    const list = keys.map((k) => `${k.key} (${k.pandasType})`).join(', ');
    if (key === undefined) {
      if (keys.length > 1) throw new ArtifactInputError(`the file holds several pandas objects: ${list}; give the key`, path);
      chosen = keys[0]!;
    } else {
      const wanted = key.startsWith('/') ? key : `/${key}`;
      chosen = keys.find((k) => k.key === wanted);
      if (!chosen) throw new ArtifactInputError(`no pandas object under the key "${key}"; the file holds ${list}`, path);
    }
    const read = LAYOUTS[chosen.pandasType];
    if (!read) {
      const what = chosen.pandasType.startsWith('series') ? 'a pandas Series' : `a pandas "${chosen.pandasType}" object`;
      throw new ArtifactInputError(`${what} (pandas_type "${chosen.pandasType}"), not a DataFrame; this reader reads DataFrames written by to_hdf in the fixed (pandas_type "frame") or table ("frame_table") layout`, path, { key: chosen.key });
    }
    const group = file.get(chosen.key);
    if (!isGroup(group)) throw new ArtifactInputError('the key is not a group', path, { key: chosen.key });
    return read(group, path);
  } finally {
    file.close();
  }
}
