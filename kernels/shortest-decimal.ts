/**
 * Doubles as the text JavaScript's `String(x)` gives (ECMAScript Number::toString): the
 * shortest decimal that reads back as x, the closest such one to x when there are several,
 * the even one on a tie; laid out as JS does (`123`, `0.001`, `1.5e-7`, `1e+21`).
 *
 * Integers below 2^53 are written as they are. Other digits come from the method of Junekey
 * Jeon's Dragonbox (2020), which needs one 64x128-bit multiplication on the common path:
 * with x = F * 2^E (F < 2^53), the decimals that round to x are those in the interval
 * [(2F - 1) 2^(E-1), (2F + 1) 2^(E-1)] (ends included when F is even). Scaled by 10^k with
 * k = 2 - floor(E log10 2), its width delta = 2^E 10^k lies in [100, 1000); its upper end
 * z = (2F + 1) 2^(E-1) 10^k comes from one product with phi_k = ceil(10^k 2^(127 - floor(k log2 10))),
 * so that floor(z), whether z is an integer, and floor(delta) are exact. Then:
 * - the one multiple of 1000 at most that the interval can hold, 1000 floor(z / 1000), is the
 *   shortest answer if it lies in the interval (r = z mod 1000 against delta; on r == floor(delta)
 *   the parity of the lower end's integer part decides); its trailing zeros come off;
 * - else the answer has one digit more: the multiple of 100 nearest to the midpoint x 10^k,
 *   estimated from r and floor(delta) to within one unit, the parity of floor(x 10^k) settling
 *   the rare estimates that fall on a multiple of 100 (and round-half-even on an exact tie).
 * A power of two (F = 2^52, E > -1074) has a lower neighbour half as far: its interval
 * [x - 2^(E-2), x + 2^(E-1)] is scaled by 10^k with k = -floor(log10(2^E 3/4)) to a width in
 * [1, 10): the multiple of 10 in it if any, else the integer nearest to x 10^k.
 * The 128-bit phi_k, k = -292..326, are computed by the TypeScript side (BigInt) into memory at
 * `tables` as (low, high) u64 words (src/features/number-text.ts, pow10Tables).
 *
 * formatRow(values, width, out, tables): the CSV fields of `width` doubles, comma-separated,
 * NaN as an empty field, written as ASCII from `out`; returns the byte count.
 */

/** The smallest k of the tables of phi_k. */
const MIN_K: i32 = -292;

/** floor(log10(2^e)) for -1500 <= e <= 1500 (checked against exact values by the tests' ranges). */
@inline
function floorLog10Pow2(e: i32): i32 {
  return (e * 315653) >> 20;
}

/** floor(log2(10^k)) for -350 <= k <= 350. */
@inline
function floorLog2Pow10(k: i32): i32 {
  return (k * 1741647) >> 19;
}

/** floor(log10(2^e * 3/4)) for -1500 <= e <= 1500. */
@inline
function floorLog10Pow2Times3Over4(e: i32): i32 {
  return (e * 631305 - 261663) >> 21;
}

/** The high 64 bits of the 128-bit product a * b. */
@inline
function mulHigh(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff;
  const aHi = a >> 32;
  const bLo = b & 0xffffffff;
  const bHi = b >> 32;
  const lolo = aLo * bLo;
  const lohi = aLo * bHi;
  const hilo = aHi * bLo;
  const hihi = aHi * bHi;
  const middle = (lolo >> 32) + (lohi & 0xffffffff) + (hilo & 0xffffffff);
  return hihi + (lohi >> 32) + (hilo >> 32) + (middle >> 32);
}

/**
 * Whether floor(m * phi * 2^beta / 2^128) is odd (phi = high * 2^64 + low, 1 <= beta < 64);
 * sets {@link productIsInteger} to whether the fraction is below 2^-64 (exactly zero for the
 * m, phi, beta used here).
 */
function productParity(m: u64, low: u64, high: u64, beta: i32): bool {
  const bits0 = m * low;
  const bits64 = mulHigh(m, low) + m * high; // bits 64..127 of the 192-bit product
  productIsInteger = ((bits64 << <u64>beta) | (bits0 >> <u64>(64 - beta))) == 0;
  return ((bits64 >> <u64>(64 - beta)) & 1) != 0;
}
let productIsInteger = false;

/** Digits and decimal exponent of the last {@link shortest}: x = digits * 10^exponent10. */
let digits: u64 = 0;
let exponent10: i32 = 0;

/** Removes the decimal trailing zeros of {@link digits} (< 10^17, non-zero) into {@link exponent10}. */
@inline
function removeTrailingZeros(): void {
  let d = digits;
  let q = d / 10;
  if (q * 10 != d) return; // most have none
  // at most 15 more: 8 + 4 + 2 + 1
  d = q;
  let e = exponent10 + 1;
  q = d / 100000000;
  if (q * 100000000 == d) {
    d = q;
    e += 8;
  }
  q = d / 10000;
  if (q * 10000 == d) {
    d = q;
    e += 4;
  }
  q = d / 100;
  if (q * 100 == d) {
    d = q;
    e += 2;
  }
  q = d / 10;
  if (q * 10 == d) {
    d = q;
    e += 1;
  }
  digits = d;
  exponent10 = e;
}

