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
import { hypot } from '../../numeric/hypot.js';
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { seriesRfft } from './series-rfft.js';

const ATTRS = ['real', 'imag', 'abs', 'angle'] as const;
const DEGREES_PER_RADIAN = 180 / Math.PI;

/** A parameter list read once: coefficient index and attribute code (index into ATTRS) per set. */
interface CoefficientList {
  readonly coeff: Int32Array;
  readonly attr: Uint8Array;
}

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
  parsed = { coeff, attr };
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
    const { coeff, attr } = parseParams(list);
    if (ctx.x.length === 0) {
      out.fill(Number.NaN, offset, offset + list.length);
      return;
    }
    const { re, im } = seriesRfft(ctx);
    for (let i = 0; i < coeff.length; i++) {
      const k = coeff[i]!;
      let value = Number.NaN;
      if (k < re.length) {
        switch (attr[i]) {
          case 0: // real
            value = re[k]!;
            break;
          case 1: // imag
            value = im[k]!;
            break;
          case 2: // abs
            value = hypot(re[k]!, im[k]!);
            break;
          default: // angle
            value = Math.atan2(im[k]!, re[k]!) * DEGREES_PER_RADIAN;
        }
      }
      out[offset + i] = value;
    }
  },
};
