/**
 * number_cwt_peaks: the number of peaks that scipy.signal.find_peaks_cwt finds in x when it
 * smooths x with Ricker wavelets of widths 1, 2, ..., n and keeps the peaks that persist over
 * enough widths with a signal-to-noise ratio of at least 1 (see find-peaks-cwt.ts).
 *
 * Parameters: n, the largest wavelet width (an integer >= 1). All parameter sets are counted
 * from one set of CWT rows (widths 1..max n) and one search for their relative maxima.
 */
import { requireParams, type Calculator } from '../../calculator.js';
import { formatParamSet, num } from '../../params.js';
import { KernelBuffer } from '../../../util/wasm-kernels.js';
import { countPeaksCwtInKernel } from './find-peaks-cwt.js';
import { rickerCwtRowsInKernel } from './ricker-cwt.js';

/** The CWT rows of the series being computed, width a in row a - 1, in kernel memory. */
const rows = new KernelBuffer();

function widthsOf(params: Parameters<Calculator['outputs']>[0]): number[] {
  return requireParams('number_cwt_peaks', params).map((p) => {
    const n = num(p.n);
    if (!Number.isInteger(n) || n < 1) throw new Error(`number_cwt_peaks: n must be an integer >= 1, got ${String(p.n)}`);
    return n;
  });
}

export const numberCwtPeaks: Calculator = {
  name: 'number_cwt_peaks',
  outputs: (params) => {
    widthsOf(params);
    return requireParams('number_cwt_peaks', params).map(formatParamSet);
  },
  compute(ctx, params, out, offset) {
    const ns = widthsOf(params);
    const x = ctx.x;
    if (x.length === 0) {
      out.fill(0, offset, offset + ns.length);
      return;
    }
    const widest = Math.max(...ns);
    countPeaksCwtInKernel(rickerCwtRowsInKernel(x, widest, rows), x.length, ns, out, offset);
  },
};
