/**
 * The TensorFlow.js backend, chosen once per process: native `@tensorflow/tfjs-node` when it is
 * really installed, else WebAssembly (`@tensorflow/tfjs-backend-wasm`, SIMD, one thread), else
 * the plain JavaScript `cpu` backend.
 *
 * Why not wasm threads: in Node the threaded build would start its pthread workers from `blob:`
 * URLs, which Node's `Worker` rejects, and tfjs itself reports no thread support in Node. Use
 * several trainings in worker threads instead (see `train-worker.ts`).
 *
 * Why the package name check: this project's package.json overrides `@tensorflow/tfjs-node`
 * with plain `@tensorflow/tfjs` (danfojs wants the name), so a folder of that name exists in
 * node_modules without the native binding. Only a package.json whose `name` is
 * `@tensorflow/tfjs-node` counts as the real one.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The backends this library knows how to run on, fastest first. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** What `useBestBackend` settled on, and why the faster ones were not used. */
export interface BackendReport {
  /** The active tfjs backend name: `tensorflow` (tfjs-node), `wasm` or `cpu`. */
  readonly name: BackendName;
  /** One line for a user: the backend and its mode, e.g. "wasm (SIMD, 1 thread)". */
  readonly description: string;
  /** Reasons the faster backends were skipped (empty when the fastest one is active). */
  readonly skipped: readonly string[];
}

const require = createRequire(import.meta.url);
let chosen: Promise<BackendReport> | null = null;

/**
 * Chooses and activates the backend, once per process (later calls return the same report).
 * `prefer` restricts the choice (e.g. `['wasm', 'cpu']` to skip tfjs-node, or `['cpu']` for
 * tests); it only has an effect on the first call. The environment variable
 * `PRODIGY_BACKEND` (tensorflow | wasm | cpu) does the same for a whole process.
 */
export function useBestBackend(prefer?: readonly BackendName[]): Promise<BackendReport> {
  if (!chosen) {
    const fromEnv = process.env.PRODIGY_BACKEND;
    const order = prefer ?? (fromEnv ? [parseBackendName(fromEnv)] : ['tensorflow', 'wasm', 'cpu']);
    chosen = activate(order);
  }
  return chosen;
}

/** The name of the active tfjs backend when it is one of ours, else null. */
export function activeBackend(): BackendName | null {
  const name = tf.getBackend();
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : null;
}

function parseBackendName(text: string): BackendName {
  if (text === 'tensorflow' || text === 'wasm' || text === 'cpu') return text;
  throw new Error(`PRODIGY_BACKEND is "${text}": expected one of tensorflow, wasm, cpu`);
}

async function activate(order: readonly BackendName[]): Promise<BackendReport> {
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const description = await tryBackend(name);
      return { name, description, skipped };
    } catch (err) {
      skipped.push(`${name}: ${(err as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could be started (${skipped.join('; ')})`);
}

async function tryBackend(name: BackendName): Promise<string> {
  if (name === 'tensorflow') {
    const manifest = packageManifest('@tensorflow/tfjs-node');
    if (manifest?.name !== '@tensorflow/tfjs-node') {
      throw new Error(
        manifest ? `the installed "@tensorflow/tfjs-node" is really ${manifest.name} (an npm override)` : 'not installed',
      );
    }
    await import('@tensorflow/tfjs-node' as string);
    if (!(await tf.setBackend('tensorflow'))) throw new Error('tfjs-node failed to initialise');
    return `tensorflow (tfjs-node ${manifest.version}, native)`;
  }
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const manifestPath = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    wasm.setWasmPaths(join(dirname(manifestPath), 'dist') + '/');
    // Node gets the single-threaded build; say so explicitly rather than rely on detection.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return `wasm (${simd ? 'SIMD' : 'no SIMD'}, 1 thread)`;
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend failed to initialise');
  return 'cpu (plain JavaScript)';
}

function packageManifest(name: string): { name: string; version: string } | null {
  try {
    const path = require.resolve(`${name}/package.json`);
    return JSON.parse(readFileSync(path, 'utf8')) as { name: string; version: string };
  } catch {
    return null;
  }
}
