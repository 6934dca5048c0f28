/**
 * The risk models' shapes. A trained model is plain JSON (numbers, not tensors) so it can be
 * posted out of the training worker, stored with a model version and re-exported later.
 */
import type { ModelKind } from '../../../db/schema';
import type { SequenceBatch } from '../features';

export type { ModelKind };

export interface TrainOptions {
  seed: number;
  /** Passes over the data; each model has its own default. */
  epochs?: number;
  /** GRU units. */
  hidden?: number;
  /** 0..1 and plain words, e.g. "Epoch 3 of 20, loss 0.31". */
  onProgress?: (fraction: number, message: string) => void;
  /** Checked before every mini-batch; true stops training with `TrainingCancelled`. */
  isCancelled?: () => boolean;
  /** Per-example weights (class balancing); 1 for every example when absent. */
  sampleWeights?: Float32Array;
  /**
   * Examples kept out of training (other students than the training batch's): after each
   * epoch their loss is measured, training stops once it has not improved for `patience`
   * epochs, and the weights of the best epoch are kept. Never the holdout.
   */
  validation?: { batch: SequenceBatch; labels: Float32Array };
  /** Epochs without a better validation loss before stopping (default 2). */
  patience?: number;
}

export class TrainingCancelled extends Error {
  constructor() {
    super('Training was cancelled.');
    this.name = 'TrainingCancelled';
  }
}

interface ModelDims {
  /** Weeks per input sequence (T). */
  weeks: number;
  /** Features per week (F). */
  features: number;
}

/** Logistic regression on the last (scoring) week only: risk = σ(x[T−1] · weights + bias). */
export interface LogisticModel extends ModelDims {
  kind: 'logistic';
  /** [F] */
  weights: number[];
  bias: number;
}

/**
 * GRU over the weeks, attention over its hidden states, a sigmoid on [context, last state].
 * All matrices are row-major [in, out]; gate blocks are ordered z, r, h as in ONNX. The GRU's
 * input is each week's features plus the mask, so it can tell padding from a real week.
 */
export interface GruModel extends ModelDims {
  kind: 'gru';
  /** H */
  hidden: number;
  /** A, the width of the attention scorer. */
  attentionUnits: number;
  /** [F + 1, 3H] */
  kernel: number[];
  /** [H, 3H] */
  recurrentKernel: number[];
  /** [3H] */
  bias: number[];
  /** [H, A] */
  attentionKernel: number[];
  /** [A] */
  attentionBias: number[];
  /** [A]: score_t = attentionVector · tanh(h_t · attentionKernel + attentionBias) */
  attentionVector: number[];
  /** [2H]: applied to [context, last hidden state] */
  outputKernel: number[];
  outputBias: number;
}

export type TrainedModel = LogisticModel | GruModel;

export interface Prediction {
  /** [n] probabilities. */
  risk: Float32Array;
  /** [n, weeks] softmax weights over weeks, GRU only. */
  attention: Float32Array | null;
}
