/**
 * GRU with attention over the weekly sequence. Written with tfjs-core ops rather than
 * `tf.layers.gru` so that every equation is exactly the one the ONNX `GRU` operator computes
 * (gates z, r, h; reset applied before the recurrent product, i.e. linear_before_reset = 0;
 * logistic sigmoid, not tfjs's default hard sigmoid), which keeps tfjs and onnxruntime equal.
 *
 *   input_t   = [x_t, mask_t]                  (padding weeks are all-zero features; the mask
 *                                               lets the GRU tell them from an average week)
 *   z, r      = σ(input_t·Wz + h·Rz + bz), σ(input_t·Wr + h·Rr + br)
 *   h̃         = tanh(input_t·Wh + (r ⊙ h)·Rh + bh)
 *   h_t       = (1 − z) ⊙ h̃ + z ⊙ h_{t−1},     h_0 = 0
 *   score_t   = v · tanh(h_t·Wa + ba) + (mask_t − 1)·1e9
 *   α         = softmax_t(score)
 *   risk      = σ([Σ α_t h_t, h_T] · wo + bo)
 */
import type { SequenceBatch } from '../features';
import { checkInputs, fit } from './fit';
import { glorotUniform, orthogonalBlocks, seededRandom } from './random';
import { tf, trainable } from './tf';
import type { GruModel, TrainOptions } from './types';

export const GRU_DEFAULTS = {
  epochs: 20,
  hidden: 16,
  attentionUnits: 8,
  batchSize: 256,
  learningRate: 0.005,
  l2: 1e-4,
};

/** Added to padding weeks' attention scores so softmax gives them no weight. */
export const MASK_PENALTY = 1e9;

interface GruParams {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  attentionKernel: tf.Tensor2D;
  attentionBias: tf.Tensor1D;
  /** [A, 1] */
  attentionVector: tf.Tensor2D;
  /** [2H, 1] */
  outputKernel: tf.Tensor2D;
  /** [1] */
  outputBias: tf.Tensor1D;
}

interface GruOutput {
  logits: tf.Tensor1D;
  attention: tf.Tensor2D;
}

