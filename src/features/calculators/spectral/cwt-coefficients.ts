/**
 * cwt_coefficients: coefficients of the continuous wavelet transform with the Ricker wavelet
 * (see ricker-cwt.ts),
 *
 *     C(a, i) = sum_j x_j psi_a(i + floor((N-1)/2) - j),   N = min(10a, n),
 *
 * i.e. row `widths.index(w)` of scipy.signal.cwt(x, ricker, widths), column `coeff`. A
 * coefficient past the end of the series (coeff >= n) is NaN. Only the requested coefficients
 * are computed (O(N) each) instead of whole rows.
 *
 * Parameters: widths, a tuple of wavelet widths (tsfresh uses (2, 5, 10, 20)); w, one of
 * them; coeff, an integer >= 0.
 */
import type { Calculator } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, num, type ParamSet } from '../../params.js';
import { rickerCwtAt } from './ricker-cwt.js';

function checkParams(list: readonly ParamSet[]): void {
  for (const p of list) {
    const widths = p.widths;
    if (!Array.isArray(widths) || widths.length === 0) {
      throw new Error(`cwt_coefficients: widths must be a non-empty tuple, got ${JSON.stringify(widths)}`);
    }
    const w = num(p.w);
    if (!(widths as readonly unknown[]).some((v) => num(v as number) === w)) {
      throw new Error(`cwt_coefficients: w=${w} is not one of widths ${JSON.stringify(widths)}`);
    }
    if (!(w > 0)) throw new Error(`cwt_coefficients: w must be positive, got ${w}`);
    const coeff = num(p.coeff);
    if (!Number.isInteger(coeff) || coeff < 0) throw new Error(`cwt_coefficients: coeff must be an integer >= 0, got ${String(p.coeff)}`);
  }
}

const checkedLists = new WeakSet<readonly ParamSet[]>();

export const cwtCoefficients: Calculator = {
  name: 'cwt_coefficients',
  outputs(params) {
    const list = requireParams('cwt_coefficients', params);
    checkParams(list);
    return list.map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const list = requireParams('cwt_coefficients', params);
    // a plan's parameter list is checked once, not per series
    if (!checkedLists.has(list)) {
      checkParams(list);
      checkedLists.add(list);
    }
    const x = ctx.x;
    for (let i = 0; i < list.length; i++) {
      const coeff = num(list[i]!.coeff);
      out[offset + i] = coeff < x.length ? rickerCwtAt(x, num(list[i]!.w), coeff) : Number.NaN;
    }
  },
};
