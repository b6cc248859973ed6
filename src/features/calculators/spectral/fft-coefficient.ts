/**
 * fft_coefficient: the Fourier coefficients of the one-dimensional discrete Fourier transform
 * of a real series, numpy.fft.rfft,
 *
 *     A_k = sum_{m=0}^{n-1} x_m exp(-2 pi i m k / n),   k = 0 .. floor(n/2),
 *
 * and for each parameter set {coeff: k, attr} one of its real part (attr "real"), imaginary
 * part ("imag"), absolute value ("abs") or angle in degrees ("angle", numpy.angle(A_k,
 * deg=True) = atan2(Im, Re) * 180/pi). A coefficient past the end of the spectrum
 * (k > floor(n/2)) is NaN.
 *
 * Parameters: coeff, an integer >= 0; attr, one of "real", "imag", "abs", "angle".
 */
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { KernelBuffer, kernels } from '../../../util/wasm-kernels.js';
import { rfftLength, seriesSpectrumPointer } from './series-rfft.js';

const ATTRS = ['real', 'imag', 'abs', 'angle'] as const;
const DEGREES_PER_RADIAN = 180 / Math.PI;

/**
 * A parameter list read once: coefficient index and attribute code (index into ATTRS) per set,
 * both also as int32s in kernel memory (`requests`: the coefficients, then the codes), and the
 * positions of the angle requests.
 */
interface CoefficientList {
  readonly coeff: Int32Array;
  readonly requests: number;
  readonly angles: Int32Array;
}

/** fft_coefficient's values, in kernel memory. */
const coefficientValues = new KernelBuffer();

/** Parameter lists are read once per plan (the same array object comes back for every series). */
const parsedLists = new WeakMap<readonly ParamSet[], CoefficientList>();

function parseParams(list: readonly ParamSet[]): CoefficientList {
  let parsed = parsedLists.get(list);
  if (parsed) return parsed;
  const coeff = new Int32Array(list.length);
  const attr = new Uint8Array(list.length);
  list.forEach((p, i) => {
    const k = num(p.coeff);
    if (!Number.isInteger(k) || k < 0 || k > 0x7fffffff) throw new Error(`fft_coefficient: coeff must be an integer >= 0, got ${String(p.coeff)}`);
    const a = ATTRS.indexOf(p.attr as (typeof ATTRS)[number]);
    if (typeof p.attr !== 'string' || a < 0) {
      throw new Error(`fft_coefficient: attr must be "real", "imag", "abs" or "angle", got ${JSON.stringify(p.attr)}`);
    }
    coeff[i] = k;
    attr[i] = a;
  });
  const requests = kernels().reserve(list.length);
  const codes = new Int32Array(kernels().f64.buffer, requests, 2 * list.length);
  codes.set(coeff);
  codes.set(attr, list.length);
  const angles = Int32Array.from(Array.from(attr.keys()).filter((i) => attr[i] === 3));
  parsed = { coeff, requests, angles };
  parsedLists.set(list, parsed);
  return parsed;
}

export const fftCoefficient: Calculator = {
  name: 'fft_coefficient',
  outputs(params) {
    const list = requireParams('fft_coefficient', params);
    parseParams(list);
    return list.map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const list = requireParams('fft_coefficient', params);
    const { coeff, requests, angles } = parseParams(list);
    if (ctx.x.length === 0) {
      out.fill(Number.NaN, offset, offset + list.length);
      return;
    }
    const K = rfftLength(ctx.x.length);
    const spectrum = seriesSpectrumPointer(ctx);
    const count = coeff.length;
    const values = coefficientValues.pointer(count);
    kernels().fn.coefficientValues(spectrum, spectrum + 8 * K, K, requests, requests + 4 * count, count, values);
    const memory = kernels().f64;
    out.set(memory.subarray(values / 8, values / 8 + count), offset);
    const re = spectrum / 8, im = re + K;
    for (let j = 0; j < angles.length; j++) {
      const i = angles[j]!;
      const k = coeff[i]!;
      if (k < K) out[offset + i] = Math.atan2(memory[im + k]!, memory[re + k]!) * DEGREES_PER_RADIAN;
    }
  },
};
