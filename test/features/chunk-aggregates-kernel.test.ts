/**
 * kernels/dynamics-linear-trend.ts's chunkAggregates, several reductions per call (the two-chunk
 * lanes for short chunks, the one-chunk path, the in-order fallback for NaN and zero extremes),
 * against numpy's reductions written plainly here, Object.is per value; and agg_linear_trend's
 * grouped plan against one fit at a time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numpyPairwiseSum } from './numpy-reference.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';
import { aggLinearTrend, chunkTrend } from '../../src/features/calculators/dynamics/agg-linear-trend.js';
import { SeriesContext } from '../../src/features/calculator.js';

/** Reduction `kind` (0 max, 1 min, 2 mean, 3 var, 4 std, 5 sum) of v, numpy's way. */
function reduce(kind: number, v: readonly number[]): number {
  if (kind <= 1) {
    let best = v[0]!;
    for (let i = 1; i < v.length && best === best; i++) {
      const w = v[i]!;
      if (kind === 0 ? !(w <= best) : !(w >= best)) best = w;
    }
    return best;
  }
  const sum = numpyPairwiseSum(v);
  const mean = sum / v.length;
  if (kind === 2) return mean;
  if (kind === 5) return sum;
  const variance = numpyPairwiseSum(v.map((x) => (x - mean) * (x - mean))) / v.length;
  return kind === 3 ? variance : Math.sqrt(variance);
}

function series(n: number, seed: number, kind: number): Float64Array {
  let state = seed;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  let v = 0;
  return Float64Array.from({ length: n }, (_, i) => {
    if (kind === 1) return i % 5 === 0 ? -0 : i % 5 === 2 ? 0 : Math.round(next() * 4); // zero extremes of both signs
    if (kind === 2 && i % 37 === 11) return Number.NaN;
    return (v += next());
  });
}

test('chunkAggregates: every mask of reductions, chunk lengths 1..17, 50, 129, NaN and signed zeros', () => {
  const k = kernels();
  const xBuffer = new KernelBuffer();
  const outBuffer = new KernelBuffer();
  const scratch = new KernelBuffer();
  let compared = 0;
  for (const n of [1, 7, 60, 101, 600]) {
    for (let kind = 0; kind < 3; kind++) {
      const x = series(n, 3 + n + kind, kind);
      for (const chunkLen of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 50, 129]) {
        const m = Math.ceil(n / chunkLen);
        for (const mask of [0b111111, 0b000011, 0b001100, 0b110001, 0b000001, 0b000010, 0b010000, 0b100000]) {
          const at = xBuffer.copyIn(x);
          const out = outBuffer.pointer(6 * m);
          k.fn.chunkAggregates(at, n, mask, chunkLen, out, scratch.pointer(chunkLen));
          const memory = k.f64;
          for (let j = 0; j < 6; j++) {
            if (!(mask & (1 << j))) continue;
            for (let c = 0; c < m; c++) {
              const chunk = Array.from(x.subarray(c * chunkLen, Math.min(n, (c + 1) * chunkLen)));
              const want = reduce(j, chunk);
              const got = memory[out / 8 + j * m + c]!;
              assert.ok(Object.is(got, want), `n ${n} kind ${kind} len ${chunkLen} mask ${mask} agg ${j} chunk ${c}: ${got} vs ${want}`);
              compared++;
            }
          }
        }
      }
    }
  }
  assert.ok(compared > 50_000, `${compared} values`);
});

test('agg_linear_trend with all reductions grouped per chunk length equals one fit at a time', () => {
  const params = [];
  for (const chunk_len of [3, 5, 10, 50]) for (const f_agg of ['max', 'min', 'mean', 'var', 'std', 'sum', 'median']) for (const attr of ['slope', 'stderr']) params.push({ attr, chunk_len, f_agg });
  for (const x of [series(600, 9, 0), series(97, 4, 1), series(200, 5, 2)]) {
    const out = new Float64Array(params.length);
    aggLinearTrend.compute(new SeriesContext(x), params, out, 0);
    params.forEach((p, i) => {
      const fit = chunkTrend(x, p.f_agg, p.chunk_len)!;
      const want = p.attr === 'slope' ? fit.slope : fit.stderr;
      assert.ok(Object.is(out[i], want), `${JSON.stringify(p)}: ${out[i]} vs ${want}`);
    });
  }
});
