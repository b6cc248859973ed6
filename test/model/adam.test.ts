import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { useBestBackend } from '../../src/model/backend.js';
import { Adam } from '../../src/model/adam.js';

before(async () => {
  await useBestBackend();
});

const keras = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

test('first Adam step moves each weight by lr * g / (|g| + eps / sqrt(1 - beta2))', () => {
  // 7 values: the SIMD kernel takes the first 4, JavaScript the last 3 (on wasm).
  const g = [0.5, -0.5, 2, -0.25, 1, 0, 0.5];
  const p = tf.variable(tf.ones([7]));
  const grad = tf.tensor1d(g);
  const adam = new Adam([7], keras);
  adam.apply([p], [grad]);
  // 0.1 * 0.5 / (0.5 + 1e-7 / sqrt(0.001)) = 0.099999368..., etc.; 0 for g = 0.
  const expected = g.map((gi) => 1 - (0.1 * gi) / (Math.abs(gi) + 1e-7 / Math.sqrt(0.001)));
  const got = p.dataSync();
  expected.forEach((e, i) => assert.ok(Math.abs(got[i]! - e) < 2e-7, `${i}: ${got[i]} vs ${e}`));
  assert.equal(adam.iterations, 1);
  adam.dispose();
  tf.dispose([p, grad]);
});

test('several Adam steps agree with tf.train.adam when epsilon is negligible', () => {
  // tfjs adds epsilon after bias correction, Keras before; with epsilon -> 0 both are the same.
  const options = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-12 };
  const start = [0.3, -1.2, 2.5, 0.7, -0.1, 1.9, -3, 0.05, 0.4];
  const ours = tf.variable(tf.tensor1d(start));
  const theirs = tf.variable(tf.tensor1d(start));
  const adam = new Adam([start.length], options);
  const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-12);
  for (let step = 0; step < 5; step++) {
    // gradient of sum(w^3 / 3 + w) = w^2 + 1, evaluated at the current weights
    const g = tf.tidy(() => tf.add(tf.square(ours), 1));
    adam.apply([ours], [g]);
    g.dispose();
    reference.minimize(() => tf.sum(tf.add(tf.div(tf.pow(theirs, 3), 3), theirs)) as tf.Scalar, false, [theirs]);
  }
  const a = ours.dataSync();
  const b = theirs.dataSync();
  for (let i = 0; i < start.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-5, `${i}: ${a[i]} vs ${b[i]}`);
  assert.ok(Math.abs(a[0]! - start[0]!) > 0.04, 'weights moved');
  adam.dispose();
  reference.dispose();
  tf.dispose([ours, theirs]);
});