/** The shortest, closest decimal of the positive finite double with bits `bits`, into {@link digits}. */
function shortest(bits: u64, tables: usize): void {
  const mantissa = bits & ((<u64>1 << 52) - 1);
  const biasedExponent = <i32>(bits >> 52);
  let F: u64;
  let E: i32;
  if (biasedExponent == 0) {
    F = mantissa;
    E = -1074;
  } else {
    F = mantissa | (<u64>1 << 52);
    E = biasedExponent - 1075;
    if (mantissa == 0 && biasedExponent > 1) {
      shortestOfPowerOfTwo(E, tables);
      return;
    }
  }
  const includeEnds = (F & 1) == 0;
  const k = 2 - floorLog10Pow2(E);
  const beta = E + floorLog2Pow10(k);
  const entry = tables + (<usize>(k - MIN_K) << 4);
  const low = load<u64>(entry);
  const high = load<u64>(entry, 8);
  const delta = <u32>(high >> <u64>(63 - beta));

  // z = floor(u * phi / 2^128), u = (2F + 1) 2^beta: bits 128..191 of the 192-bit product
  const u = ((F << 1) | 1) << <u64>beta;
  const upperLow = u * high;
  const middle = upperLow + mulHigh(u, low);
  const z = mulHigh(u, high) + (middle < upperLow ? 1 : 0);
  const zIsInteger = middle == 0;

  let significand = z / 1000;
  let r = <u32>(z - significand * 1000);
  if (r < delta) {
    if (r != 0 || !zIsInteger || includeEnds) {
      digits = significand;
      exponent10 = 3 - k;
      removeTrailingZeros();
      return;
    }
    // the multiple of 1000 is the upper end itself, excluded
    significand--;
    r = 1000;
  } else if (r == delta) {
    // in the interval iff the lower end is at most 1000 * significand (even): its integer part odd, or it is that integer and included
    const lowerOdd = productParity((F << 1) - 1, low, high, beta);
    if (lowerOdd || (productIsInteger && includeEnds)) {
      digits = significand;
      exponent10 = 3 - k;
      removeTrailingZeros();
      return;
    }
  }

  // one digit more: round(y / 100) for the midpoint y = z - delta / 2, from its estimate z - floor(delta) / 2 (within 1)
  const dist = r - (delta >> 1) + 50;
  const step = dist / 100;
  significand = significand * 10 + <u64>step;
  if (step * 100 == dist) {
    // the estimate + 50 is a multiple of 100: y + 50 falls just below it, on it (a tie), or above
    const yOdd = productParity(F << 1, low, high, beta);
    if (yOdd != ((dist & 1) != 0)) significand--;
    else if (productIsInteger && (significand & 1) != 0) significand--;
  }
  digits = significand;
  exponent10 = 2 - k;
}

/** {@link shortest} for x = 2^(E + 52), whose interval is [x - 2^(E-2), x + 2^(E-1)], ends included. */
function shortestOfPowerOfTwo(E: i32, tables: usize): void {
  const k = -floorLog10Pow2Times3Over4(E);
  const beta = E + floorLog2Pow10(k); // 0..3
  const high = load<u64>(tables + (<usize>(k - MIN_K) << 4), 8);
  // x 10^k = high 2^(beta - 11) (to within what floor never sees); the ends are 2^-54 and 2^-53 of it away
  let lower = (high - (high >> 54)) >> <u64>(11 - beta);
  const upper = (high + (high >> 53)) >> <u64>(11 - beta);
  if (E < 2 || E > 3) lower++; // the lower end is an integer only for E = 2, 3
  const tens = upper / 10;
  if (tens * 10 >= lower) {
    digits = tens;
    exponent10 = 1 - k;
    removeTrailingZeros();
    return;
  }
  let nearest = ((high >> <u64>(10 - beta)) + 1) >> 1;
  if (E == -77) {
    // x 10^k is exactly half an odd integer: round to even
    if (nearest & 1) nearest--;
  } else if (nearest < lower) nearest++;
  digits = nearest;
  exponent10 = -k;
}

/** 10^i for i = 0..19. */
const POWERS_OF_10: usize = memory.data<u64>([
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
  100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
  10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000,
]);

/** Decimal digits of `value` (>= 1): from its bit length, floor(bits * log10 2), and one comparison. */
@inline
function decimalLength(value: u64): i32 {
  const t = (<i32>(64 - clz(value)) * 1233) >> 12;
  return t + 1 - (value < load<u64>(POWERS_OF_10 + (<usize>t << 3)) ? 1 : 0);
}

/**
 * The 8 ASCII digits of `value` < 10^8, zero-padded, the first in the lowest byte: split into
 * 4-digit, 2-digit and 1-digit lanes of one u64, each division by a multiply and shift that is
 * exact in its range (n / 100 = n * 10486 >> 20 for n < 10^4, n / 10 = n * 103 >> 10 for n < 100).
 */
