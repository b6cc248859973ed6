/**
 * Reading a decimal number straight from the bytes of a file, without making a string: the
 * same double `Number(text)` gives (correctly rounded, ties to even), ~5x faster than slicing
 * a string and converting it. Covers the numbers CSV writers print — an optional sign, up to 17
 * significant digits, an optional fraction and exponent — and declines (returns
 * {@link NOT_FAST}) everything else, for the caller to read the slow way.
 *
 * With M the significant digits as an integer and the value M * 10^e:
 * - M < 2^53 and |e| <= 22: M and 10^|e| are exact doubles, so one multiplication or division
 *   rounds once, correctly (Clinger's fast path);
 * - 2^53 <= M < 10^17 and -19 <= e < 0 (16-17 digit fractions, e.g. the shortest form of most
 *   doubles): a candidate r = M / 10^-e (within 2 ulps) is corrected by the exact residual
 *   M - r * 10^-e (Dekker's exact product) against half an ulp, at most a few steps.
 */

/** Returned when the bytes are not a number this reader handles (read them as text instead). */
export const NOT_FAST = -0x7ff0_dead;

const POW10: number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const TWO53 = 2 ** 53;
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high word of a double in `words` (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The next double above the positive finite `x`. */
function nextUp(x: number): number {
  bits[0] = x;
  if (words[LO] === 0xffffffff) {
    words[LO] = 0;
    words[HI]! += 1;
  } else {
    words[LO]! += 1;
  }
  return bits[0]!;
}

/** The next double below the positive finite `x` (x > the smallest normal). */
function nextDown(x: number): number {
  bits[0] = x;
  if (words[LO] === 0) {
    words[LO] = 0xffffffff;
    words[HI]! -= 1;
  } else {
    words[LO]! -= 1;
  }
  return bits[0]!;
}

/**
 * The exact residual M - r * p, where M = a + b (a, b exact, b < a * 1e-8) and r * p is
 * near M: a - fl(r p) is exact (Sterbenz), and so are the small sums after it (see the module
 * comment for the bit counts that bound e to >= -19).
 */
function residual(a: number, b: number, r: number, p: number): number {
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

/** The correctly rounded M / p for M = a + b >= 2^53 (see {@link residual}); NOT_FAST when unsure. */
function divideExactly(a: number, b: number, p: number): number {
  let r = (a + b) / p;
  for (let step = 0; step < 4; step++) {
    const rest = residual(a, b, r, p);
    if (rest === 0) return r;
    if (rest > 0) {
      const up = nextUp(r);
      const half = ((up - r) * p) / 2;
      if (rest < half) return r;
      if (rest === half) return (words[LO]! & 1) === 0 ? up : r; // words hold `up`: ties to even
      r = up;
    } else {
      const down = nextDown(r);
      const half = ((r - down) * p) / 2;
      if (-rest < half) return r;
      if (-rest === half) return (words[LO]! & 1) === 0 ? down : r;
      r = down;
    }
  }
  return NOT_FAST;
}

/**
 * The number written in `bytes[start, end)` (ASCII: `[+-]digits[.digits][(e|E)[+-]digits]`),
 * exactly as `Number()` reads it, or {@link NOT_FAST} for anything else (an empty field, spaces,
 * `nan`, more than 17 significant digits, a large exponent, ...).
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  const value = scanDecimalBytes(bytes, start, end);
  return scanEnd === end ? value : NOT_FAST;
}

/** Where the last {@link scanDecimalBytes} stopped: the first byte after the number. */
export let scanEnd = 0;

/**
 * The number that starts at `bytes[start]` and ends at the first byte (before `end`) that cannot
 * continue it, e.g. a comma; that position is left in {@link scanEnd}. Reads a number exactly as
 * {@link parseDecimalBytes} does, so that a caller can find the field's end and its value in
 * one pass; {@link NOT_FAST} as there.
 */
export function scanDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  scanEnd = start;
  if (p >= end) return NOT_FAST;
  let c = bytes[p]!;
  const negative = c === 45;
  if (negative || c === 43) {
    if (++p >= end) return NOT_FAST;
    c = bytes[p]!;
  }
  // Significant digits: the first 9 in `high`, up to 8 more in `low` (M = high * 10^lowDigits + low).
  let high = 0;
  let low = 0;
  let digits = 0;
  let lowDigits = 0;
  let exponent = 0;
  let any = false;
  while (c >= 48 && c <= 57) {
    any = true;
    if (digits > 0 || c !== 48) {
      if (digits < 9) high = high * 10 + (c - 48);
      else if (digits < 17) {
        low = low * 10 + (c - 48);
        lowDigits++;
      } else return NOT_FAST;
      digits++;
    }
    if (++p >= end) break;
    c = bytes[p]!;
  }
  if (p < end && c === 46) {
    p++;
    c = p < end ? bytes[p]! : 0;
    while (c >= 48 && c <= 57) {
      any = true;
      if (digits > 0 || c !== 48) {
        if (digits < 9) high = high * 10 + (c - 48);
        else if (digits < 17) {
          low = low * 10 + (c - 48);
          lowDigits++;
        } else return NOT_FAST;
        digits++;
      }
      exponent--;
      if (++p >= end) break;
      c = bytes[p]!;
    }
  }
  if (!any) return NOT_FAST;
  if (p < end && (c === 101 || c === 69)) {
    if (++p >= end) return NOT_FAST;
    c = bytes[p]!;
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) {
      if (++p >= end) return NOT_FAST;
      c = bytes[p]!;
    }
    if (c < 48 || c > 57) return NOT_FAST;
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e > 1000) return NOT_FAST;
      e = e * 10 + (c - 48);
      if (++p >= end) break;
      c = bytes[p]!;
    }
    exponent += negativeExponent ? -e : e;
  }
  scanEnd = p;
  let value: number;
  if (digits === 0) value = 0;
  else {
    const a = lowDigits > 0 ? high * POW10[lowDigits]! : high;
    const m = a + low; // exact below 2^53, else correctly rounded (one rounding of an exact sum)
    if (exponent === 0) value = m;
    else if (m < TWO53) {
      if (exponent > 22 || exponent < -22) return NOT_FAST;
      value = exponent > 0 ? m * POW10[exponent]! : m / POW10[-exponent]!;
    } else {
      if (exponent > 0 || exponent < -19) return NOT_FAST;
      value = divideExactly(a, low, POW10[-exponent]!);
      if (value === NOT_FAST) return NOT_FAST;
    }
  }
  return negative ? -value : value;
}
