/**
 * The one place that picks the tfjs backend. The wasm backend is fast on CPU and needs no
 * native build; selecting it before any tensor exists also keeps tfjs from creating (and
 * advertising) its slow pure-JS backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

let ready: Promise<void> | null = null;

export function ensureBackend(): Promise<void> {
  ready ??= (async () => {
    if (!(await tf.setBackend('wasm'))) throw new Error('The tfjs wasm backend did not start.');
    await tf.ready();
  })();
  return ready;
}

export { tf };

/** A trainable variable holding `values`; the tensor it starts from is freed at once. */
export function trainable<R extends tf.Rank>(
  values: number[],
  shape: readonly number[],
): tf.Variable<R> {
  return tf.tidy(() => {
    const initial: tf.Tensor = tf.tensor(values, [...shape]);
    return tf.variable(initial as tf.Tensor<R>, true);
  });
}
