/**
 * Doubles as the text JavaScript's `String(x)` gives (ECMAScript Number::toString): the
 * shortest decimal that reads back as x, the closest such one to x when there are several,
 * the even one on a tie; laid out as JS does (`123`, `0.001`, `1.5e-7`, `1e+21`).
 *
 * The digits come from Ryu's method (Ulf Adams, PLDI 2018): with x = m2 * 2^e2, the interval
 * of decimals that round to x is [4m2 - 1 - mmShift, 4m2 + 2] * 2^(e2-2); one multiplication
 * by a 125-bit approximation of 2^a / 5^q (or 5^q / 2^a) puts its ends, vm and vp, and the
 * midpoint vr on a decimal scale with q digits already removed, exactly enough to decide; then
 * digits come off while vp / 10 > vm / 10, tracking the last removed digit to round vr. The
 * tables of 5^q are computed by the TypeScript side (BigInt) into memory at `tables`:
 * POW5_INV[q], q < 342, then POW5[i], i < 326, each as (low, high) u64 words.
 *
 * formatRow(values, width, out, tables): the CSV fields of `width` doubles, comma-separated,
 * NaN as an empty field, written as ASCII from `out`; returns the byte count.
 */

const POW5_INV_BITCOUNT: i32 = 125;
const POW5_BITCOUNT: i32 = 125;
const POW5_INV_COUNT: i32 = 342;

/** ceil(log2(5^e)) for 1 <= e <= 3528 (1 for e = 0). */
@inline
function pow5bits(e: i32): i32 {
  return ((e * 1217359) >>> 19) + 1;
}

/** floor(log10(2^e)) for 0 <= e <= 1650. */
@inline
function log10Pow2(e: i32): i32 {
  return (e * 78913) >>> 18;
}

/** floor(log10(5^e)) for 0 <= e <= 2620. */
@inline
function log10Pow5(e: i32): i32 {
  return (e * 732923) >>> 20;
}

