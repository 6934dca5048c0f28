/**
 * The baseline: L2-regularised logistic regression on the scoring week alone. That week's row
 * already carries the year-to-date and 4-week aggregates, so earlier weeks add little here;
 * the GRU is the model that reads the sequence.
 */
import type { SequenceBatch } from '../features';
import { checkInputs, fit } from './fit';
import { seededRandom } from './random';
import { tf, trainable } from './tf';
import type { LogisticModel, TrainOptions } from './types';

export const LOGISTIC_DEFAULTS = { epochs: 30, batchSize: 256, learningRate: 0.02, l2: 1e-3 };

interface LogisticParams {
  /** [F, 1] */
  weights: tf.Tensor2D;
  /** [1] */
  bias: tf.Tensor1D;
}

export function logisticLogits(p: LogisticParams, x: tf.Tensor3D): tf.Tensor1D {
  const [n, weeks, features] = x.shape;
  const last = x.slice([0, weeks - 1, 0], [n, 1, features]).reshape([n, features]);
  return last.matMul(p.weights).add(p.bias).reshape([n]);
}

export function logisticParams(model: LogisticModel): LogisticParams {
  return {
    weights: tf.tensor2d(model.weights, [model.features, 1]),
    bias: tf.tensor1d([model.bias]),
  };
}

export async function trainLogistic(
  batch: SequenceBatch,
  labels: Float32Array,
  options: TrainOptions,
): Promise<LogisticModel> {
  checkInputs(batch, labels, options.sampleWeights);
  const { weeks, features } = batch;
  // The loss is convex, so zero is as good a start as any and needs no randomness.
  const p = {
    weights: trainable<tf.Rank.R2>(new Array<number>(features).fill(0), [features, 1]),
    bias: trainable<tf.Rank.R1>([0], [1]),
  };
  try {
    await fit(batch, labels, options, seededRandom(options.seed), {
      variables: [p.weights, p.bias],
      logits: (x) => logisticLogits(p, x),
      penalty: () => p.weights.square().sum().mul(LOGISTIC_DEFAULTS.l2),
      epochs: options.epochs ?? LOGISTIC_DEFAULTS.epochs,
      batchSize: LOGISTIC_DEFAULTS.batchSize,
      learningRate: LOGISTIC_DEFAULTS.learningRate,
    });
    return {
      kind: 'logistic',
      weeks,
      features,
      weights: Array.from(p.weights.dataSync()),
      bias: p.bias.dataSync()[0]!,
    };
  } finally {
    p.weights.dispose();
    p.bias.dispose();
  }
}
