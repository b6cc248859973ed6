/**
 * The VAE's forward pass, its loss, and the loss's gradients written out by hand.
 *
 * Math (row convention, batch x of b samples, latent noise eps ~ N(0, I)):
 *
 *   a1 = relu(x W1 + b1);  [mu | lv] = a1 Wh + bh;  s = exp(lv / 2);  z = mu + s * eps
 *   a3 = relu(z W3 + b3);  y = sigmoid(a3 W4 + b4)
 *   loss = sum_{i,j} (x_ij - y_ij)^2  +  (1/b) sum_i KL_i,
 *   KL_i = -1/2 sum_k (1 + lv_ik - mu_ik^2 - exp(lv_ik))
 *
 * (the reconstruction term summed over batch and features, the KL term averaged over the
 * batch: the original Keras code's `K.mean(reconstruction_loss + kl_loss)`). Backward, with
 * g_y = 2 (y - x):
 *
 *   g4 = g_y * y (1 - y);          dW4 = a3^T g4;  db4 = colsum g4
 *   g3 = (g4 W4^T) * [a3 > 0];     dW3 = z^T g3;   db3 = colsum g3
 *   g_z = g3 W3^T
 *   g_mu = g_z + mu / b;   g_lv = 1/2 (g_z * s * eps + (s^2 - 1) / b)
 *   gh = [g_mu | g_lv];            dWh = a1^T gh;  dbh = colsum gh
 *   g1 = (gh Wh^T) * [a1 > 0];     dW1 = x^T g1;   db1 = colsum g1
 *
 * Layout, chosen by measurement on tfjs-wasm (XNNPACK): a matMul with a transposed-flagged
 * operand leaves XNNPACK for a ~10x slower loop, and the right operand `b` is repacked on every
 * call (for a 2000x1000 weight matrix that repacking costs 5x the product itself) while the
 * left operand is used as it is. So weights must be LEFT operands: kernels are stored
 * transposed (Wt = W^T, [out, in]) and activations travel transposed ([width, batch]):
 *
 *   forward      out^T = Wt in^T               (Wt left, small in^T packed)
 *   input grad   g_in^T = W g_out^T            (W = transpose(Wt), one 2D transpose per step)
 *   weight grad  dWt = g_out^T in              (both small)
 *
 * The code uses names ending in T for transposed activations: xT is [input, b].
 */
import * as tf from '@tensorflow/tfjs';
import type { VaeWeights } from './vae-weights.js';

/** The intermediate values of one forward pass, all transposed: [width, batch]. */
export interface ForwardPass {
  readonly a1T: tf.Tensor2D;
  readonly muT: tf.Tensor2D;
  readonly logVarT: tf.Tensor2D;
  /** exp(logVar / 2). */
  readonly sigmaT: tf.Tensor2D;
  /** sigma * eps, the noise part of z. */
  readonly noiseT: tf.Tensor2D;
  readonly zT: tf.Tensor2D;
  readonly a3T: tf.Tensor2D;
  /** The reconstruction, sigmoid output in (0, 1). */
  readonly xHatT: tf.Tensor2D;
}

/** W x + b for a left operand W [out, in], activations xT [in, b], bias [out]. */
function affineT(w: tf.Tensor, xT: tf.Tensor2D, bias: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(w as tf.Tensor2D, xT), tf.reshape(bias, [bias.size, 1])) as tf.Tensor2D;
}

/**
 * Encoder, reparameterised sample z = mu + exp(logVar / 2) * eps, decoder, on transposed
 * inputs xT [input, b] and epsT [latent, b]. Call inside tf.tidy.
 */
