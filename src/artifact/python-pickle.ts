/**
 * A restricted reader of Python pickles: the two places pandas' HDF5 files hold them.
 * - PyTables stores non-scalar node attributes (`non_index_axes`, `values_cols`,
 *   `values_block_0_kind`, ...) as protocol-0 (text) pickles of lists, tuples and dicts.
 * - A fixed-layout object block (`block{i}_values` of a column of Python strings) is a VLArray
 *   row holding a pickle (protocol 2 to 5) of a numpy object array:
 *   `numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')` then `BUILD` with the state
 *   `(version, shape, dtype, is_fortran, items)`, `items` listing the elements in C (row-major)
 *   order whatever the memory order.
 *
 * Nothing is executed: the reader interprets the opcodes itself and knows four callables
 * (numpy's `_reconstruct`, `ndarray`, `dtype`, and `_codecs.encode(text, 'latin1')`, protocol
 * 2's spelling of bytes); any other global is refused with its name.
 */

/** A numpy array rebuilt from a pickle: dtype string (numpy's `str`, e.g. `|O`, `<f8`), shape, elements in C order. */
export interface PickledArray {
  readonly kind: 'ndarray';
  dtype: string;
  shape: number[];
  /** Elements in C (row-major) order: Python values for object arrays, numbers for numeric ones. */
  items: PickleValue[];
}

/** A numpy dtype rebuilt from a pickle. */
export interface PickledDtype {
  readonly kind: 'dtype';
  /** numpy's type code with size, e.g. `O8`, `f8`, `i8`, `U3`. */
  code: string;
  /** `<`, `>`, `|` or `=`. */
  byteOrder: string;
}

/** A Python value as this reader returns it: tuples and lists are arrays, dicts are Maps. */
export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | Map<PickleValue, PickleValue>
  | PickledArray
  | PickledDtype
  | PickleGlobal;

/** A reference to a Python callable (`module.name`), only a few of which the reader applies. */
export interface PickleGlobal {
  readonly kind: 'global';
  readonly name: string;
}

const RECONSTRUCT = new Set(['numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct']);
const NDARRAY = 'numpy.ndarray';
const DTYPE = 'numpy.dtype';
const CODECS_ENCODE = '_codecs.encode';

const MARK = Symbol('mark');
type StackItem = PickleValue | typeof MARK;

/** Thrown on a pickle this reader cannot or will not read. */
export class PickleError extends Error {
  override readonly name = 'PickleError';
}

/**
 * Reads one pickle from `bytes` (a protocol-0 text pickle may be given as a string) and returns
 * its value. Throws a {@link PickleError} on a truncated or malformed pickle, on an opcode this
 * reader does not know, and on a global other than numpy's array reconstruction.
 */
