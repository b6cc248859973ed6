import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { useBestBackend } from '../../src/model/backend.js';
import { VaeWeights } from '../../src/model/vae-weights.js';
import { forwardPass, lossAndGradients, vaeLoss } from '../../src/model/vae-step.js';
import { Random } from '../../src/util/random.js';

before(async () => {
  await useBestBackend();
});

const f32 = (values: number[]) => Float32Array.from(values);

test('loss of a tiny network matches a hand computation', () => {
  // d = 3, hidden = 1, latent = 1. Parameters in stored (transposed) layout.
  const weights = VaeWeights.fromArrays({ inputDim: 3, intermediateDim: 1, latentDim: 1 }, [
    f32([1, 0, 0]), // W1t [1, 3]: a1 = relu(x_0)
    f32([0]),
    f32([0.5, 0]), // Wht [2, 1]: mu = 0.5 a1, logVar = 0
    f32([0, 0]),
    f32([2]), // W3t [1, 1]
    f32([-1]), // b3: a3 = relu(2 z - 1)
    f32([0, 0, 0]), // W4t [3, 1]: x_hat = sigmoid(0) = 0.5 everywhere
    f32([0, 0, 0]),
  ]);
  // sample 1: x = (1, 0, 0.5), eps = 1: a1 = 1, mu = 0.5, lv = 0, z = 1.5, a3 = 2
  //   recon = 0.25 + 0.25 + 0 = 0.5;  KL = -0.5 (1 + 0 - 0.25 - 1) = 0.125
  // sample 2: x = (0, 0, 0), eps = 0: a1 = 0, mu = 0, lv = 0, z = 0, a3 = 0
  //   recon = 3 * 0.25 = 0.75;  KL = 0
  // loss = (0.5 + 0.75) + (0.125 + 0) / 2 = 1.3125
  const xT = tf.tensor2d([[1, 0], [0, 0], [0.5, 0]]);
  const epsT = tf.tensor2d([[1, 0]]);
  const loss = tf.tidy(() => vaeLoss(xT, forwardPass(weights, xT, epsT)));
  assert.ok(Math.abs(loss.dataSync()[0]! - 1.3125) < 1e-6, `loss ${loss.dataSync()[0]}`);
  const z = tf.tidy(() => forwardPass(weights, xT, epsT).zT);
  assert.deepEqual(Array.from(z.dataSync()), [1.5, 0]);
  tf.dispose([xT, epsT, loss, z]);
  weights.dispose();
});

test('analytic gradients equal tf.grads of the loss written in the row (Keras) layout', () => {
  const dims = { inputDim: 7, intermediateDim: 4, latentDim: 3 };
  const weights = VaeWeights.initial(dims, 11);
  // Non-zero biases so that their gradients are exercised through every path.
  const rng = new Random(5);
  const values = weights.toArrays().map((a) => a.map((v) => v + 0.1 * rng.normal()));
  weights.assign(values);
  const b = 5;
  const xData = Array.from({ length: b * dims.inputDim }, () => rng.uniform());
  const epsData = Array.from({ length: b * dims.latentDim }, () => rng.normal());
  const x = tf.tensor2d(xData, [b, dims.inputDim]);
  const xT = tf.transpose(x) as tf.Tensor2D;
  const eps = tf.tensor2d(epsData, [b, dims.latentDim]);
  const epsT = tf.transpose(eps) as tf.Tensor2D;

  // Independent formulation: Keras-style x @ W with W = Wt^T, heads as two separate matrices.
  const l = dims.latentDim;
  const reference = (w1t: tf.Tensor, b1: tf.Tensor, wht: tf.Tensor, bh: tf.Tensor, w3t: tf.Tensor, b3: tf.Tensor, w4t: tf.Tensor, b4: tf.Tensor) => {
    const a1 = tf.relu(tf.add(tf.matMul(x, w1t, false, true), b1));
    const whT = wht as tf.Tensor2D;
    const mu = tf.add(tf.matMul(a1, tf.slice(whT, [0, 0], [l, -1]), false, true), tf.slice(bh, [0], [l]));
    const lv = tf.add(tf.matMul(a1, tf.slice(whT, [l, 0], [l, -1]), false, true), tf.slice(bh, [l], [l]));
    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(lv, 0.5)), eps));
    const a3 = tf.relu(tf.add(tf.matMul(z, w3t, false, true), b3));
    const y = tf.sigmoid(tf.add(tf.matMul(a3, w4t, false, true), b4));
    const recon = tf.sum(tf.square(tf.sub(x, y)));
    const kl = tf.mul(tf.sum(tf.sub(tf.sub(tf.add(lv, 1), tf.square(mu)), tf.exp(lv)), 1), -0.5);
    return tf.mean(tf.add(recon, kl)) as tf.Scalar;
  };
  const vars = weights.variables as unknown as tf.Tensor[];
  const expectedGrads = tf.grads(reference)(vars);
  const expectedLoss = reference(...(vars as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor]));
  const { loss, gradients } = lossAndGradients(weights, x, xT, epsT);
  assert.ok(Math.abs(loss.dataSync()[0]! - expectedLoss.dataSync()[0]!) < 1e-4);
  gradients.forEach((g, i) => {
    assert.deepEqual(g.shape, vars[i]!.shape, `gradient ${i} shape`);
    const got = g.dataSync();
    const want = expectedGrads[i]!.dataSync();
    let maxAbs = 0;
    for (let j = 0; j < want.length; j++) maxAbs = Math.max(maxAbs, Math.abs(want[j]!));
    assert.ok(maxAbs > 0, `gradient ${i} is not all zero`);
    for (let j = 0; j < want.length; j++) {
      assert.ok(Math.abs(got[j]! - want[j]!) <= 1e-4 * Math.max(1, maxAbs), `gradient ${i}[${j}]: ${got[j]} vs ${want[j]}`);
    }
  });
  tf.dispose([x, xT, eps, epsT, loss, expectedLoss, ...gradients, ...expectedGrads]);
  weights.dispose();
});
