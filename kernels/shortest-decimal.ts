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
 * The digits are written 16 at a time: one SIMD vector of ASCII bytes (4-digit groups in i32
 * lanes, then 2-digit halves in i16 lanes, each division a multiply and shift), moved past its
 * leading zeros by a swizzle; the common layouts (-5 <= n <= 6) need no branch between them.
 *
 * formatRow(values, width, out, tables): the CSV fields of `width` doubles, comma-separated,
 * NaN as an empty field, written as ASCII from `out` (room for 26 bytes per value and 32 more:
 * its 8- and 16-byte stores may run up to 16 bytes past the text); returns the byte count.
 */

/** The smallest k of the tables of phi_k. */
const MIN_K: i32 = -292;

/** floor(log10(2^e)) for -1200 <= e <= 1100 (compared with exact BigInt values over that range). */
@inline
function floorLog10Pow2(e: i32): i32 {
  return (e * 315653) >> 20;
}

/** floor(log2(10^k)) for -350 <= k <= 350 (likewise). */
@inline
function floorLog2Pow10(k: i32): i32 {
  return (k * 1741647) >> 19;
}

/** floor(log10(2^e * 3/4)) for -1200 <= e <= 1100 (likewise). */
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
@inline
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
  // bits 64..127 (middle) from the low 64 of u * high and the high 64 of u * low; the latter
  // lies in [uh lh, uh lh + 2^33] (uh, lh: the upper halves of u and low), which decides the
  // carry into z and that middle != 0 unless the estimate is 0 or within 3 * 2^32 of 2^64
  const upperLow = u * high;
  let middle = upperLow + (u >> 32) * (low >> 32);
  let zIsInteger = false;
  if (middle == 0 || middle >= 0xfffffffd00000000) {
    middle = upperLow + mulHigh(u, low);
    zIsInteger = middle == 0;
  }
  const z = mulHigh(u, high) + (middle < upperLow ? 1 : 0);

  const significand = z / 1000;
  const r = <u32>(z - significand * 1000);
  // if r < floor(delta) the multiple of 1000 is inside; if not, the answer is the multiple of 100
  // nearest the midpoint y = z - delta / 2, from the estimate z - floor(delta / 2) (within 1 of y)
  const inside = r < delta;
  const dist = r - (delta >> 1) + 50; // >= 0 when r >= delta
  const step = dist / 100;
  const exact = <i32>(r == delta) | (<i32>(step * 100 == dist) & <i32>!inside) | (<i32>(r == 0) & <i32>zIsInteger & <i32>!includeEnds);
  if (exact) {
    shortestNearEnds(significand, r, delta, zIsInteger, F, low, high, beta, k);
    return;
  }
  digits = select<u64>(significand, significand * 10 + <u64>step, inside);
  exponent10 = select<i32>(3 - k, 2 - k, inside);
  removeTrailingZeros(); // the multiple of 100 has none (a multiple of 1000 would have been inside)
}

/**
 * {@link shortest}'s exact cases, about 1 in 100: the multiple of 1000 at the lower end's
 * distance (r == floor(delta)) or equal to the excluded upper end, or the estimate of y + 50
 * on a multiple of 100 (y just below it, on it: a tie, or above).
 */