export function readPickle(bytes: Uint8Array | string): PickleValue {
  const data = typeof bytes === 'string' ? latin1Bytes(bytes) : bytes;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const stack: StackItem[] = [];
  const memo = new Map<number, PickleValue>();

  const need = (n: number): void => {
    if (pos + n > data.length) throw new PickleError(`the pickle ends early (at byte ${pos}, ${n} more needed)`);
  };
  const u8 = (): number => {
    need(1);
    return data[pos++]!;
  };
  const u32 = (): number => {
    need(4);
    const v = view.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const u64 = (): number => {
    need(8);
    const v = view.getBigUint64(pos, true);
    pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new PickleError('a length does not fit in memory');
    return Number(v);
  };
  const take = (n: number): Uint8Array => {
    need(n);
    const out = data.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const line = (): string => {
    const end = data.indexOf(0x0a, pos);
    if (end < 0) throw new PickleError(`the pickle ends inside a text field (at byte ${pos})`);
    const text = latin1Text(data.subarray(pos, end));
    pos = end + 1;
    return text;
  };
  const pop = (): PickleValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) throw new PickleError('the pickle pops an empty stack');
    return v;
  };
  const top = (): PickleValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) throw new PickleError('the pickle reads an empty stack');
    return v;
  };
  const popMark = (): PickleValue[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) throw new PickleError('the pickle has no MARK to pop to');
    const items = stack.splice(at) as PickleValue[];
    items.shift();
    return items;
  };
  const memoGet = (index: number): PickleValue => {
    if (!memo.has(index)) throw new PickleError(`the pickle refers to memo ${index}, never stored`);
    return memo.get(index)!;
  };
  const global = (module: string, name: string): PickleGlobal => ({ kind: 'global', name: `${module}.${name}` });

  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        u8();
        break;
      case 0x95: // FRAME
        u64();
        break;
      case 0x2e: // STOP '.'
        return pop();
      case 0x28: // MARK '('
        stack.push(MARK);
        break;
      case 0x30: // POP '0'
        stack.pop();
        break;
      case 0x31: // POP_MARK '1'
        popMark();
        break;
      case 0x32: // DUP '2'
        stack.push(top());
        break;
      case 0x4e: // NONE 'N'
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x49: {
        // INT 'I' (text; I01 / I00 are True / False)
        const text = line();
        if (text === '01') stack.push(true);
        else if (text === '00') stack.push(false);
        else stack.push(textInteger(text));
        break;
      }
      case 0x4c: // LONG 'L' (text, trailing L)
        stack.push(textInteger(line().replace(/L$/, '')));
        break;
      case 0x46: {
        // FLOAT 'F' (text)
        const text = line();
        const v = Number(text.replace(/^inf$/, 'Infinity').replace(/^-inf$/, '-Infinity'));
        if (Number.isNaN(v) && text !== 'nan') throw new PickleError(`"${text}" is not a float`);
        stack.push(v);
        break;
      }
      case 0x4a: // BININT 'J'
        need(4);
        stack.push(view.getInt32(pos, true));
        pos += 4;
        break;
      case 0x4b: // BININT1 'K'
        stack.push(u8());
        break;
      case 0x4d: // BININT2 'M'
        need(2);
        stack.push(view.getUint16(pos, true));
        pos += 2;
        break;
      case 0x8a: // LONG1
        stack.push(littleEndianInteger(take(u8())));
        break;
      case 0x8b: // LONG4
        stack.push(littleEndianInteger(take(u32())));
        break;
      case 0x47: // BINFLOAT 'G' (big-endian double)
        need(8);
        stack.push(view.getFloat64(pos, false));
        pos += 8;
        break;
      case 0x53: // STRING 'S' (text, a quoted Python 2 str)
        stack.push(unquote(line()));
        break;
      case 0x56: // UNICODE 'V' (raw-unicode-escape)
        stack.push(rawUnicodeEscape(line()));
        break;
      case 0x54: // BINSTRING 'T'
        stack.push(latin1Text(take(u32())));
        break;
      case 0x55: // SHORT_BINSTRING 'U'
        stack.push(latin1Text(take(u8())));
        break;
      case 0x58: // BINUNICODE 'X'
        stack.push(utf8(take(u32())));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(utf8(take(u8())));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(utf8(take(u64())));
        break;
      case 0x42: // BINBYTES 'B'
        stack.push(take(u32()).slice());
        break;
      case 0x43: // SHORT_BINBYTES 'C'
        stack.push(take(u8()).slice());
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        stack.push(take(u64()).slice());
        break;
      case 0x29: // EMPTY_TUPLE ')'
      case 0x5d: // EMPTY_LIST ']'
        stack.push([]);
        break;
      case 0x7d: // EMPTY_DICT '}'
        stack.push(new Map());
        break;
      case 0x6c: // LIST 'l'
      case 0x74: // TUPLE 't'
        stack.push(popMark());
        break;
      case 0x64: {
        // DICT 'd'
        const items = popMark();
        const dict = new Map<PickleValue, PickleValue>();
        for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i]!, items[i + 1]!);
        stack.push(dict);
        break;
      }
      case 0x85: // TUPLE1
        stack.push([pop()]);
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        stack.push([pop(), b]);
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        stack.push([pop(), b, c]);
        break;
      }
      case 0x61: {
        // APPEND 'a'
        const item = pop();
        asList(top()).push(item);
        break;
      }
      case 0x65: {
        // APPENDS 'e'
        const items = popMark();
        asList(top()).push(...items);
        break;
      }
      case 0x73: {
        // SETITEM 's'
        const value = pop();
        const key = pop();
        asDict(top()).set(key, value);
        break;
      }
      case 0x75: {
        // SETITEMS 'u'
        const items = popMark();
        const dict = asDict(top());
        for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i]!, items[i + 1]!);
        break;
      }
      case 0x70: // PUT 'p'
        memo.set(Number(line()), top());
        break;
      case 0x71: // BINPUT 'q'
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT 'r'
        memo.set(u32(), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x67: // GET 'g'
        stack.push(memoGet(Number(line())));
        break;
      case 0x68: // BINGET 'h'
        stack.push(memoGet(u8()));
        break;
      case 0x6a: // LONG_BINGET 'j'
        stack.push(memoGet(u32()));
        break;
      case 0x63: {
        // GLOBAL 'c'
        const module = line();
        stack.push(global(module, line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') throw new PickleError('STACK_GLOBAL needs two strings');
        stack.push(global(module, name));
        break;
      }
      case 0x52: {
        // REDUCE 'R'
        const args = pop();
        const callable = pop();
        stack.push(reduce(callable, args));
        break;
      }
      case 0x62: {
        // BUILD 'b'
        const state = pop();
        build(top(), state);
        break;
      }
      default:
        throw new PickleError(`opcode 0x${op.toString(16).padStart(2, '0')} at byte ${pos - 1} is not one this reader knows`);
    }
  }
}