/** Whether 5^p divides `value` (value > 0). */
function multipleOfPowerOf5(value: u64, p: i32): bool {
  let count = 0;
  while (value % 5 == 0) {
    value /= 5;
    count++;
  }
  return count >= p;
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
 * floor(m * (high * 2^64 + low) / 2^j) for m < 2^56 and j >= 64 (the product has at most
 * 56 + 125 bits, so the shifted result fits in 64).
 */
function mulShift(m: u64, low: u64, high: u64, j: i32): u64 {
  // m * low = b0 (128 bits), m * high = b2 (128 bits); result = ((b0 >> 64) + b2) >> (j - 64)
  const b0High = mulHigh(m, low);
  const b2Low = m * high;
  const b2High = mulHigh(m, high);
  const sumLow = b2Low + b0High;
  const carry: u64 = sumLow < b2Low ? 1 : 0;
  const sumHigh = b2High + carry;
  const shift = j - 64;
  if (shift == 0) return sumLow;
  if (shift >= 64) return sumHigh >> <u64>(shift - 64);
  return (sumLow >> <u64>shift) | (sumHigh << <u64>(64 - shift));
}

/** Digits and decimal exponent of the last {@link shortest}: x = digits * 10^exponent10. */
let digits: u64 = 0;
let exponent10: i32 = 0;

/** The shortest, closest decimal of the positive finite double with bits `bits`. */
function shortest(bits: u64, tables: usize): void {
  const ieeeMantissa = bits & ((<u64>1 << 52) - 1);
  const ieeeExponent = <i32>((bits >> 52) & 0x7ff);
  let e2: i32;
  let m2: u64;
  if (ieeeExponent == 0) {
    e2 = 1 - 1023 - 52 - 2;
    m2 = ieeeMantissa;
  } else {
    e2 = ieeeExponent - 1023 - 52 - 2;
    m2 = ieeeMantissa | (<u64>1 << 52);
  }
  const acceptBounds = (m2 & 1) == 0;
  const mv = m2 << 2;
  const mmShift: u64 = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

  let vr: u64, vp: u64, vm: u64;
  let e10: i32;
  let vmIsTrailingZeros = false;
  let vrIsTrailingZeros = false;
  if (e2 >= 0) {
    const q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
    e10 = q;
    const k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
    const i = -e2 + q + k;
    const entry = tables + (<usize>q << 4);
    const low = load<u64>(entry);
    const high = load<u64>(entry, 8);
    vr = mulShift(mv, low, high, i);
    vp = mulShift(mv + 2, low, high, i);
    vm = mulShift(mv - 1 - mmShift, low, high, i);
    if (q <= 21) {
      if (mv % 5 == 0) vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
      else if (acceptBounds) vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
      else vp -= multipleOfPowerOf5(mv + 2, q) ? 1 : 0;
    }
  } else {
    const q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
    e10 = q + e2;
    const i = -e2 - q;
    const k = pow5bits(i) - POW5_BITCOUNT;
    const j = q - k;
    const entry = tables + (<usize>(POW5_INV_COUNT + i) << 4);
    const low = load<u64>(entry);
    const high = load<u64>(entry, 8);
    vr = mulShift(mv, low, high, j);
    vp = mulShift(mv + 2, low, high, j);
    vm = mulShift(mv - 1 - mmShift, low, high, j);
    if (q <= 1) {
      // mv has at least q trailing zero bits
      vrIsTrailingZeros = true;
      if (acceptBounds) vmIsTrailingZeros = mmShift == 1;
      else vp--;
    } else if (q < 63) {
      vrIsTrailingZeros = (mv & ((<u64>1 << <u64>q) - 1)) == 0;
    }
  }

  let removed = 0;
  let lastRemovedDigit: u64 = 0;
  let output: u64;
  if (vmIsTrailingZeros || vrIsTrailingZeros) {
    // the rare exact cases: trailing zeros decide ties and whether vm itself is allowed
    while (vp / 10 > vm / 10) {
      vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0;
      vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0;
      lastRemovedDigit = vr % 10;
      vr /= 10;
      vp /= 10;
      vm /= 10;
      removed++;
    }
    if (vmIsTrailingZeros) {
      while (vm % 10 == 0) {
        vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0;
        lastRemovedDigit = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
    }
    // an exact half: round to even
    if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) lastRemovedDigit = 4;
    output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1 : 0);
  } else {
    let roundUp = false;
    while (vp / 10 > vm / 10) {
      roundUp = vr % 10 >= 5;
      vr /= 10;
      vp /= 10;
      vm /= 10;
      removed++;
    }
    output = vr + (vr == vm || roundUp ? 1 : 0);
  }
  digits = output;
  exponent10 = e10 + removed;
}

/** Decimal digits of `value` (1 <= value < 10^17, as Ryu's outputs are). */
@inline
function decimalLength(value: u64): i32 {
  if (value >= 10000000000000000) return 17;
  if (value >= 1000000000000000) return 16;
  if (value >= 100000000000000) return 15;
  if (value >= 10000000000000) return 14;
  if (value >= 1000000000000) return 13;
  if (value >= 100000000000) return 12;
  if (value >= 10000000000) return 11;
  if (value >= 1000000000) return 10;
  if (value >= 100000000) return 9;
  if (value >= 10000000) return 8;
  if (value >= 1000000) return 7;
  if (value >= 100000) return 6;
  if (value >= 10000) return 5;
  if (value >= 1000) return 4;
  if (value >= 100) return 3;
  if (value >= 10) return 2;
  return 1;
}