export function gruForward(p: GruParams, x: tf.Tensor3D, mask: tf.Tensor2D): GruOutput {
  const [n, weeks, features] = x.shape;
  const h3 = p.bias.shape[0];
  const hidden = h3 / 3;
  const input = tf.concat([x, mask.expandDims(2)], 2).reshape([n * weeks, features + 1]);
  // Every week's input projection in one product; only the recurrence has to loop.
  const projected = input.matMul(p.kernel).add(p.bias).reshape([n, weeks, h3]);
  const recurrentZr = p.recurrentKernel.slice([0, 0], [hidden, 2 * hidden]);
  const recurrentH = p.recurrentKernel.slice([0, 2 * hidden], [hidden, hidden]);
  let h: tf.Tensor2D = tf.zeros([n, hidden]);
  const states: tf.Tensor2D[] = [];
  for (const step of tf.unstack(projected, 1) as tf.Tensor2D[]) {
    const [xzr, xh] = tf.split(step, [2 * hidden, hidden], 1) as [tf.Tensor2D, tf.Tensor2D];
    const zr = tf.sigmoid(xzr.add(h.matMul(recurrentZr)));
    const [z, r] = tf.split(zr, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    const candidate = tf.tanh(xh.add(r.mul(h).matMul(recurrentH)));
    h = tf.sub(1, z).mul(candidate).add(z.mul(h));
    states.push(h);
  }
  const sequence = tf.stack(states, 1) as tf.Tensor3D;
  const scores = tf
    .tanh(
      sequence
        .reshape([n * weeks, hidden])
        .matMul(p.attentionKernel)
        .add(p.attentionBias),
    )
    .matMul(p.attentionVector)
    .reshape([n, weeks]);
  const attention = tf.softmax(scores.add(mask.sub(1).mul(MASK_PENALTY))) as tf.Tensor2D;
  const context = sequence.mul(attention.expandDims(2)).sum(1);
  const logits = tf
    .concat([context, h], 1)
    .matMul(p.outputKernel)
    .add(p.outputBias)
    .reshape([n]) as tf.Tensor1D;
  return { logits, attention };
}

type Weights = Omit<GruModel, 'kind' | 'weeks' | 'features' | 'hidden' | 'attentionUnits'>;

function shapes(features: number, hidden: number, units: number) {
  return {
    kernel: [features + 1, 3 * hidden],
    recurrentKernel: [hidden, 3 * hidden],
    bias: [3 * hidden],
    attentionKernel: [hidden, units],
    attentionBias: [units],
    attentionVector: [units, 1],
    outputKernel: [2 * hidden, 1],
    outputBias: [1],
  } as const;
}

function toParams<T extends tf.Tensor>(
  weights: Weights,
  dims: { features: number; hidden: number; attentionUnits: number },
  make: (values: number[], shape: readonly number[]) => T,
): Record<keyof GruParams, T> {
  const s = shapes(dims.features, dims.hidden, dims.attentionUnits);
  return {
    kernel: make(weights.kernel, s.kernel),
    recurrentKernel: make(weights.recurrentKernel, s.recurrentKernel),
    bias: make(weights.bias, s.bias),
    attentionKernel: make(weights.attentionKernel, s.attentionKernel),
    attentionBias: make(weights.attentionBias, s.attentionBias),
    attentionVector: make(weights.attentionVector, s.attentionVector),
    outputKernel: make(weights.outputKernel, s.outputKernel),
    outputBias: make([weights.outputBias], s.outputBias),
  };
}

export function gruParams(model: GruModel): GruParams {
  return toParams(model, model, (v, s) => tf.tensor(v, [...s])) as unknown as GruParams;
}

function initialWeights(
  random: () => number,
  features: number,
  hidden: number,
  units: number,
): Weights {
  return {
    kernel: glorotUniform(random, features + 1, 3 * hidden),
    recurrentKernel: orthogonalBlocks(random, hidden, 3),
    bias: new Array<number>(3 * hidden).fill(0),
    attentionKernel: glorotUniform(random, hidden, units),
    attentionBias: new Array<number>(units).fill(0),
    attentionVector: glorotUniform(random, units, 1),
    outputKernel: glorotUniform(random, 2 * hidden, 1),
    outputBias: 0,
  };
}

export async function trainGru(
  batch: SequenceBatch,
  labels: Float32Array,
  options: TrainOptions,
): Promise<GruModel> {
  checkInputs(batch, labels, options.sampleWeights);
  const { weeks, features } = batch;
  const hidden = options.hidden ?? GRU_DEFAULTS.hidden;
  if (!Number.isInteger(hidden) || hidden < 1) throw new Error('GRU units must be at least 1.');
  const dims = { features, hidden, attentionUnits: GRU_DEFAULTS.attentionUnits };
  const random = seededRandom(options.seed);
  const initial = initialWeights(random, features, hidden, dims.attentionUnits);
  const vars = toParams(initial, dims, trainable);
  const p = vars as unknown as GruParams;
  // Biases are left out of the penalty, as usual.
  const penalised = [vars.kernel, vars.recurrentKernel, vars.attentionKernel, vars.outputKernel];
  try {
    await fit(batch, labels, options, random, {
      variables: Object.values(vars),
      logits: (x, mask) => gruForward(p, x, mask).logits,
      penalty: () => tf.addN(penalised.map((v) => v.square().sum())).mul(GRU_DEFAULTS.l2),
      epochs: options.epochs ?? GRU_DEFAULTS.epochs,
      batchSize: GRU_DEFAULTS.batchSize,
      learningRate: GRU_DEFAULTS.learningRate,
    });
    const read = (v: tf.Variable) => Array.from(v.dataSync());
    return {
      kind: 'gru',
      weeks,
      features,
      hidden,
      attentionUnits: dims.attentionUnits,
      kernel: read(vars.kernel),
      recurrentKernel: read(vars.recurrentKernel),
      bias: read(vars.bias),
      attentionKernel: read(vars.attentionKernel),
      attentionBias: read(vars.attentionBias),
      attentionVector: read(vars.attentionVector),
      outputKernel: read(vars.outputKernel),
      outputBias: read(vars.outputBias)[0]!,
    };
  } finally {
    for (const v of Object.values(vars)) v.dispose();
  }
}
