/**
 * The numeric lines of a CSV file (src/telemetry/numeric-lines.ts): every field a number of
 * the form `[+-]digits[.digits][(e|E)[+-]digits]` with at most 17 significant digits, `width`
 * fields per line, LF or CRLF line ends. Values go column-major into `out`: field j of the r-th
 * row at out[j * capacity + r].
 *
 * csvNumberRows(bytes, from, to, last, width, out, capacity, state) parses lines from byte
 * `from` until `to`, until `capacity` rows, or until a line it cannot read all by itself: a
 * field that is not a fast-path number (empty, text, too many digits, ...), a wrong field count,
 * or a line cut by `to` (one that ends at `to` counts only when `last` is 1: the file ends
 * there). It leaves in `state` (f64s) the byte where it stopped (the start of the line not
 * read), the rows written and the physical lines consumed (blank lines included); the caller
 * reads the line there its own way and calls again.
 *
 * One pass per line: each field is scanned up to the byte after it, which must be `,` (or, after
 * the last field, LF, CRLF or the end of the file). The kernel writes a 0 at bytes[to] as the
 * stop mark every scan ends at, and reads up to 8 bytes from any position <= `to`: the caller
 * reserves 8 bytes after the text.
 *
 * Digits are read 8 at a time (SWAR): a little-endian u64 of the next 8 bytes less '0' in each
 * byte gives each digit byte 0..9; a byte is not a digit when it is >= 0x80 or adding 0x76
 * carries it to >= 0x80 (a borrow or carry starts only at a non-digit, so it cannot hide the
 * first one), so the count of leading digits is ctz(mask) / 8. Those n digits, shifted to the
 * top of the word (the zero bytes below them act as leading zeros), combine pairwise in three multiplications:
 * bytes to 2-digit u16 lanes (x 10), to 4-digit u32 lanes (x 100), to the 8-digit value (x 10^4).
 * A run of 8 goes on to the next word; the decimal point between two runs starts the fraction,
 * whose digits each lower the exponent. The significant digits accumulate exactly in a u64
 * M < 10^17 (checked before each run: M < 10^(17-n)).
 *
 * A number M * 10^e is read exactly as `Number()` reads it (correctly rounded, ties to even):
 * e = 0 is the correctly rounded u64 conversion; -22 <= e < 0 (the fractions CSV writers print)
 * the quotient r = fl(fl(M) / 10^-e), within 2 ulps, checked and if need be corrected by the
 * exact residual M - r * 10^-e (Dekker's product) against half an ulp; for M < 2^53 r is already
 * correctly rounded (Clinger), and the check that confirms it costs less than a mispredicted
 * branch between 16- and 17-digit numbers. 0 < e <= 22 with M < 2^53 takes one correctly
 * rounded multiplication (Clinger's fast path); anything else is declined.
 */

/** 10^0 .. 10^22, exact doubles. */
const POW10: usize = memory.data<f64>([
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]);
/** 10^0 .. 10^17 as integers. */
const POW10_INT: usize = memory.data<u64>([
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
  100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
  10000000000000000, 100000000000000000,
]);
const TWO53: u64 = 9007199254740992;
const SPLITTER: f64 = 134217729;
/** What a field that is not a fast-path number gives. */
const NOT_FAST: f64 = -0x7ff0dead;
/** '0' in each byte. */
const ZEROS: u64 = 0x3030303030303030;
/** Added to a byte less '0', carries it to >= 0x80 exactly when it is >= 10. */
const TEN_TO_HIGH: u64 = 0x7676767676767676;
const HIGH_BITS: u64 = 0x8080808080808080;

/** Where the last scan stopped. */
let scanEnd: usize = 0;

export function csvNumberRows(bytes: usize, from: i32, to: i32, last: i32, width: i32, out: usize, capacity: i32, state: usize): void {
  const end = bytes + <usize>to;
  store<u8>(end, 0);
  const stride = <usize>capacity << 3;
  const lastField = width - 1;
  let line = bytes + <usize>from;
  let rows = 0;
  let lines = 0;
  while (line < end && rows < capacity) {
    const first = load<u8>(line);
    if (first == 10 || first == 13) {
      // a blank line: LF, CRLF, or a CR that ends the file
      if (first == 10) line++;
      else if (load<u8>(line + 1) == 10) line += 2;
      else if (last != 0 && line + 1 == end) line++;
      else break;
      lines++;
      continue;
    }
    const next = readLine(line, end, last, lastField, out + (<usize>rows << 3), stride);
    if (next == 0) break;
    line = next;
    rows++;
    lines++;
  }
  store<f64>(state, <f64>(line - bytes));
  store<f64>(state, <f64>rows, 8);
  store<f64>(state, <f64>lines, 16);
}

/**
 * Reads the fields of the line at `p` into `column`, `column + stride`, ...; returns the start
 * of the next line, or 0 when the line is not one to read here.
 */
@inline
function readLine(p: usize, end: usize, last: i32, lastField: i32, column: usize, stride: usize): usize {
  for (let field = 0; ; field++) {
    const value = scanNumber(p);
    if (value == NOT_FAST) return 0;
    store<f64>(column, value);
    p = scanEnd;
    const c = load<u8>(p);
    if (field < lastField) {
      if (c != 44) return 0;
      p++;
      column += stride;
      continue;
    }
    if (c == 10) return p + 1;
    if (c == 13) {
      if (load<u8>(p + 1) == 10) return p + 2;
      return last != 0 && p + 1 == end ? p + 1 : 0;
    }
    return last != 0 && p == end ? p : 0;
  }
}

