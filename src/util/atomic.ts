/**
 * Atomic file output: write to a temporary name beside the target, then rename over it, so a
 * failure never leaves a partial file (or folder) behind under the final name.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Writes `data` to `path` atomically, creating the parent folder when missing; a list of byte
 * chunks is written one after the other in one gathering write (no joined copy).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
    else {
      const file = await open(tmp, 'w');
      try {
        await writeAll(file, data);
      } finally {
        await file.close();
      }
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Writes all of `chunks` at the file's current position, however many calls that takes. */
async function writeAll(file: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks.filter((c) => c.byteLength > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await file.writev(rest as Uint8Array[]);
    // a short write (rare on files): skip what went out, resume within the chunk it stopped in
    let k = 0;
    while (k < rest.length && bytesWritten >= rest[k]!.byteLength) bytesWritten -= rest[k++]!.byteLength;
    rest = rest.slice(k);
    if (rest.length > 0 && bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten);
  }
}

/**
 * Writes byte chunks to `path` atomically, in the order `produce` hands them to `append`:
 * each `append` queues its chunks behind the earlier ones and returns a promise of their being
 * written, so that the producer may go on (e.g. formatting the next part) while they are. The
 * file appears under its name only when `produce` resolves and every chunk is written.
 */
export async function writeChunksAtomic(
  path: string,
  produce: (append: (chunks: readonly Uint8Array[]) => Promise<void>) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  try {
    const file = await open(tmp, 'w');
    let queue: Promise<void> = Promise.resolve();
    try {
      await produce((chunks) => (queue = queue.then(() => writeAll(file, chunks))));
      await queue;
    } finally {
      // a failed producer still lets queued writes finish before the file is closed
      await queue.catch(() => undefined);
      await file.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Streams text chunks to `path` atomically: `produce` receives a `write` function (which
 * honours back-pressure) and the file appears under its name only when `produce` resolves.
 */
export async function streamFileAtomic(
  path: string,
  produce: (write: (chunk: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  const out = createWriteStream(tmp);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = (chunk: string): Promise<void> =>
    out.write(chunk) ? Promise.resolve() : Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  try {
    await produce(write);
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
    await rename(tmp, path);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Fills a folder atomically: `fill` writes into a fresh temporary folder, which then replaces
 * `dir` (an existing `dir` is removed only after `fill` succeeded).
 */
export async function writeDirAtomic(dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  const tmp = temporaryName(dir);
  await mkdir(tmp, { recursive: true });
  try {
    await fill(tmp);
    const old = `${tmp}.old`;
    let hadOld = false;
    try {
      await rename(dir, old);
      hadOld = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rename(tmp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