/** "00" "01" .. "99": two ASCII digits per entry. */
const DIGIT_PAIRS: usize = memory.data<u8>([
  48, 48, 48, 49, 48, 50, 48, 51, 48, 52, 48, 53, 48, 54, 48, 55, 48, 56, 48, 57,
  49, 48, 49, 49, 49, 50, 49, 51, 49, 52, 49, 53, 49, 54, 49, 55, 49, 56, 49, 57,
  50, 48, 50, 49, 50, 50, 50, 51, 50, 52, 50, 53, 50, 54, 50, 55, 50, 56, 50, 57,
  51, 48, 51, 49, 51, 50, 51, 51, 51, 52, 51, 53, 51, 54, 51, 55, 51, 56, 51, 57,
  52, 48, 52, 49, 52, 50, 52, 51, 52, 52, 52, 53, 52, 54, 52, 55, 52, 56, 52, 57,
  53, 48, 53, 49, 53, 50, 53, 51, 53, 52, 53, 53, 53, 54, 53, 55, 53, 56, 53, 57,
  54, 48, 54, 49, 54, 50, 54, 51, 54, 52, 54, 53, 54, 54, 54, 55, 54, 56, 54, 57,
  55, 48, 55, 49, 55, 50, 55, 51, 55, 52, 55, 53, 55, 54, 55, 55, 55, 56, 55, 57,
  56, 48, 56, 49, 56, 50, 56, 51, 56, 52, 56, 53, 56, 54, 56, 55, 56, 56, 56, 57,
  57, 48, 57, 49, 57, 50, 57, 51, 57, 52, 57, 53, 57, 54, 57, 55, 57, 56, 57, 57,
]);

/** Writes the `length` lowest decimal digits of the u32 `value` ending before `end`. */
@inline
function writeDigits32(value: u32, length: i32, end: usize): void {
  while (length >= 2) {
    const pair = value % 100;
    value /= 100;
    end -= 2;
    store<u16>(end, load<u16>(DIGIT_PAIRS + (<usize>pair << 1)));
    length -= 2;
  }
  if (length) store<u8>(end - 1, <u8>(48 + value % 10));
}

/** Writes `value`'s `length` decimal digits at p: 8-digit u32 blocks, two digits per step. */
@inline
function writeDigits(value: u64, length: i32, p: usize): void {
  const end = p + <usize>length;
  if (length <= 8) {
    writeDigits32(<u32>value, length, end);
    return;
  }
  const low = <u32>(value % 100000000);
  const high = value / 100000000;
  writeDigits32(low, 8, end);
  if (length <= 16) writeDigits32(<u32>high, length - 8, end - 8);
  else {
    writeDigits32(<u32>(high % 100000000), 8, end - 8);
    writeDigits32(<u32>(high / 100000000), length - 16, end - 16);
  }
}

/** Writes String(x) for finite non-zero x at p; returns the position after it. */
function writeNumber(x: f64, p: usize, tables: usize): usize {
  let bits = reinterpret<u64>(x);
  if (bits >> 63) {
    store<u8>(p++, 45);
    bits &= ~(<u64>1 << 63);
  }
  shortest(bits, tables);
  const k = decimalLength(digits);
  const n = exponent10 + k; // x = 0.d1d2...dk * 10^n
  if (k <= n && n <= 21) {
    writeDigits(digits, k, p);
    p += <usize>k;
    for (let z = k; z < n; z++) store<u8>(p++, 48);
  } else if (0 < n && n <= 21) {
    // d1..dn . dn+1..dk
    const integerPart = n;
    writeDigits(digits, k, p + 1);
    for (let i = 0; i < integerPart; i++) store<u8>(p + <usize>i, load<u8>(p + <usize>i + 1));
    store<u8>(p + <usize>integerPart, 46);
    p += <usize>(k + 1);
  } else if (-6 < n && n <= 0) {
    store<u8>(p++, 48);
    store<u8>(p++, 46);
    for (let z = 0; z < -n; z++) store<u8>(p++, 48);
    writeDigits(digits, k, p);
    p += <usize>k;
  } else {
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
    p += <usize>length;
  }
  return p;
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
