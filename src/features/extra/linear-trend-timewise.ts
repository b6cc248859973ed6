/**
 * `linear_trend_timewise` (tsfresh 0.20.3): scipy's linregress of the values against their
 * time in hours since the series' first timestamp; params `{attr}` with attr one of
 * "pvalue", "rvalue", "intercept", "slope", "stderr". tsfresh reads the times from a datetime
 * index; here they come from the tidy table's timestamp column (seconds). Without timestamps
 * (a bare series) every value is NaN.
 */
import { requireParams, type Calculator } from '../calculator.js';
import { formatParamSet } from '../params.js';
import { linregress, type LinregressResult } from './linregress.js';

export const linearTrendTimewise: Calculator = {
  name: 'linear_trend_timewise',
  outputs: (params) => requireParams('linear_trend_timewise', params).map(formatParamSet),
  compute(ctx, params, out, offset) {
    const list = requireParams('linear_trend_timewise', params);
    const t = ctx.timestamps;
    let fit: LinregressResult | null = null;
    if (t && t.length === ctx.x.length && t.length > 0) {
      const hours = new Float64Array(t.length);
      for (let i = 0; i < t.length; i++) hours[i] = (t[i]! - t[0]!) / 3600;
      fit = linregress(hours, ctx.x);
    }
    for (let i = 0; i < list.length; i++) {
      const attr = String(list[i]!.attr) as keyof LinregressResult;
      out[offset + i] = fit && attr in fit ? fit[attr] : Number.NaN;
    }
  },
};
