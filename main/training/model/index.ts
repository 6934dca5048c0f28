/**
 * The early-warning risk models: training (tfjs, wasm backend), reference inference and ONNX
 * export. See ARCHITECTURE.md, "Risk model".
 */
import type { SequenceBatch } from '../features';
import { trainGru } from './gru';
import { trainLogistic } from './logistic';
import { ensureBackend } from './tf';
import type { ModelKind, TrainedModel, TrainOptions } from './types';

export { GRU_DEFAULTS } from './gru';
export { LOGISTIC_DEFAULTS } from './logistic';
export { toOnnx } from './onnx-export';
export { predictWithTf } from './predict';
export { TrainingCancelled } from './types';
export type {
  GruModel,
  LogisticModel,
  ModelKind,
  Prediction,
  TrainedModel,
  TrainOptions,
} from './types';

/** Trains one model; `labels` are 0/1 per example. Deterministic for a given `options.seed`. */
export async function trainModel(
  kind: ModelKind,
  batch: SequenceBatch,
  labels: Float32Array,
  options: TrainOptions,
): Promise<TrainedModel> {
  await ensureBackend();
  return kind === 'gru' ? trainGru(batch, labels, options) : trainLogistic(batch, labels, options);
}
