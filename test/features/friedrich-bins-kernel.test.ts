/**
 * kernels/dynamics-friedrich.ts's friedrichBinMeans (bins by bisection, grouped by a counting
 * sort, four bins' compensated sums side by side, each bin then finishing alone) against one
 * plain running Kahan sum per bin over the series, Object.is per mean, for bin counts around
 * the blocks of four, uneven bins, ties and signed zeros.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { friedrichBinSums } from './numpy-reference.js';
import { KernelBuffer, kernels } from '../../src/util/wasm-kernels.js';

function series(n: number, seed: number, kind: number): Float64Array {
  let state = seed;
  const next = (): number => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  let v = 0;
  return Float64Array.from({ length: n }, (_, i) => {
    if (kind === 1) return i % 4 === 0 ? -0 : Math.round(next() * 40) / 4; // ties, zeros of both signs
    if (kind === 2) return next() < 0.3 ? 5 : 1e3 * next() ** 3; // clumped: very uneven bins
    return (v += next());
  });
}

/** Strictly increasing edges e_0..e_r spread over the values (not quantiles: bins may be empty). */
function edgesFor(x: Float64Array, r: number, seed: number): Float64Array {
  const sorted = Float64Array.from(x).sort();
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  let state = seed;
  const cuts = Array.from({ length: r - 1 }, () => lo + ((hi - lo) * (state = (state * 48271) % 2147483647)) / 2147483647).sort((a, b) => a - b);
  const edges = [lo, ...cuts, hi];
  for (let k = 1; k <= r; k++) if (!(edges[k]! > edges[k - 1]!)) edges[k] = edges[k - 1]! + 1e-9;
  return Float64Array.from(edges);
}

test('friedrichBinMeans equals one running compensated sum per bin in series order', () => {
  const k = kernels();
  const xb = new KernelBuffer();
  const eb = new KernelBuffer();
  const wb = new KernelBuffer();
  let compared = 0;
  for (const n of [2, 5, 17, 120, 600]) {
    for (let kind = 0; kind < 3; kind++) {
      const x = series(n, 7 + n + kind, kind);
      const count = n - 1;
      for (const r of [1, 2, 3, 4, 5, 7, 8, 9, 13, 30]) {
        const edges = edgesFor(x.subarray(0, count), r, 3 + r);
        const work = wb.pointer(7 * r + count);
        const meansX = work + 8 * (5 * r + count);
        const meansD = meansX + 8 * r;
        const xAt = xb.copyIn(x);
        const bins = k.fn.friedrichBinMeans(xAt, count, eb.copyIn(edges), r, work, meansX, meansD);
        const kept = friedrichBinSums(x, count, edges, r);
        assert.equal(bins, kept.length, `n ${n} kind ${kind} r ${r}: bins`);
        const memory = k.f64;
        kept.forEach((s, i) => {
          const gotX = memory[meansX / 8 + i]!;
          const gotD = memory[meansD / 8 + i]!;
          assert.ok(Object.is(gotX, s.x / s.n) && Object.is(gotD, s.d / s.n), `n ${n} kind ${kind} r ${r} bin ${i}: ${gotX}, ${gotD} vs ${s.x / s.n}, ${s.d / s.n}`);
          compared++;
        });
      }
    }
  }
  assert.ok(compared > 600, `${compared} bins`);
});