function reduce(callable: PickleValue, args: PickleValue): PickleValue {
  if (!isGlobal(callable)) throw new PickleError('REDUCE applies something that is not a global');
  if (!Array.isArray(args)) throw new PickleError(`${callable.name} is called without an argument tuple`);
  if (RECONSTRUCT.has(callable.name)) {
    const cls = args[0];
    if (!isGlobal(cls) || cls.name !== NDARRAY) throw new PickleError(`${callable.name} rebuilds a ${isGlobal(cls) ? cls.name : 'non-class'}, not a numpy.ndarray`);
    return { kind: 'ndarray', dtype: '', shape: [], items: [] };
  }
  if (callable.name === CODECS_ENCODE) {
    // Protocol 2 spells bytes as _codecs.encode(text, 'latin1').
    const [text, encoding] = args;
    if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) throw new PickleError('_codecs.encode is only read for latin1 text');
    return latin1Bytes(text);
  }
  if (callable.name === DTYPE) {
    const code = args[0];
    if (typeof code !== 'string') throw new PickleError('numpy.dtype is called without a type code');
    return { kind: 'dtype', code, byteOrder: '|' };
  }
  throw new PickleError(`the pickle calls ${callable.name}, which this reader does not run (it only rebuilds numpy arrays)`);
}

function build(target: PickleValue, state: PickleValue): void {
  if (isDtype(target)) {
    if (Array.isArray(state) && typeof state[1] === 'string') target.byteOrder = state[1];
    return;
  }
  if (isPickledArray(target)) {
    if (!Array.isArray(state) || state.length < 5) throw new PickleError('a numpy array state is not (version, shape, dtype, is_fortran, data)');
    const [, shape, dtype, isFortran, items] = state;
    if (!Array.isArray(shape) || !shape.every((n) => typeof n === 'number')) throw new PickleError('a numpy array shape is not a tuple of integers');
    if (!isDtype(dtype)) throw new PickleError('a numpy array has no dtype');
    target.shape = shape as number[];
    target.dtype = `${dtype.byteOrder}${dtype.code}`;
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (Array.isArray(items)) {
      // Object arrays: the elements, always in C order.
      if (items.length !== count) throw new PickleError(`a numpy array of shape (${shape.join(', ')}) lists ${items.length} elements`);
      target.items = items;
    } else if (items instanceof Uint8Array) {
      if (isFortran === true && shape.length > 1) throw new PickleError('a Fortran-ordered numeric numpy array is not read');
      target.items = decodeNumeric(items, dtype, count);
    } else {
      throw new PickleError('a numpy array state holds neither a list nor bytes');
    }
    return;
  }
  throw new PickleError('BUILD on something that is not a numpy array or dtype');
}

function decodeNumeric(bytes: Uint8Array, dtype: PickledDtype, count: number): number[] {
  const little = dtype.byteOrder !== '>';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readers: Record<string, [number, (at: number) => number]> = {
    f8: [8, (at) => view.getFloat64(at, little)],
    f4: [4, (at) => view.getFloat32(at, little)],
    i8: [8, (at) => Number(view.getBigInt64(at, little))],
    i4: [4, (at) => view.getInt32(at, little)],
    u8: [8, (at) => Number(view.getBigUint64(at, little))],
    u4: [4, (at) => view.getUint32(at, little)],
  };
  const reader = readers[dtype.code];
  if (!reader) throw new PickleError(`a numpy array of dtype ${dtype.code} is not read`);
  const [size, read] = reader;
  if (bytes.length !== size * count) throw new PickleError(`a numpy array of ${count} ${dtype.code} values holds ${bytes.length} bytes`);
  return Array.from({ length: count }, (_, i) => read(i * size));
}

function isGlobal(v: PickleValue | undefined): v is PickleGlobal {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) && v.kind === 'global';
}
function isDtype(v: PickleValue | undefined): v is PickledDtype {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) && v.kind === 'dtype';
}
/** Whether a pickled value is a numpy array. */
export function isPickledArray(v: PickleValue | undefined): v is PickledArray {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) && v.kind === 'ndarray';
}
function asList(v: PickleValue): PickleValue[] {
  if (!Array.isArray(v)) throw new PickleError('APPEND to something that is not a list');
  return v;
}
function asDict(v: PickleValue): Map<PickleValue, PickleValue> {
  if (!(v instanceof Map)) throw new PickleError('SETITEM on something that is not a dict');
  return v;
}

function textInteger(text: string): number | bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new PickleError(`"${text}" is not an integer`);
  const big = BigInt(text);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function littleEndianInteger(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
function latin1Text(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Python's raw-unicode-escape: `\uXXXX` and `\UXXXXXXXX` escapes, every other byte a code point. */
function rawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, four?: string, eight?: string) => String.fromCodePoint(parseInt((four ?? eight)!, 16)));
}

/** A protocol-0 `STRING` argument: a Python str literal in single or double quotes. */
function unquote(text: string): string {
  const q = text[0];
  if ((q !== "'" && q !== '"') || text[text.length - 1] !== q) throw new PickleError(`${text} is not a quoted string`);
  return text.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}
