/**
 * The trained VAE as TensorFlow.js layers models, for saving, inspection and reuse:
 *
 *   vae:      inputs [x (input), eps (latent)] -> encoder_hidden Dense(relu) -> z_mean, z_log_var
 *             -> z = ProdigySampling(z_mean, z_log_var, eps) -> decoder_hidden Dense(relu)
 *             -> reconstruction Dense(sigmoid)
 *   encoder:  x -> [z_mean, z_log_var]
 *   decoder:  z -> reconstruction
 *
 * The noise is an input rather than drawn inside the model, so the saved model is
 * deterministic and gives exactly the outputs of `Vae` for the same eps. Kernels are in Keras'
 * [in, out] layout. `ProdigySampling` is registered with tfjs' serialization when this module
 * is imported, so `tf.loadLayersModel` can read the saved model.
 */
import * as tf from '@tensorflow/tfjs';
import { MODEL_JSON, modelFolder } from './model-files.js';
import { resolveVaeConfig, type VaeConfig } from './vae-config.js';
import { Vae } from './vae.js';

/** z = z_mean + exp(z_log_var / 2) * eps, as a serializable layer with three inputs. */
export class ProdigySampling extends tf.layers.Layer {
  static readonly className = 'ProdigySampling';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0]!;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [mean, logVar, eps] = inputs as tf.Tensor[];
    return tf.tidy(() => tf.add(mean!, tf.mul(tf.exp(tf.mul(logVar!, 0.5)), eps!)));
  }
}
tf.serialization.registerClass(ProdigySampling);

/** Layer names, stable across versions (the loader looks weights up by them). */
export const LAYER_NAMES = {
  encoderHidden: 'encoder_hidden',
  zMean: 'z_mean',
  zLogVar: 'z_log_var',
  sampling: 'z',
  decoderHidden: 'decoder_hidden',
  reconstruction: 'reconstruction',
} as const;

/** The key under which the VAE configuration is stored in model.json's userDefinedMetadata. */
const METADATA_KEY = 'prodigy_vae';

interface Layers {
  encoderHidden: tf.layers.Layer;
  zMean: tf.layers.Layer;
  zLogVar: tf.layers.Layer;
  decoderHidden: tf.layers.Layer;
  reconstruction: tf.layers.Layer;
}

function makeLayers(config: VaeConfig): Layers {
  const { inputDim: d, intermediateDim: h, latentDim: l } = config;
  return {
    encoderHidden: tf.layers.dense({ units: h, activation: 'relu', name: LAYER_NAMES.encoderHidden, inputShape: [d] }),
    zMean: tf.layers.dense({ units: l, name: LAYER_NAMES.zMean }),
    zLogVar: tf.layers.dense({ units: l, name: LAYER_NAMES.zLogVar }),
    decoderHidden: tf.layers.dense({ units: h, activation: 'relu', name: LAYER_NAMES.decoderHidden }),
    reconstruction: tf.layers.dense({ units: d, activation: 'sigmoid', name: LAYER_NAMES.reconstruction }),
  };
}

/** Copies the VAE's weights into the layers (transposing kernels to Keras' [in, out]). */
function setLayerWeights(vae: Vae, layers: Layers): void {
  const l = vae.config.latentDim;
  tf.tidy(() => {
    const [w1t, b1, wht, bh, w3t, b3, w4t, b4] = vae.weights.variables as unknown as tf.Tensor2D[];
    layers.encoderHidden.setWeights([tf.transpose(w1t!), b1!]);
    layers.zMean.setWeights([tf.transpose(tf.slice(wht!, [0, 0], [l, -1])), tf.slice(bh!, [0], [l])]);
    layers.zLogVar.setWeights([tf.transpose(tf.slice(wht!, [l, 0], [l, -1])), tf.slice(bh!, [l], [l])]);
    layers.decoderHidden.setWeights([tf.transpose(w3t!), b3!]);
    layers.reconstruction.setWeights([tf.transpose(w4t!), b4!]);
  });
}

