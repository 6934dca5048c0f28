/** Inference in tfjs: the reference the ONNX export is tested against. */
import type { SequenceBatch } from '../features';
import { gruForward, gruParams } from './gru';
import { logisticLogits, logisticParams } from './logistic';
import { ensureBackend, tf } from './tf';
import type { Prediction, TrainedModel } from './types';

/** Bounds the working memory of a forward pass over a whole school. */
const CHUNK = 1024;

interface Forward {
  run(x: tf.Tensor3D, mask: tf.Tensor2D): { logits: tf.Tensor1D; attention: tf.Tensor2D | null };
  weights: tf.Tensor[];
}

function forwardFor(model: TrainedModel): Forward {
  if (model.kind === 'gru') {
    const p = gruParams(model);
    return { run: (x, mask) => gruForward(p, x, mask), weights: Object.values(p) };
  }
  const p = logisticParams(model);
  return {
    run: (x) => ({ logits: logisticLogits(p, x), attention: null }),
    weights: Object.values(p),
  };
}

export async function predictWithTf(
  model: TrainedModel,
  batch: SequenceBatch,
): Promise<Prediction> {
  await ensureBackend();
  const { n, weeks, features } = batch;
  if (weeks !== model.weeks || features !== model.features)
    throw new Error(
      `The model reads ${model.weeks} weeks × ${model.features} features, the batch has ${weeks} × ${features}.`,
    );
  const risk = new Float32Array(n);
  const attention = model.kind === 'gru' ? new Float32Array(n * weeks) : null;
  const forward = forwardFor(model);
  try {
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      tf.tidy(() => {
        const x = tf.tensor3d(
          batch.x.subarray(start * weeks * features, (start + m) * weeks * features),
          [m, weeks, features],
        );
        const mask = tf.tensor2d(batch.mask.subarray(start * weeks, (start + m) * weeks), [
          m,
          weeks,
        ]);
        const out = forward.run(x, mask);
        risk.set(tf.sigmoid(out.logits).dataSync(), start);
        if (attention && out.attention) attention.set(out.attention.dataSync(), start * weeks);
      });
    }
  } finally {
    tf.dispose(forward.weights);
  }
  return { risk, attention };
}
