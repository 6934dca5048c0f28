/**
 * The mini-batch training loop both models share: seeded shuffling, Adam, binary cross-entropy
 * with per-example weights plus an L2 penalty, progress in plain words and cancellation
 * between batches.
 */
import type { SequenceBatch } from '../features';
import { shuffledIndices } from './random';
import { tf } from './tf';
import { TrainingCancelled, type TrainOptions } from './types';

export interface FitSpec {
  variables: tf.Variable[];
  /** Logits [b] for a mini-batch x [b, T, F], mask [b, T]. */
  logits(x: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor1D;
  /** The regularisation term added to every batch's loss. */
  penalty(): tf.Scalar;
  epochs: number;
  batchSize: number;
  learningRate: number;
}

export function checkInputs(batch: SequenceBatch, labels: Float32Array, weights?: Float32Array) {
  const { n, weeks, features } = batch;
  if (n < 1) throw new Error('There are no examples to train on.');
  if (batch.x.length !== n * weeks * features || batch.mask.length !== n * weeks)
    throw new Error('The feature batch does not match its stated dimensions.');
  if (labels.length !== n) throw new Error(`Expected ${n} labels, got ${labels.length}.`);
  if (weights && weights.length !== n)
    throw new Error(`Expected ${n} sample weights, got ${weights.length}.`);
}

/** Binary cross-entropy from logits, written so large |z| cannot overflow exp. */
function weightedLoss(z: tf.Tensor1D, y: tf.Tensor1D, w: tf.Tensor1D): tf.Scalar {
  const bce = tf
    .relu(z)
    .sub(z.mul(y))
    .add(tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return bce.mul(w).mean();
}

export async function fit(
  batch: SequenceBatch,
  labels: Float32Array,
  options: TrainOptions,
  random: () => number,
  spec: FitSpec,
): Promise<void> {
  const { n, weeks, features } = batch;
  const rowX = weeks * features;
  const size = Math.min(spec.batchSize, n);
  const xBuf = new Float32Array(size * rowX);
  const mBuf = new Float32Array(size * weeks);
  const yBuf = new Float32Array(size);
  const wBuf = new Float32Array(size);
  const batches = Math.ceil(n / size);
  const optimizer = tf.train.adam(spec.learningRate);
  const patience = options.patience ?? 2;
  let best: { loss: number; weights: tf.Tensor[] } | null = null;
  let sinceBest = 0;
  try {
    for (let epoch = 0; epoch < spec.epochs; epoch++) {
      const order = shuffledIndices(random, n);
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        if (options.isCancelled?.()) throw new TrainingCancelled();
        const start = b * size;
        const m = Math.min(size, n - start);
        for (let k = 0; k < m; k++) {
          const i = order[start + k]!;
          xBuf.set(batch.x.subarray(i * rowX, (i + 1) * rowX), k * rowX);
          mBuf.set(batch.mask.subarray(i * weeks, (i + 1) * weeks), k * weeks);
          yBuf[k] = labels[i]!;
          wBuf[k] = options.sampleWeights ? options.sampleWeights[i]! : 1;
        }
        const loss = tf.tidy(() => {
          const x = tf.tensor3d(xBuf.subarray(0, m * rowX), [m, weeks, features]);
          const mask = tf.tensor2d(mBuf.subarray(0, m * weeks), [m, weeks]);
          const y = tf.tensor1d(yBuf.subarray(0, m));
          const w = tf.tensor1d(wBuf.subarray(0, m));
          return optimizer.minimize(
            () => weightedLoss(spec.logits(x, mask), y, w).add(spec.penalty()),
            true,
            spec.variables,
          )!;
        });
        lossSum += loss.dataSync()[0]! * m;
        loss.dispose();
      }
      const mean = lossSum / n;
      if (!Number.isFinite(mean)) throw new Error('Training diverged (the loss is not a number).');
      let note = '';
      if (options.validation) {
        const loss = validationLoss(spec, options.validation.batch, options.validation.labels);
        note = `, validation ${loss.toFixed(3)}`;
        if (!best || loss < best.loss - 1e-4) {
          best?.weights.forEach((w) => w.dispose());
          best = { loss, weights: spec.variables.map((v) => v.clone()) };
          sinceBest = 0;
        } else if (++sinceBest >= patience) {
          options.onProgress?.(
            1,
            `Stopped after epoch ${epoch + 1}: validation loss stopped improving`,
          );
          break;
        }
      }
      options.onProgress?.(
        (epoch + 1) / spec.epochs,
        `Epoch ${epoch + 1} of ${spec.epochs}, loss ${mean.toFixed(3)}${note}`,
      );
      // Lets the worker hand progress messages on between epochs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // The weights of the epoch that did best on students it never trained on.
    if (best) spec.variables.forEach((v, i) => v.assign(best!.weights[i]!));
  } finally {
    best?.weights.forEach((w) => w.dispose());
    optimizer.dispose();
  }
}

/** Mean unweighted cross-entropy on the validation examples, in chunks. */
function validationLoss(spec: FitSpec, batch: SequenceBatch, labels: Float32Array): number {
  const { n, weeks, features } = batch;
  const chunk = 1024;
  let sum = 0;
  for (let start = 0; start < n; start += chunk) {
    const m = Math.min(chunk, n - start);
    const loss = tf.tidy(() => {
      const x = tf.tensor3d(
        batch.x.subarray(start * weeks * features, (start + m) * weeks * features),
        [m, weeks, features],
      );
      const mask = tf.tensor2d(batch.mask.subarray(start * weeks, (start + m) * weeks), [m, weeks]);
      const y = tf.tensor1d(labels.subarray(start, start + m));
      return weightedLoss(spec.logits(x, mask), y, tf.onesLike(y)).mul(m);
    });
    sum += loss.dataSync()[0]!;
    loss.dispose();
  }
  return sum / Math.max(1, n);
}