/** The number at `p` (NOT_FAST when declined); sets scanEnd to the byte after it. */
@inline
function scanNumber(p: usize): f64 {
  let c = load<u8>(p);
  const negative = c == 45;
  if (negative || c == 43) p++;
  let m: u64 = 0;
  let digits = 0;
  let exponent = 0;
  let fraction = false;
  // runs of up to 8 digits, with at most one decimal point between two of them
  for (;;) {
    const t = load<u64>(p) - ZEROS;
    const n = <i32>(ctz<u64>(((t + TEN_TO_HIGH) | t) & HIGH_BITS) >> 3);
    if (n > 0) {
      if (m >= load<u64>(POW10_INT + (<usize>(17 - n) << 3))) return NOT_FAST;
      m = m * load<u64>(POW10_INT + (<usize>n << 3)) + eightDigits(t << (<u64>(64 - 8 * n)));
      p += <usize>n;
      digits += n;
      if (fraction) exponent -= n;
      if (n == 8) continue;
    }
    if (fraction || load<u8>(p) != 46) break;
    fraction = true;
    p++;
  }
  if (digits == 0) return NOT_FAST;
  c = load<u8>(p);
  if ((c | 32) == 101) {
    // e or E
    c = load<u8>(++p);
    const negativeExponent = c == 45;
    if (negativeExponent || c == 43) c = load<u8>(++p);
    if (<u32>(c - 48) > 9) return NOT_FAST;
    let e = 0;
    do {
      if (e > 1000) return NOT_FAST;
      e = e * 10 + (c - 48);
      c = load<u8>(++p);
    } while (<u32>(c - 48) <= 9);
    exponent += negativeExponent ? -e : e;
  }
  scanEnd = p;
  let value = <f64>m; // correctly rounded (f64.convert_i64_u)
  if (m != 0 && exponent != 0) {
    if (exponent < 0) {
      if (exponent < -22) return NOT_FAST;
      value = divideExactly(m, pow10(-exponent));
      if (value == NOT_FAST) return NOT_FAST;
    } else {
      if (m >= TWO53 || exponent > 22) return NOT_FAST;
      value *= pow10(exponent);
    }
  }
  return negative ? -value : value;
}

/**
 * The value of the 8 decimal digits (0..9) in the bytes of `x`, the first (most significant)
 * in the lowest byte.
 */
@inline
function eightDigits(x: u64): u64 {
  x = (x * 10 + (x >> 8)) & 0x00ff00ff00ff00ff;
  x = (x * 100 + (x >> 16)) & 0x0000ffff0000ffff;
  return (x * 10000 + (x >> 32)) & 0xffffffff;
}

@inline
function pow10(k: i32): f64 {
  return load<f64>(POW10 + (<usize>k << 3));
}

/**
 * The exact residual M - r * p, where M = a + b (a = M when M < 2^53, else M rounded down to a
 * multiple of 16, which is exact below 2^57; b = M - a <= 15), p = 10^k = 5^k 2^k (k <= 22) and
 * r is one of the quotients divideExactly visits: fl(r p) + err = r p exactly (Dekker),
 * a - fl(r p) is exact (Sterbenz), adding b keeps it exact (b = 0, or a and fl(r p) >= 2^53 are
 * integers and the sum a small one), and so is subtracting err, as M - r p is a double: r starts
 * within 2 ulps of M / p (two roundings of 2^-53) and each step moves it one ulp toward M / p, so
 * |M - r p| < 3 ulp(r) p (3 only one step below a power of two); it is a multiple of
 * min(1, ulp(r) 2^k), so it has fewer than log2(3 * 5^k) < 53 significant bits (k <= 22; when
 * ulp(r) 2^k >= 1 it is an integer below 3 * 2^-52 * 2^57).
 */
@inline
function residual(a: f64, b: f64, r: f64, p: f64): f64 {
  const prod = r * p;
  let c = SPLITTER * r;
  const rh = c - (c - r);
  const rl = r - rh;
  c = SPLITTER * p;
  const ph = c - (c - p);
  const pl = p - ph;
  const err = rh * ph - prod + rh * pl + rl * ph + rl * pl;
  return a - prod + b - err;
}

/** The correctly rounded M / p, ties to even; NOT_FAST when four corrections do not settle it. */
@inline
function divideExactly(m: u64, p: f64): f64 {
  const low = m < TWO53 ? 0 : m & 15;
  const a = <f64>(m - low);
  const b = <f64>low;
  let r = <f64>m / p;
  for (let step = 0; step < 4; step++) {
    const rest = residual(a, b, r, p);
    const bits = reinterpret<u64>(r);
    const toward = reinterpret<f64>(rest > 0 ? bits + 1 : bits - 1);
    const half = abs(toward - r) * p * 0.5;
    const distance = abs(rest);
    if (distance < half) return r;
    if (distance == half) return (reinterpret<u64>(toward) & 1) == 0 ? toward : r;
    r = toward;
  }
  return NOT_FAST;
}
