/**
 * The WebAssembly reader of plain numeric CSV lines (kernels/csv-numbers.ts): every field a
 * number in the forms CSV writers print (`[+-]digits[.digits][(e|E)[+-]digits]`, up to 17
 * significant digits), read in one pass, 8 digits at a time, as the very double `Number()` gives
 * (correctly rounded, ties to even: Clinger's fast path, or a fraction's quotient checked by
 * Dekker's exact residual).
 * It stops at the first line it cannot read whole (an empty field, text, spaces, more digits, a
 * large exponent, a wrong field count) for the caller to read that line as text.
 */
import { Float64ColumnBuilder } from './column-builder.js';
import { KernelBuffer, kernels } from '../util/wasm-kernels.js';

/**
 * Rows the WebAssembly reader parses per call (its output block holds width x this many
 * values): few enough that a block of ~100 columns stays in cache for the copy, and that the
 * first calls, which V8 runs in its baseline code until the optimised code is ready (a call
 * never switches midway), are short. On /tmp/fb/in.csv (103 columns) 512 read ~20% faster
 * than 4096 and a little faster than 256.
 */
const NUMERIC_BLOCK_ROWS = 512;

/**
 * `load` copies a chunk's bytes into kernel memory once, then each `read` parses lines from
 * `pos` into a column-major block and appends it to the columns.
 */
export class NumericLines {
  private readonly input = new KernelBuffer();
  private readonly block = new KernelBuffer();
  private readonly state = new KernelBuffer();
  /** The file position of the first loaded byte. */
  private base = 0;
  private bytesPointer = 0;

  /**
   * Copies `bytes[pos, filled)` into kernel memory, for the `read` calls that follow, with the
   * 8 bytes after it the reader needs (its stop mark, and 8-byte loads from any position up to it).
   */
  load(bytes: Buffer, pos: number, filled: number): void {
    const count = filled - pos;
    this.bytesPointer = this.input.pointer(Math.ceil(count / 8) + 1);
    kernels().u8.set(bytes.subarray(pos, filled), this.bytesPointer);
    this.base = pos;
  }

  /**
   * Parses plain numeric lines from `pos` (a position in the loaded chunk's buffer); returns
   * where it stopped, the lines consumed, and whether it stopped only because its block was full.
   */
  read(pos: number, filled: number, atEnd: boolean, columns: readonly Float64ColumnBuilder[]): { pos: number; lines: number; full: boolean } {
    const width = columns.length;
    const k = kernels();
    const out = this.block.pointer(width * NUMERIC_BLOCK_ROWS);
    const state = this.state.pointer(3);
    k.fn.csvNumberRows(this.bytesPointer, pos - this.base, filled - this.base, atEnd ? 1 : 0, width, out, NUMERIC_BLOCK_ROWS, state);
    const f64 = k.f64;
    const stopped = f64[state / 8]! + this.base;
    const rows = f64[state / 8 + 1]!;
    const lines = f64[state / 8 + 2]!;
    if (rows > 0) {
      for (let j = 0; j < width; j++) {
        const from = out / 8 + j * NUMERIC_BLOCK_ROWS;
        columns[j]!.pushAll(f64.subarray(from, from + rows));
      }
    }
    return { pos: stopped, lines, full: rows === NUMERIC_BLOCK_ROWS };
  }
}
