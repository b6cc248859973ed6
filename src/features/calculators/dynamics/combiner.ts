/**
 * A tsfresh "combiner" calculator: it sees all its parameter sets at once (so work shared by
 * them — one AR fit for every coefficient, one ADF test for every attribute — is done once),
 * and writes one value per parameter set, named by tsfresh's default rule.
 */
import type { Calculator, SeriesContext } from '../../calculator.js';
import { requireParams } from '../../calculator.js';
import { formatParamSet, type ParamSet } from '../../params.js';

/** Builds a Calculator from `fn`, which writes `params.length` values into `out` from `offset`. */
export function combinerCalculator(
  name: string,
  fn: (ctx: SeriesContext, params: readonly ParamSet[], out: Float64Array, offset: number) => void,
  suffix: (params: ParamSet) => string = formatParamSet,
): Calculator {
  return {
    name,
    outputs: (params) => requireParams(name, params).map(suffix),
    compute(ctx, params, out, offset) {
      fn(ctx, requireParams(name, params), out, offset);
    },
  };
}