export function forwardPass(weights: VaeWeights, xT: tf.Tensor2D, epsT: tf.Tensor2D): ForwardPass {
  const [w1t, b1, wHeadsT, bHeads, w3t, b3, w4t, b4] = weights.variables as tf.Variable[];
  const a1T = tf.relu(affineT(w1t!, xT, b1!));
  const [muT, logVarT] = tf.split(affineT(wHeadsT!, a1T, bHeads!), 2, 0) as [tf.Tensor2D, tf.Tensor2D];
  const sigmaT = tf.exp(tf.mul(logVarT, 0.5)) as tf.Tensor2D;
  const noiseT = tf.mul(sigmaT, epsT) as tf.Tensor2D;
  const zT = tf.add(muT, noiseT) as tf.Tensor2D;
  const a3T = tf.relu(affineT(w3t!, zT, b3!));
  const xHatT = tf.sigmoid(affineT(w4t!, a3T, b4!));
  return { a1T, muT, logVarT, sigmaT, noiseT, zT, a3T, xHatT };
}

/** The loss above (a scalar) for a forward pass of the transposed batch xT [input, b]. Call inside tf.tidy. */
export function vaeLoss(xT: tf.Tensor2D, pass: ForwardPass): tf.Scalar {
  const batch = xT.shape[1];
  const reconstruction = tf.sum(tf.square(tf.sub(pass.xHatT, xT)));
  const klMean = tf.mul(
    tf.sum(tf.sub(tf.add(pass.logVarT, 1), tf.add(tf.square(pass.muT), tf.square(pass.sigmaT)))),
    -0.5 / batch,
  );
  return tf.add(reconstruction, klMean) as tf.Scalar;
}

/** The loss of one batch and its gradients, in `PARAMETER_NAMES` order and shapes. */
export interface LossAndGradients {
  readonly loss: tf.Scalar;
  readonly gradients: tf.Tensor[];
}

/**
 * Loss and analytic gradients of one batch, given both as x [b, input] and transposed as
 * xT [input, b], with noise epsT [latent, b]. The returned tensors belong to the caller
 * (every intermediate is freed).
 */
export function lossAndGradients(
  weights: VaeWeights,
  x: tf.Tensor2D,
  xT: tf.Tensor2D,
  epsT: tf.Tensor2D,
): LossAndGradients {
  return tf.tidy(() => {
    const [, , wHeadsT, , w3t, , w4t] = weights.variables as unknown as tf.Tensor2D[];
    const batch = x.shape[0];
    const pass = forwardPass(weights, xT, epsT);
    const { a1T, muT, sigmaT, noiseT, zT, a3T, xHatT } = pass;
    const loss = vaeLoss(xT, pass);

    // Output layer: g4 = 2 (y - x) y (1 - y).
    const g4T = tf.mul(tf.mul(tf.sub(xHatT, xT), 2), tf.mul(xHatT, tf.sub(1, xHatT))) as tf.Tensor2D;
    const dW4t = tf.matMul(g4T, tf.transpose(a3T));
    const db4 = tf.sum(g4T, 1);
    // Decoder hidden layer.
    const g3T = tf.mul(tf.matMul(tf.transpose(w4t!), g4T), tf.step(a3T)) as tf.Tensor2D;
    const dW3t = tf.matMul(g3T, tf.transpose(zT));
    const db3 = tf.sum(g3T, 1);
    // Latent heads: reparameterisation and the KL term.
    const gzT = tf.matMul(tf.transpose(w3t!), g3T);
    const gMuT = tf.add(gzT, tf.div(muT, batch));
    const gLogVarT = tf.mul(tf.add(tf.mul(gzT, noiseT), tf.div(tf.sub(tf.square(sigmaT), 1), batch)), 0.5);
    const gHeadsT = tf.concat([gMuT, gLogVarT], 0) as tf.Tensor2D;
    const dWHeadsT = tf.matMul(gHeadsT, tf.transpose(a1T));
    const dbHeads = tf.sum(gHeadsT, 1);
    // Encoder hidden layer (no gradient for the input itself).
    const g1T = tf.mul(tf.matMul(tf.transpose(wHeadsT!), gHeadsT), tf.step(a1T)) as tf.Tensor2D;
    const dW1t = tf.matMul(g1T, x);
    const db1 = tf.sum(g1T, 1);
    return { loss, gradients: [dW1t, db1, dWHeadsT, dbHeads, dW3t, db3, dW4t, db4] };
  });
}
