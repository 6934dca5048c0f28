/**
 * A risk model loaded into onnxruntime, checked before anything trusts it: the file must load,
 * read exactly the features its schema names (all known to this build) with the declared
 * number of weeks, and give finite probabilities on a probe batch. A model that fails any of
 * these is refused with a message that says which, and whatever model was active stays.
 */
import ort from 'onnxruntime-node';
import { FEATURE_KEYS, type FeatureSchema, type SequenceBatch } from '../training/features';

export class ModelRejected extends Error {
  override readonly name = 'ModelRejected';
}

export interface ModelOutputs {
  risk: Float32Array;
  /** [n × weeks], GRU models only. */
  attention: Float32Array | null;
}

export class RiskSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly schema: FeatureSchema,
    readonly hasAttention: boolean,
  ) {}

  static async load(onnx: Uint8Array, schema: FeatureSchema): Promise<RiskSession> {
    checkSchema(schema);
    let session: ort.InferenceSession;
    try {
      // One intra-op thread: scoring runs beside the host and the pipeline on two cores.
      session = await ort.InferenceSession.create(onnx, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw new ModelRejected(
        `The model file could not be loaded by the ONNX runtime (${(error as Error).message}).`,
      );
    }
    const inputs = [...session.inputNames].sort().join(',');
    if (inputs !== 'features,mask' || !session.outputNames.includes('risk')) {
      await session.release();
      throw new ModelRejected(
        `The model's inputs/outputs are ${session.inputNames.join(', ')} → ${session.outputNames.join(', ')}; Sightline needs features, mask → risk.`,
      );
    }
    const loaded = new RiskSession(session, schema, session.outputNames.includes('attention'));
    await loaded.probe();
    return loaded;
  }

  /** Scores one batch; throws ModelRejected on a non-finite or out-of-range score. */
  async run(batch: SequenceBatch): Promise<ModelOutputs> {
    if (batch.features !== this.schema.keys.length || batch.weeks !== this.schema.weeks) {
      throw new ModelRejected(
        `The batch has ${batch.weeks} weeks × ${batch.features} features; the model reads ${this.schema.weeks} × ${this.schema.keys.length}.`,
      );
    }
    const feeds = {
      features: new ort.Tensor('float32', batch.x, [batch.n, batch.weeks, batch.features]),
      mask: new ort.Tensor('float32', batch.mask, [batch.n, batch.weeks]),
    };
    let out: ort.InferenceSession.OnnxValueMapType;
    try {
      out = await this.session.run(feeds);
    } catch (error) {
      throw new ModelRejected(
        `The model failed on its input (${(error as Error).message}). Its feature schema may not match the file.`,
      );
    }
    const risk = out.risk!.data as Float32Array;
    if (risk.length !== batch.n) {
      throw new ModelRejected(`The model gave ${risk.length} scores for ${batch.n} students.`);
    }
    for (const v of risk) {
      if (!Number.isFinite(v) || v < 0 || v > 1) {
        throw new ModelRejected(
          `The model produced a score of ${v}; scores must be probabilities between 0 and 1.`,
        );
      }
    }
    const attention = this.hasAttention ? (out.attention!.data as Float32Array) : null;
    return { risk, attention };
  }

  /** Average students, an empty history and extreme values: all must score. */
  private async probe(): Promise<void> {
    const { weeks } = this.schema;
    const f = this.schema.keys.length;
    const n = 3;
    const x = new Float32Array(n * weeks * f);
    const mask = new Float32Array(n * weeks);
    for (let t = 0; t < weeks; t++) mask[t] = 1; // student 0: every week, all average
    mask[weeks + weeks - 1] = 1; // student 1: only the scored week
    for (let t = 0; t < weeks; t++) {
      mask[2 * weeks + t] = 1;
      for (let i = 0; i < f; i++) x[(2 * weeks + t) * f + i] = i % 2 === 0 ? 6 : -6;
    }
    try {
      await this.run({ x, mask, n, weeks, features: f });
    } catch (error) {
      await this.session.release();
      throw error;
    }
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

function checkSchema(schema: FeatureSchema): void {
  const known = new Set(FEATURE_KEYS);
  const unknown = schema.keys.filter((k) => !known.has(k));
  if (schema.keys.length === 0 || unknown.length > 0) {
    throw new ModelRejected(
      unknown.length > 0
        ? `The model reads features this version of Sightline does not compute: ${unknown.join(', ')}.`
        : 'The model names no features.',
    );
  }
  if (
    schema.means.length !== schema.keys.length ||
    schema.stds.length !== schema.keys.length ||
    schema.stds.some((s) => !(s > 0)) ||
    !Number.isInteger(schema.weeks) ||
    schema.weeks < 1
  ) {
    throw new ModelRejected("The model's feature schema is malformed (means, spreads or weeks).");
  }
}
