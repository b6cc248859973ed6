/**
 * The slice of the WebAssembly JS API this project uses, typed (its TypeScript libs, ES2023
 * without the DOM, leave `WebAssembly` out): the VAE's generated kernels (model/) and the
 * compiled feature kernels (util/wasm-kernels.ts).
 */

/** A WebAssembly.Memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

/** The global `WebAssembly` object. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
