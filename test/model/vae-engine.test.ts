import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { useBestBackend } from '../../src/model/backend.js';
import { adamLoop } from '../../src/model/adam.js';
import { batchTensors, noiseTensor } from '../../src/model/batches.js';
import { VaeEngine } from '../../src/model/vae-engine.js';
import { lossAndGradients } from '../../src/model/vae-step.js';
import { VaeWeights, type VaeDims } from '../../src/model/vae-weights.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

const adamOptions = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Perturbed initial weights (non-zero biases) and `rows` rows of data in [0, 1]. */
function setup(dims: VaeDims, rows: number, seed: number) {
  const rng = new Random(seed);
  const values = VaeWeights.initial(dims, seed).toArrays().map((a) => a.map((v) => v + 0.05 * rng.normal()));
  const data = { rows, cols: dims.inputDim, values: Float32Array.from({ length: rows * dims.inputDim }, () => rng.uniform()) };
  return { values, data };
}

/** max |got - want| / max |want| over all parameters. */
function worstRelative(got: readonly Float32Array[], want: readonly (Float32Array | ArrayLike<number>)[]): number {
  let worst = 0;
  got.forEach((g, i) => {
    const w = want[i]!;
    let scale = 0, err = 0;
    for (let j = 0; j < w.length; j++) {
      scale = Math.max(scale, Math.abs(w[j]!));
      err = Math.max(err, Math.abs(g[j]! - w[j]!));
    }
    assert.ok(scale > 0, `parameter ${i}: reference is all zero`);
    worst = Math.max(worst, err / scale);
  });
  return worst;
}

test('engine loss and gradients equal vae-step.ts (itself checked against tf.grads)', () => {
  // Shapes with row remainders of the 4-row tiles (latent 13, 2 * latent 26, batch 11), column
  // remainders of the 8-wide tiles, and widths over 64 so input gradients take several chunks
  // of Wt rows (300 = 4 x 64 + 44).
  for (const [dims, b] of [
    [{ inputDim: 7, intermediateDim: 4, latentDim: 3 }, 5],
    [{ inputDim: 300, intermediateDim: 150, latentDim: 13 }, 11],
  ] as const) {
    const { values, data } = setup(dims, b, 3);
    const order = Array.from({ length: b }, (_, i) => b - 1 - i); // rows in reverse order
    const engine = new VaeEngine(dims, 16, values, adamOptions);
    const ours = engine.gradients(data, order, 0, b, new Random(9));
    const weights = VaeWeights.fromArrays(dims, values);
    const { x, xT } = batchTensors(data, order, 0, b);
    const epsT = noiseTensor(new Random(9), dims.latentDim, b);
    const reference = lossAndGradients(weights, x, xT, epsT);
    const referenceLoss = reference.loss.dataSync()[0]!;
    assert.ok(Math.abs(ours.loss - referenceLoss) <= 1e-5 * Math.abs(referenceLoss), `loss ${ours.loss} vs ${referenceLoss}`);
    const worst = worstRelative(ours.gradients, reference.gradients.map((g) => g.dataSync() as Float32Array));
    assert.ok(worst < 1e-5, `gradients differ by ${worst} relative`);
    tf.dispose([x, xT, epsT, reference.loss, ...reference.gradients]);
    weights.dispose();
  }
});

test('a training step is the gradient followed by Keras Adam; the loss is reported before the update', () => {
  const dims = { inputDim: 9, intermediateDim: 4, latentDim: 3 };
  const { values, data } = setup(dims, 6, 4);
  const order = [0, 1, 2, 3, 4, 5];
  const probe = new VaeEngine(dims, 8, values, adamOptions);
  const engine = new VaeEngine(dims, 8, values, adamOptions);
  const expected = values.map((v) => Float32Array.from(v));
  const moments = values.map((v) => [new Float32Array(v.length), new Float32Array(v.length)] as const);
  const rngA = new Random(1), rngB = new Random(1);
  for (let step = 1; step <= 3; step++) {
    const { loss, gradients } = probe.gradients(data, order, 0, 6, rngA);
    const reported = engine.trainStep(data, order, 0, 6, rngB);
    assert.equal(reported, loss, `step ${step}: same loss as the gradient pass`);
    const stepSize = (0.01 * Math.sqrt(1 - 0.999 ** step)) / (1 - 0.9 ** step);
    expected.forEach((p, i) => adamLoop(p, gradients[i]!, moments[i]![0], moments[i]![1], p, 0, stepSize, 0.9, 0.999, 1e-7));
    const next = engine.parameters();
    const worst = worstRelative(next, expected);
    assert.ok(worst < 1e-6, `step ${step}: parameters follow Adam (worst relative difference ${worst})`);
    probe.assign(next); // the next gradient at the engine's weights
  }
  assert.equal(engine.iterations, 3);
});

test('engine refuses a batch larger than its buffers and data of another width', () => {
  const dims = { inputDim: 6, intermediateDim: 3, latentDim: 2 };
  const { values, data } = setup(dims, 5, 1);
  const engine = new VaeEngine(dims, 4, values, adamOptions);
  assert.throws(() => engine.loss(data, [0, 1, 2, 3, 4], 0, 5, new Random(1)), /batch of 5 rows/);
  assert.throws(() => engine.loss({ rows: 1, cols: 5, values: new Float32Array(5) }, [0], 0, 1, new Random(1)), /5 columns, expected 6/);
  assert.throws(() => new VaeEngine(dims, 4, values.slice(1), adamOptions), /expected 8 parameter arrays/);
  // 4 copies of ~1.8e9 parameters cannot fit a 32-bit memory (checked before allocating anything).
  assert.throws(() => new VaeEngine({ inputDim: 40_000, intermediateDim: 20_000, latentDim: 13_333 }, 32, [], adamOptions), /more than WebAssembly's 4 GB/);
});
