/**
 * HDF5 access for the artifact readers, over h5wasm (the HDF5 C library built to WebAssembly,
 * shipped inside the npm package; in Node it reads the host file system directly).
 *
 * What pandas' files need beyond plain datasets: attributes that PyTables stored as protocol-0
 * pickles (lists, tuples, dicts — see python-pickle.ts), and a check of each dataset's filters
 * before reading, because a compressor the WebAssembly build lacks (blosc, lzo, bzip2: PyTables
 * registers them itself) would otherwise fail deep inside HDF5.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Dataset, Entity, File as H5File, Group } from 'h5wasm/node';
import { ArtifactInputError, type ArtifactLocation } from './errors.js';
import { readPickle, type PickleValue } from './python-pickle.js';

type H5wasm = typeof import('h5wasm/node');
let loading: Promise<H5wasm> | undefined;

/** h5wasm, loaded and initialised once. */
async function h5wasm(): Promise<H5wasm> {
  loading ??= import('h5wasm/node').then(async (lib) => {
    await lib.ready;
    return lib;
  });
  return loading;
}

/** The 8-byte HDF5 signature; the superblock sits at byte 0, 512, 1024, 2048, ... */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the file at `path` starts an HDF5 superblock at 0 or a power-of-two offset from 512 (the spec's user block). */
export async function hasHdf5Signature(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(8);
    for (let offset = 0; offset + 8 <= size; offset = offset === 0 ? 512 : offset * 2) {
      await handle.read(buffer, 0, 8, offset);
      if (SIGNATURE.every((b, i) => buffer[i] === b)) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * Opens `path` read-only. Throws an {@link ArtifactInputError} when the file is missing or is
 * not HDF5 (checked by its signature before HDF5 sees it).
 */
export async function openHdf5(path: string): Promise<H5File> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ArtifactInputError('not a file', path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ArtifactInputError('the file does not exist', path);
    throw err;
  }
  if (!(await hasHdf5Signature(path))) throw new ArtifactInputError('not an HDF5 file (no HDF5 signature); pandas writes these with DataFrame.to_hdf', path);
  const lib = await h5wasm();
  try {
    return new lib.File(resolve(path), 'r');
  } catch (err) {
    throw new ArtifactInputError(`HDF5 cannot open it: ${err instanceof Error ? err.message : String(err)}`, path);
  }
}

/** Whether an entity is a group (h5wasm's classes are compared by their type tag). */
export function isGroup(entity: Entity | null | undefined): entity is Group {
  return !!entity && (entity as { type?: string }).type === 'Group';
}

/** Whether an entity is a dataset. */
export function isDataset(entity: Entity | null | undefined): entity is Dataset {
  return !!entity && (entity as { type?: string }).type === 'Dataset';
}

/** The raw value of attribute `name`, or undefined when absent. */
export function attribute(entity: Group | Dataset, name: string): unknown {
  const attrs = entity.attrs;
  if (!(name in attrs)) return undefined;
  return attrs[name]!.value;
}

/** Attribute `name` as text (fixed-width or variable strings), or undefined when absent or not text. */
export function stringAttribute(entity: Group | Dataset, name: string): string | undefined {
  const v = attribute(entity, name);
  return typeof v === 'string' ? v : undefined;
}

/** Attribute `name` as a number (any integer or float type), or undefined. */
export function numberAttribute(entity: Group | Dataset, name: string): number | undefined {
  const v = attribute(entity, name);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (ArrayBuffer.isView(v) && (v as unknown as ArrayLike<number>).length === 1) return Number((v as unknown as ArrayLike<number | bigint>)[0]);
  return undefined;
}

/**
 * Attribute `name` holding a PyTables protocol-0 pickle (PyTables pickles every attribute that
 * is not a scalar or a numpy array): its Python value, or undefined when absent.
 */
export function pickledAttribute(entity: Group | Dataset, name: string, file: string, where: ArtifactLocation): PickleValue | undefined {
  const text = stringAttribute(entity, name);
  if (text === undefined) return undefined;
  try {
    return readPickle(text);
  } catch (err) {
    throw new ArtifactInputError(`the attribute "${name}" of ${entity.path} is not a readable pickle: ${err instanceof Error ? err.message : String(err)}`, file, where);
  }
}

/** HDF5 filters the h5wasm build decodes: deflate (zlib), shuffle, fletcher32, nbit, scaleoffset. */
const DECODABLE_FILTERS = new Set([1, 2, 3, 5, 6]);

/**
 * The value of a dataset, after checking that its filters can be decoded (a blosc, lzo or bzip2
 * compressed dataset — pandas' `complib` — is refused with the filter's name and the way out).
 */
export function datasetValue(dataset: Dataset, file: string, where: ArtifactLocation): unknown {
  for (const filter of dataset.filters) {
    if (!DECODABLE_FILTERS.has(filter.id)) {
      throw new ArtifactInputError(
        `${dataset.path} is compressed with ${filter.name || 'an unknown filter'} (HDF5 filter ${filter.id}), which this reader cannot decode; ` +
          `rewrite the file with complib="zlib" or without compression (pd.read_hdf(...).to_hdf(path, key, complib="zlib", complevel=...))`,
        file,
        where,
      );
    }
  }
  try {
    return dataset.value;
  } catch (err) {
    throw new ArtifactInputError(`HDF5 cannot read ${dataset.path}: ${err instanceof Error ? err.message : String(err)}`, file, where);
  }
}
