/**
 * Rows of doubles as CSV text, exactly as `String(x)` writes each (shortest round trip, JS
 * layout), by the WebAssembly kernel kernels/shortest-decimal.ts: ~30 ns per number, ~5x
 * faster than V8's own String() called from JavaScript (~150 ns on the features output), and
 * no string per value.
 */
import { KernelBuffer, kernels } from '../util/wasm-kernels.js';

/** The range of k of the kernel's phi_k (its MIN_K, and the largest k it uses). */
const MIN_K = -292;
const MAX_K = 326;
const MASK64 = (1n << 64n) - 1n;

/** floor(log2(10^k)) as the kernel computes it. */
const floorLog2Pow10 = (k: number): number => (k * 1741647) >> 19;

/**
 * The kernel's table as (low, high) u64 pairs: phi_k = ceil(10^k * 2^(127 - floor(log2 10^k))),
 * 10^k to 128 significant bits rounded up (2^127 <= phi_k < 2^128), for k = -292..326.
 */
export function pow10Tables(): BigUint64Array {
  const words = new BigUint64Array(2 * (MAX_K - MIN_K + 1));
  for (let k = MIN_K; k <= MAX_K; k++) {
    const shift = 127 - floorLog2Pow10(k);
    // 10^k 2^shift as the fraction numerator / denominator, then its ceiling
    let numerator = 10n ** BigInt(Math.max(k, 0));
    let denominator = 10n ** BigInt(Math.max(-k, 0));
    if (shift >= 0) numerator <<= BigInt(shift);
    else denominator <<= BigInt(-shift);
    const phi = (numerator + denominator - 1n) / denominator;
    words[2 * (k - MIN_K)] = phi & MASK64;
    words[2 * (k - MIN_K) + 1] = phi >> 64n;
  }
  return words;
}

/** Bytes the longest field needs: `-0.0000012345678901234567` (25 characters) and its comma. */
const MAX_FIELD_BYTES = 26;
/** Words after the text the kernel may overwrite (it stores 16 bytes at a time, up to 16 bytes past a field). */
const SLACK_WORDS = 4;
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
   * from `at`; returns the position after the last byte (`bytes` needs 26 bytes per value).
   */
  write(values: Float64Array, base: number, width: number, bytes: Uint8Array, at: number): number {
    const tables = kernelPow10Tables();
    const k = kernels();
    const chunk = Math.min(width, CHUNK_VALUES);
    const textPointer = this.text.pointer(Math.ceil((chunk * MAX_FIELD_BYTES) / 8) + SLACK_WORDS);
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
 * The pointer of {@link pow10Tables} in this thread's kernel memory, written there once: for
 * other kernels that call kernels/shortest-decimal.ts's digit functions.
 */
export function kernelPow10Tables(): number {
  if (kernelTables < 0) {
    const words = pow10Tables();
    const k = kernels();
    kernelTables = k.reserve(words.length);
    new BigUint64Array(k.f64.buffer, kernelTables, words.length).set(words);
  }
  return kernelTables;
}