@inline
function asciiDigits8(value: u32): u64 {
  const upper = value / 10000;
  const x = <u64>upper | (<u64>(value - upper * 10000) << 32);
  const hundreds = ((x * 10486) >> 20) & 0x0000007f0000007f;
  const y = hundreds | ((x - hundreds * 100) << 16);
  const tens = ((y * 103) >> 10) & 0x000f000f000f000f;
  return (tens | ((y - tens * 10) << 8)) + 0x3030303030303030;
}

/**
 * Writes `value`'s `length` (its decimalLength) digits from p, 8 at a time: may write up to 7
 * bytes of garbage after them (the caller's buffer has room; later fields overwrite them).
 */
@inline
function writeDigits(value: u64, length: i32, p: usize): void {
  if (length <= 8) {
    store<u64>(p, asciiDigits8(<u32>value) >> (<u64>(8 - length) << 3));
    return;
  }
  const high = value / 100000000;
  const low = <u32>(value - high * 100000000);
  if (length <= 16) {
    store<u64>(p, asciiDigits8(<u32>high) >> (<u64>(16 - length) << 3));
  } else {
    const top = <u32>(high / 100000000); // length 17: one digit
    store<u8>(p, <u8>(48 + top));
    store<u64>(p + 1, asciiDigits8(<u32>high - top * 100000000));
  }
  store<u64>(p + <usize>(length - 8), asciiDigits8(low));
}

/** Writes String(x) for finite non-zero x at p; returns the position after it (may write garbage up to 15 bytes further). */
function writeNumber(x: f64, p: usize, tables: usize): usize {
  if (x < 0) {
    store<u8>(p++, 45);
    x = -x;
  }
  if (x < 9007199254740992.0) {
    // an integer below 2^53 is its own shortest decimal, written in full (at most 16 digits)
    const integer = <u64>x;
    if (<f64>integer == x) {
      const length = decimalLength(integer);
      writeDigits(integer, length, p);
      return p + <usize>length;
    }
  }
  shortest(reinterpret<u64>(x), tables);
  const k = decimalLength(digits);
  const n = exponent10 + k; // x = 0.d1d2...dk * 10^n
  if (0 < n && n <= 21) {
    writeDigits(digits, k, p);
    if (k <= n) {
      // an integer: digits, then n - k zeros (n <= 21)
      p += <usize>k;
      for (let z = k; z < n; z++) store<u8>(p++, 48);
      return p;
    }
    // d1..dn . dn+1..dk: the k - n <= 16 digits after the point move one byte up
    const fraction = p + <usize>n;
    const first = load<u64>(fraction);
    const second = load<u64>(fraction, 8);
    store<u64>(fraction, first, 1);
    store<u64>(fraction, second, 9);
    store<u8>(fraction, 46);
    return p + <usize>(k + 1);
  }
  if (-6 < n && n <= 0) {
    store<u64>(p, 0x3030303030302e30); // "0.000000": "0." and the -n <= 5 zeros
    p += <usize>(2 - n);
    writeDigits(digits, k, p);
    return p + <usize>k;
  }
  // d1[.d2..dk]e(+|-)(n-1)
  writeDigits(digits, k, p + 1);
  store<u8>(p, load<u8>(p + 1));
  if (k > 1) {
    store<u8>(p + 1, 46);
    p += <usize>(k + 1);
  } else p += 1;
  store<u8>(p++, 101);
  let e = n - 1;
  store<u8>(p++, e < 0 ? 45 : 43);
  if (e < 0) e = -e;
  const length = decimalLength(<u64>e);
  writeDigits(<u64>e, length, p);
  return p + <usize>length;
}

/** ASCII "Infinity". */
function writeInfinity(p: usize): usize {
  store<u64>(p, 0x7974696e69666e49); // "Infinity" little-endian
  return p + 8;
}

export function formatRow(values: usize, width: i32, out: usize, tables: usize): i32 {
  let p = out;
  for (let c = 0; c < width; c++) {
    if (c > 0) store<u8>(p++, 44);
    const x = load<f64>(values + (<usize>c << 3));
    if (x != x) continue;
    if (x == 0) {
      store<u8>(p++, 48);
      continue;
    }
    if (x == Infinity) {
      p = writeInfinity(p);
      continue;
    }
    if (x == -Infinity) {
      store<u8>(p++, 45);
      p = writeInfinity(p);
      continue;
    }
    p = writeNumber(x, p, tables);
  }
  return <i32>(p - out);
}

/**
 * The first digit (1..9) of the shortest, closest decimal of the positive finite double with
 * bits `bits` (the first digit of String(x), of numpy's `format_float_scientific`); `tables`
 * as for {@link formatRow}.
 */
export function shortestLeadingDigit(bits: u64, tables: usize): i32 {
  shortest(bits, tables);
  let d = digits; // < 10^17
  if (d >= 10000000000000000) d /= 10000000000000000;
  if (d >= 100000000) d /= 100000000;
  if (d >= 10000) d /= 10000;
  if (d >= 100) d /= 100;
  if (d >= 10) d /= 10;
  return <i32>d;
}

