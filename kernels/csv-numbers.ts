/**
 * The numeric lines of a CSV file (src/telemetry/numeric-lines.ts): every field a number of
 * the form `[+-]digits[.digits][(e|E)[+-]digits]` with at most 17 significant digits, `width`
 * fields per line, LF or CRLF line ends. Values go column-major into `out`: field j of the r-th row at
 * out[j * capacity + r].
 *
 * csvNumberRows(bytes, from, to, last, width, out, capacity, state) parses lines from byte
 * `from` until `to` (a line counts only when its LF is before `to`, or when `last` is 1 and it
 * ends at `to`), until `capacity` rows, or until a line it cannot read all by itself: a field
 * that is not a fast-path number (empty, text, too many digits, ...), a wrong field count.
 * It leaves in `state` (f64s) the byte where it stopped (the start of the line not read), the
 * rows written and the physical lines consumed (blank lines included); the caller reads the
 * line there its own way and calls again.
 *
 * A number M * 10^e (M the significant digits as an integer) is read exactly as `Number()`
 * reads it (correctly rounded, ties to even): M < 2^53 and |e| <= 22 take one correctly
 * rounded multiplication or division (Clinger's fast path); 2^53 <= M < 10^17 with
 * -19 <= e < 0 (16-17 digit fractions, the shortest form of most doubles) a quotient within
 * 2 ulps corrected by the exact residual M - r * 10^-e (Dekker's product) against half an ulp;
 * anything else is declined.
 */

/** 10^0 .. 10^22, exact doubles. */
const POW10: usize = memory.data<f64>([
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]);
const TWO53: f64 = 9007199254740992;
const SPLITTER: f64 = 134217729;
/** What a field that is not a fast-path number gives. */
const NOT_FAST: f64 = -0x7ff0dead;

/** Where the last scan stopped. */
let scanEnd: usize = 0;

export function csvNumberRows(bytes: usize, from: i32, to: i32, last: i32, width: i32, out: usize, capacity: i32, state: usize): void {
  let pos = from;
  let rows = 0;
  let lines = 0;
  while (pos < to && rows < capacity) {
    // this line's end: its LF, or `to` on the last line of the file
    let newline = pos;
    while (newline < to && load<u8>(bytes + <usize>newline) != 10) newline++;
    if (newline >= to && !last) break;
    let lineEnd = newline;
    if (lineEnd > pos && load<u8>(bytes + <usize>(lineEnd - 1)) == 13) lineEnd--;
    if (lineEnd == pos) {
      // a blank line
      pos = newline + 1;
      lines++;
      continue;
    }
    let field = 0;
    let start = bytes + <usize>pos;
    const stopAt = bytes + <usize>lineEnd;
    let ok = true;
    while (true) {
      if (field >= width) {
        ok = false;
        break;
      }
      const value = scanNumber(start, stopAt);
      if (value == NOT_FAST || (scanEnd != stopAt && load<u8>(scanEnd) != 44)) {
        ok = false;
        break;
      }
      store<f64>(out + ((<usize>field * <usize>capacity + <usize>rows) << 3), value);
      field++;
      if (scanEnd >= stopAt) break;
      start = scanEnd + 1;
    }
    if (!ok || field != width) break;
    rows++;
    lines++;
    pos = newline + 1;
  }
  store<f64>(state, <f64>min(pos, to));
  store<f64>(state, <f64>rows, 8);
  store<f64>(state, <f64>lines, 16);
}

/** The number at `p`, up to `end` (NOT_FAST when declined); sets scanEnd where it stopped. */
@inline
function scanNumber(p: usize, end: usize): f64 {
  scanEnd = p;
  if (p >= end) return NOT_FAST;
  let c = <i32>load<u8>(p);
  const negative = c == 45;
  if (negative || c == 43) {
    if (++p >= end) return NOT_FAST;
    c = load<u8>(p);
  }
  // integers (exact: below 10^9 and 10^8) - short dependency chains, the same doubles after
  let high: i32 = 0;
  let low: i32 = 0;
  let digits = 0;
  let lowDigits = 0;
  let exponent = 0;
  let any = false;
  // the digits, with at most one decimal point among them (each digit after it lowers the exponent)
  let fraction = false;
  for (;;) {
    if (c >= 48 && c <= 57) {
      any = true;
      if (digits > 0 || c != 48) {
        if (digits < 9) high = high * 10 + (c - 48);
        else if (digits < 17) {
          low = low * 10 + (c - 48);
          lowDigits++;
        } else return NOT_FAST;
        digits++;
      }
      if (fraction) exponent--;
    } else if (c == 46 && !fraction) fraction = true;
    else break;
    if (++p >= end) break;
    c = load<u8>(p);
  }
  if (!any) return NOT_FAST;
  if (p < end && (c == 101 || c == 69)) {
    if (++p >= end) return NOT_FAST;
    c = load<u8>(p);
    const negativeExponent = c == 45;
    if (negativeExponent || c == 43) {
      if (++p >= end) return NOT_FAST;
      c = load<u8>(p);
    }
    if (c < 48 || c > 57) return NOT_FAST;
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e > 1000) return NOT_FAST;
      e = e * 10 + (c - 48);
      if (++p >= end) break;
      c = load<u8>(p);
    }
    exponent += negativeExponent ? -e : e;
  }
  scanEnd = p;
  let value: f64;
  if (digits == 0) value = 0;
  else {
    const a = lowDigits > 0 ? <f64>high * pow10(lowDigits) : <f64>high;
    const m = a + <f64>low;
    if (exponent == 0) value = m;
    else if (m < TWO53) {
      if (exponent > 22 || exponent < -22) return NOT_FAST;
      value = exponent > 0 ? m * pow10(exponent) : m / pow10(-exponent);
    } else {
      if (exponent > 0 || exponent < -19) return NOT_FAST;
      value = divideExactly(a, <f64>low, pow10(-exponent));
      if (value == NOT_FAST) return NOT_FAST;
    }
  }
  return negative ? -value : value;
}

@inline
function pow10(k: i32): f64 {
  return load<f64>(POW10 + (<usize>k << 3));
}

/**
 * The exact residual M - r * p, where M = a + b (a, b exact, b < a * 1e-8) and r * p is near
 * M: a - fl(r p) is exact (Sterbenz), and so are the small sums after it (the bit counts bound
 * e to >= -19).
 */
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

/** The correctly rounded (a + b) / p, ties to even; NOT_FAST when four corrections do not settle it. */
function divideExactly(a: f64, b: f64, p: f64): f64 {
  let r = (a + b) / p;
  for (let step = 0; step < 4; step++) {
    const rest = residual(a, b, r, p);
    if (rest == 0) return r;
    if (rest > 0) {
      const up = reinterpret<f64>(reinterpret<u64>(r) + 1);
      const half = ((up - r) * p) / 2;
      if (rest < half) return r;
      if (rest == half) return (reinterpret<u64>(up) & 1) == 0 ? up : r;
      r = up;
    } else {
      const down = reinterpret<f64>(reinterpret<u64>(r) - 1);
      const half = ((r - down) * p) / 2;
      if (-rest < half) return r;
      if (-rest == half) return (reinterpret<u64>(down) & 1) == 0 ? down : r;
      r = down;
    }
  }
  return NOT_FAST;
}