function shortestNearEnds(significand: u64, r: u32, delta: u32, zIsInteger: bool, F: u64, low: u64, high: u64, beta: i32, k: i32): void {
  const includeEnds = (F & 1) == 0;
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
  const dist = r - (delta >> 1) + 50;
  const step = dist / 100;
  significand = significand * 10 + <u64>step;
  if (step * 100 == dist) {
    const yOdd = productParity(F << 1, low, high, beta);
    if (yOdd != ((dist & 1) != 0)) significand--;
    else if (productIsInteger && (significand & 1) != 0) significand--; // a tie: the even one
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
 * The 16 ASCII digits of upper * 10^8 + lower (upper, lower < 10^8), zero-padded, the first in
 * the lowest byte: the four 4-digit groups in the i32 lanes of a vector, split into 2-digit
 * halves in i16 lanes and those into digits in bytes, each division a multiply and shift exact
 * in its range (n / 100 = n * 10486 >> 20 for n < 10^4, n / 10 = n * 103 >> 10 for n < 100).
 */
@inline
function asciiDigits16(upper: u32, lower: u32): v128 {
  const a = upper / 10000;
  const c = lower / 10000;
  let groups = i32x4.splat(a);
  groups = i32x4.replace_lane(groups, 1, upper - a * 10000);
  groups = i32x4.replace_lane(groups, 2, c);
  groups = i32x4.replace_lane(groups, 3, lower - c * 10000);
  const hundreds = i32x4.shr_u(i32x4.mul(groups, i32x4.splat(10486)), 20);
  const pairs = v128.or(hundreds, i32x4.shl(i32x4.sub(groups, i32x4.mul(hundreds, i32x4.splat(100))), 16));
  const tens = i16x8.shr_u(i16x8.mul(pairs, i16x8.splat(103)), 10);
  const digitBytes = v128.or(tens, i16x8.shl(i16x8.sub(pairs, i16x8.mul(tens, i16x8.splat(10))), 8));
  return i8x16.add(digitBytes, i8x16.splat(48));
}

/** Byte indices 0..15, the swizzle that leaves a vector as it is. */
const BYTE_INDICES: v128 = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

/**
 * Writes `value`'s `length` (its decimalLength, <= 17) digits from p: the first of 17 as a byte
 * (0 if fewer: then overwritten), the others as one 16-byte store of {@link asciiDigits16}
 * moved down past its leading zeros. May write up to 15 bytes of garbage after them (the
 * caller's buffer has room; later fields overwrite them).
 */
@inline
function writeDigits(value: u64, length: i32, p: usize): void {
  const high = <u32>(value / 100000000); // < 10^9
  const lower = <u32>value - high * 100000000;
  const top = high / 100000000;
  const seventeen = <i32>(top != 0);
  store<u8>(p, <u8>(48 + top));
  const digits16 = asciiDigits16(high - top * 100000000, lower);
  const leadingZeros = i8x16.splat(<i8>(16 + seventeen - length));
  v128.store(p + <usize>seventeen, i8x16.swizzle(digits16, i8x16.add(BYTE_INDICES, leadingZeros)));
}

/** Writes String(x) for finite non-zero x at p; returns the position after it (may write garbage up to 16 bytes further). */
@inline
function writeNumber(x: f64, p: usize, tables: usize): usize {
  store<u8>(p, 45); // "-", kept only for a negative x
  p += <usize>(reinterpret<u64>(x) >> 63);
  x = abs(x);
  if (x < 9007199254740992.0) {
    // an integer below 2^53 is its own shortest decimal, written in full (at most 16 digits);
    // signed conversions: single instructions, unlike the unsigned ones
    const integer = <i64>x;
    if (<f64>integer == x) {
      const length = decimalLength(<u64>integer);
      writeDigits(<u64>integer, length, p);
      return p + <usize>length;
    }
  }
  shortest(reinterpret<u64>(x), tables);
  const k = decimalLength(digits);
  const n = exponent10 + k; // x = 0.d1d2...dk * 10^n
  if (<u32>(n + 5) < 12 && k > n) {
    // -5 <= n <= 6, not an integer: "0.000000", then the digits after its -n zeros (n <= 0), or
    // the digits from p + 1 with the first n moved down a byte and the point after them (n > 0)
    store<u64>(p, 0x3030303030302e30);
    const start = p + <usize>select<i32>(1, 2 - n, n > 0);
    writeDigits(digits, k, start);
    const shift = <u64>(n << 3);
    const integerBytes = (<u64>1 << shift) - 1;
    const pointed = (load<u64>(p + 1) & integerBytes) | (<u64>46 << shift) | (load<u64>(p) & ~((integerBytes << 8) | 0xff));
    store<u64>(p, select<u64>(pointed, load<u64>(p), n > 0));
    return start + <usize>k;
  }
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
    const magnitude = abs(x);
    if (magnitude < Infinity && magnitude > 0) {
      p = writeNumber(x, p, tables);
      continue;
    }
    if (x != x) continue;
    if (x == 0) {
      store<u8>(p++, 48);
      continue;
    }
    if (x < 0) store<u8>(p++, 45);
    p = writeInfinity(p);
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

