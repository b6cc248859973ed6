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
import { seriesRfft } from './series-rfft.js';

const ATTRS = new Set(['real', 'imag', 'abs', 'angle']);
const DEGREES_PER_RADIAN = 180 / Math.PI;

function checkParams(list: readonly ParamSet[]): void {
  for (const p of list) {
    const coeff = num(p.coeff);
    if (!Number.isInteger(coeff) || coeff < 0) throw new Error(`fft_coefficient: coeff must be an integer >= 0, got ${String(p.coeff)}`);
    if (typeof p.attr !== 'string' || !ATTRS.has(p.attr)) {
      throw new Error(`fft_coefficient: attr must be "real", "imag", "abs" or "angle", got ${JSON.stringify(p.attr)}`);
    }
  }
}

export const fftCoefficient: Calculator = {
  name: 'fft_coefficient',
  outputs(params) {
    const list = requireParams('fft_coefficient', params);
    checkParams(list);
    return list.map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const list = requireParams('fft_coefficient', params);
    checkParams(list);
    if (ctx.x.length === 0) {
      out.fill(Number.NaN, offset, offset + list.length);
      return;
    }
    const { re, im } = seriesRfft(ctx);
    for (let i = 0; i < list.length; i++) {
      const k = num(list[i]!.coeff);
      let value = Number.NaN;
      if (k < re.length) {
        switch (list[i]!.attr) {
          case 'real':
            value = re[k]!;
            break;
          case 'imag':
            value = im[k]!;
            break;
          case 'abs':
            value = Math.hypot(re[k]!, im[k]!);
            break;
          default:
            value = Math.atan2(im[k]!, re[k]!) * DEGREES_PER_RADIAN;
        }
      }
      out[offset + i] = value;
    }
  },
};
