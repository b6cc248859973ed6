/**
 * Direct access to float32 tensor memory, so that large elementwise passes (the Adam update
 * over millions of weights) run as one tight JavaScript loop instead of a dozen tfjs ops.
 *
 * On the wasm backend a tensor's values live in the WebAssembly heap: `readView` returns a view
 * onto them (no copy) and `tensorFilledBy` writes straight into a freshly allocated tensor. On
 * other backends both fall back to copies (`dataSync`, `tf.tensor`). A heap view is only valid
 * until the next tfjs allocation (the heap may grow and move), so take views after allocating
 * and use them at once.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

function wasmBackend(): WasmBackendLike | null {
  if (tf.getBackend() !== 'wasm') return null;
  return tf.backend() as unknown as WasmBackendLike;
}

/** The values of a float32 tensor: a zero-copy view on wasm, a copy elsewhere. Read-only use. */
export function readView(tensor: tf.Tensor): Float32Array {
  if (tensor.dtype !== 'float32') throw new Error(`readView: expected a float32 tensor, got ${tensor.dtype}`);
  const wasm = wasmBackend();
  return wasm ? wasm.typedArrayFromHeap(tensor) : (tensor.dataSync() as Float32Array);
}

/**
 * A new float32 tensor of `shape` whose values `fill` writes into `out` (every element must be
 * written). `fill` may take other `readView`s: nothing is allocated between them and the call.
 */
export function tensorFilledBy(shape: number[], fill: (out: Float32Array) => void): tf.Tensor {
  const wasm = wasmBackend();
  if (wasm) {
    const info = wasm.makeOutput(shape, 'float32');
    const tensor = tf.engine().makeTensorFromTensorInfo(info);
    fill(wasm.typedArrayFromHeap(info));
    return tensor;
  }
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  fill(out);
  return tf.tensor(out, shape, 'float32');
}
