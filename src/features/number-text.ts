/**
 * Rows of doubles as CSV text, exactly as `String(x)` writes each (shortest round trip, JS
 * layout), by the WebAssembly kernel kernels/shortest-decimal.ts: ~4x faster than V8's own
 * conversion called from JavaScript, and no string per value.
 */
import { KernelBuffer, kernels } from '../util/wasm-kernels.js';

/** Entries of the two tables the kernel reads (its POW5_INV_COUNT and the POW5 count). */
const POW5_INV_COUNT = 342;
const POW5_COUNT = 326;
const MASK64 = (1n << 64n) - 1n;

/** ceil(log2(5^e)) as the kernel computes it (1 for e = 0). */
const pow5bits = (e: number): number => ((e * 1217359) >>> 19) + 1;

/**
 * The kernel's tables as (low, high) u64 pairs: POW5_INV[q] = floor(2^(pow5bits(q) + 124) / 5^q) + 1
 * for q < 342, then POW5[i] = 5^i scaled to exactly 125 bits (truncated) for i < 326.
 */
export function pow5Tables(): BigUint64Array {
  const words = new BigUint64Array(2 * (POW5_INV_COUNT + POW5_COUNT));
  const put = (index: number, value: bigint): void => {
    words[2 * index] = value & MASK64;
    words[2 * index + 1] = value >> 64n;
  };
  for (let q = 0; q < POW5_INV_COUNT; q++) put(q, (1n << BigInt(pow5bits(q) + 124)) / 5n ** BigInt(q) + 1n);
  for (let i = 0; i < POW5_COUNT; i++) {
    const shift = pow5bits(i) - 125;
    const power = 5n ** BigInt(i);
    put(POW5_INV_COUNT + i, shift >= 0 ? power >> BigInt(shift) : power << BigInt(-shift));
  }
  return words;
}

/** Bytes the longest field needs: `-2.2250738585072014e-308` and its comma. */
const MAX_FIELD_BYTES = 25;
/**
 * Values per kernel call: a wasm function runs its first calls unoptimised (V8 replaces it by
 * optimised code between calls, never within one), so a long row goes in many short calls.
 */
const CHUNK_VALUES = 2048;

/** Formats rows of doubles as CSV fields through the kernel; one per thread (it owns kernel memory). */
export class RowTextFormatter {
  private readonly values = new KernelBuffer();
  private readonly text = new KernelBuffer();

  /**
   * Writes values `[base, base + width)` as comma-separated fields (NaN: empty) into `bytes`
   * from `at`; returns the position after the last byte (`bytes` needs 25 bytes per value).
   */
  write(values: Float64Array, base: number, width: number, bytes: Uint8Array, at: number): number {
    const tables = kernelPow5Tables();
    const k = kernels();
    const chunk = Math.min(width, CHUNK_VALUES);
    const textPointer = this.text.pointer(Math.ceil((chunk * MAX_FIELD_BYTES) / 8) + 1);
    const valuesPointer = this.values.pointer(chunk);
    let p = at;
    for (let from = 0; from < width; from += CHUNK_VALUES) {
      const count = Math.min(CHUNK_VALUES, width - from);
      if (from > 0) bytes[p++] = 44;
      k.f64.set(values.subarray(base + from, base + from + count), valuesPointer / 8);
      const length = k.fn.formatRow(valuesPointer, count, textPointer, tables);
      bytes.set(k.u8.subarray(textPointer, textPointer + length), p);
      p += length;
    }
    return p;
  }
}

let kernelTables = -1;

/**
 * The pointer of {@link pow5Tables} in this thread's kernel memory, written there once: for
 * other kernels that call kernels/shortest-decimal.ts's digit functions.
 */
export function kernelPow5Tables(): number {
  if (kernelTables < 0) {
    const words = pow5Tables();
    const k = kernels();
    kernelTables = k.reserve(words.length);
    new BigUint64Array(k.f64.buffer, kernelTables, words.length).set(words);
  }
  return kernelTables;
}