/** The models built on one set of layers (they share weights). */
export interface VaeLayersModels {
  /** [x, eps] -> reconstruction. */
  readonly vae: tf.LayersModel;
  /** x -> [z_mean, z_log_var]. */
  readonly encoder: tf.LayersModel;
  /** z -> reconstruction. */
  readonly decoder: tf.LayersModel;
}

/** Layers models holding a copy of `vae`'s current weights; disposing `.vae` frees the shared weights. */
export function toLayersModels(vae: Vae): VaeLayersModels {
  const { inputDim: d, latentDim: l } = vae.config;
  const layers = makeLayers(vae.config);
  const x = tf.input({ shape: [d], name: 'x' });
  const eps = tf.input({ shape: [l], name: 'eps' });
  const hidden = layers.encoderHidden.apply(x) as tf.SymbolicTensor;
  const mean = layers.zMean.apply(hidden) as tf.SymbolicTensor;
  const logVar = layers.zLogVar.apply(hidden) as tf.SymbolicTensor;
  const z = new ProdigySampling({ name: LAYER_NAMES.sampling }).apply([mean, logVar, eps]) as tf.SymbolicTensor;
  const out = layers.reconstruction.apply(layers.decoderHidden.apply(z)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [x, eps], outputs: out, name: 'prodigy_vae' });
  const encoder = tf.model({ inputs: x, outputs: [mean, logVar], name: 'prodigy_encoder' });
  const zIn = tf.input({ shape: [l], name: 'z_in' });
  const decoded = layers.reconstruction.apply(layers.decoderHidden.apply(zIn)) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: zIn, outputs: decoded, name: 'prodigy_decoder' });
  setLayerWeights(vae, layers);
  return { vae: model, encoder, decoder };
}

/**
 * Saves `vae` to folder `dir` as a TensorFlow.js layers model (`model.json` + `weights.bin`),
 * its configuration in model.json's userDefinedMetadata.
 */
export async function saveVae(vae: Vae, dir: string): Promise<void> {
  const { vae: model } = toLayersModels(vae);
  try {
    model.setUserDefinedMetadata({ [METADATA_KEY]: { ...vae.config } });
    await model.save(modelFolder(dir));
  } finally {
    model.dispose();
  }
}

/** Loads a VAE saved by `saveVae` from folder `dir`; errors name the file and the problem. */
export async function loadVae(dir: string): Promise<Vae> {
  const model = await tf.loadLayersModel(modelFolder(dir));
  try {
    const where = `${dir}/${MODEL_JSON}`;
    const meta = (model.getUserDefinedMetadata() as Record<string, unknown> | undefined)?.[METADATA_KEY] as
      | (Partial<VaeConfig> & { inputDim: number })
      | undefined;
    if (!meta || typeof meta.inputDim !== 'number') throw new Error(`${where}: no "${METADATA_KEY}" configuration in userDefinedMetadata`);
    const config = resolveVaeConfig(meta.inputDim, meta);
    const weights = (name: string): tf.Tensor[] => {
      try {
        return model.getLayer(name).getWeights();
      } catch {
        throw new Error(`${where}: layer "${name}" is missing`);
      }
    };
    const values = tf.tidy(() => {
      const [k1, b1] = weights(LAYER_NAMES.encoderHidden);
      const [km, bm] = weights(LAYER_NAMES.zMean);
      const [kv, bv] = weights(LAYER_NAMES.zLogVar);
      const [k3, b3] = weights(LAYER_NAMES.decoderHidden);
      const [k4, b4] = weights(LAYER_NAMES.reconstruction);
      return [tf.transpose(k1!), tf.clone(b1!), tf.concat([tf.transpose(km!), tf.transpose(kv!)], 0), tf.concat([bm!, bv!]), tf.transpose(k3!), tf.clone(b3!), tf.transpose(k4!), tf.clone(b4!)];
    });
    const arrays = values.map((t) => t.dataSync() as Float32Array);
    tf.dispose(values);
    return Vae.fromArrays(config, arrays);
  } finally {
    model.dispose();
  }
}
