/**
 * spkt_welch_density: the power spectral density of x at frequency bin `coeff`, from Welch's
 * method with segments of min(len(x), 256) points (see welch.ts); frequency coeff / nperseg
 * cycles per sample. A bin past the end of the estimate (coeff > nperseg // 2) is NaN.
 *
 * tsfresh quirk kept: when some requested bins are missing, tsfresh returns the values of the
 * available bins first (in request order) and then the NaNs, still labelled in request order.
 * With coefficients requested in ascending order (as every tsfresh setting does) this is the
 * obvious answer; otherwise the labels shift, and we shift them the same way.
 *
 * Parameters: coeff, an integer >= 0.
 */
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { kernels } from '../../../util/wasm-kernels.js';
import { seriesWelchLength, seriesWelchPointer } from './welch.js';

/** Parameter lists are read once per plan (the same array object comes back for every series). */
const parsedLists = new WeakMap<readonly ParamSet[], Float64Array>();

function coefficients(list: readonly ParamSet[]): Float64Array {
  let parsed = parsedLists.get(list);
  if (parsed) return parsed;
  parsed = Float64Array.from(
    list.map((p) => {
      const coeff = num(p.coeff);
      if (!Number.isInteger(coeff) || coeff < 0) throw new Error(`spkt_welch_density: coeff must be an integer >= 0, got ${String(p.coeff)}`);
      return coeff;
    }),
  );
  parsedLists.set(list, parsed);
  return parsed;
}

export const spktWelchDensity: Calculator = {
  name: 'spkt_welch_density',
  outputs(params) {
    const list = requireParams('spkt_welch_density', params);
    coefficients(list);
    return list.map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const coeffs = coefficients(requireParams('spkt_welch_density', params));
    if (ctx.x.length === 0) {
      out.fill(Number.NaN, offset, offset + coeffs.length);
      return;
    }
    // the density where the Welch kernel left it; available bins first, in request order
    const length = seriesWelchLength(ctx);
    const at = seriesWelchPointer(ctx) / 8;
    const memory = kernels().f64;
    let written = 0;
    for (let i = 0; i < coeffs.length; i++) if (coeffs[i]! < length) out[offset + written++] = memory[at + coeffs[i]!]!;
    for (; written < coeffs.length; written++) out[offset + written] = Number.NaN;
  },
};
