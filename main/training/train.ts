/**
 * One training run: build the dataset (time-based split), train the logistic-regression
 * baseline and the GRU, export both to ONNX, measure both — as the ONNX runtime scores them,
 * which is what will run — on the holdout next to the transparent rules and the active model,
 * and store both as candidates with their model cards. Runs in a job worker or the CLI.
 */
import type { ModelKind } from '../../db/schema';
import { RiskSession } from '../risk/session';
import type { Store } from '../store/open';
import { buildModelCard, type BaselineRow } from './card';
import { buildDataset, labelsOf, sequenceBatch, type Dataset, type DatasetSplit } from './dataset';
import { evaluate, type ModelMetrics } from './metrics';
import { toOnnx, trainModel, TrainingCancelled, type TrainedModel } from './model';
import {
  insertModelVersion,
  loadModelVersion,
  type Comparison,
  type NewModelVersion,
} from './registry';
import { STATUS_NOTES } from './status-notes';

export const DEFAULT_TRAINING_SEED = 20260529;
/** Share of the training term's students kept aside to decide when to stop training. */
export const VALIDATION_SHARE = 0.15;

export interface TrainOptions {
  seed?: number;
  /** Which models to train (default both). */
  kinds?: readonly ModelKind[];
  /** Stored as a shipped model (the default model in models/) instead of a district's own. */
  origin?: NewModelVersion['origin'];
  jobId?: string | null;
  createdBy?: string | null;
  onProgress?: (fraction: number, message: string) => void;
  isCancelled?: () => boolean;
  /** Fixed timestamp for reproducible builds of the shipped model. */
  now?: number;
}

export interface TrainedCandidate {
  id: string;
  name: string;
  kind: ModelKind;
  metrics: ModelMetrics;
  comparison: Comparison | null;
  onnx: Uint8Array;
  card: Record<string, unknown>;
}

export interface TrainingSummary {
  candidates: TrainedCandidate[];
  /** The better of the trained models on the holdout (by AUC, then precision at the flag rate). */
  recommendedId: string;
  baselines: BaselineRow[];
  counts: { train: DatasetSplit['counts']; holdout: DatasetSplit['counts'] };
  timings: Record<string, number>;
}

export { TrainingCancelled };

const KIND_NAMES: Record<ModelKind, string> = {
  logistic: 'Logistic regression',
  gru: 'GRU with attention',
};

export async function trainModels(
  store: Store,
  options: TrainOptions = {},
): Promise<TrainingSummary> {
  const seed = options.seed ?? DEFAULT_TRAINING_SEED;
  const kinds = options.kinds ?? (['logistic', 'gru'] as const);
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const now = options.now ?? Date.now();

  progress(0.01, 'Building the training set from weekly features and term outcomes…');
  let t = performance.now();
  const dataset = buildDataset(store.sqlite);
  timings.datasetMs = performance.now() - t;
  if (options.isCancelled?.()) throw new TrainingCancelled();

  // Early stopping watches students the model does not train on: a slice of the training
  // term's students (never the holdout, which must stay unseen until the final measurement).
  const { fitOn, watch } = splitByStudent(dataset.train.examples, seed, VALIDATION_SHARE);
  const trainBatch = sequenceBatch(fitOn, dataset.schema);
  const trainLabels = labelsOf(fitOn);
  const validation = { batch: sequenceBatch(watch, dataset.schema), labels: labelsOf(watch) };
  const holdout = dataset.holdout.examples;
  const holdoutBatch = sequenceBatch(holdout, dataset.schema);
  const holdoutLabels = labelsOf(holdout);
  const evalOptions = {
    subgroups: holdout.map((e) => e.subgroups),
    students: holdout.map((e) => e.studentId),
  };

  const rules = evaluate(
    holdout.map((e) => e.rulesScore),
    holdoutLabels,
    { ...evalOptions, probabilities: false },
  );
  const active = await scoreWithActive(store, dataset, holdoutLabels, evalOptions);

  // The GRU takes most of the time: give it most of the bar.
  const shares: Record<ModelKind, number> = { logistic: 0.1, gru: 0.75 };
  const total = kinds.reduce((sum, k) => sum + shares[k], 0);
  let done = 0.05;
  const trained: {
    kind: ModelKind;
    model: TrainedModel;
    onnx: Uint8Array;
    metrics: ModelMetrics;
  }[] = [];
  for (const kind of kinds) {
    const share = (shares[kind] / total) * 0.9;
    const start = done;
    t = performance.now();
    const model = await trainModel(kind, trainBatch, trainLabels, {
      seed,
      validation,
      onProgress: (fraction, message) =>
        progress(start + share * fraction, `${KIND_NAMES[kind]}: ${message}`),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    });
    timings[`${kind}Ms`] = performance.now() - t;
    const onnx = toOnnx(model, {
      name: `${KIND_NAMES[kind]} (${dataset.schoolYear.title})`,
      description: dataset.labelDefinition,
    });
    const session = await RiskSession.load(onnx, dataset.schema);
    let scores: Float32Array;
    try {
      scores = (await session.run(holdoutBatch)).risk;
    } finally {
      await session.release();
    }
    trained.push({ kind, model, onnx, metrics: evaluate(scores, holdoutLabels, evalOptions) });
    done = start + share;
  }

  const baselines: BaselineRow[] = [
    row('Transparent rules (flag count)', rules),
    ...trained.map((m) => row(KIND_NAMES[m.kind], m.metrics)),
    ...(active ? [row(`Active model: ${active.name}`, active.metrics)] : []),
  ];

  progress(0.96, 'Writing model cards…');
  const candidates: TrainedCandidate[] = [];
  store.sqlite.transaction(() => {
    for (const m of trained) {
      const comparison: Comparison | null = active
        ? {
            activeId: active.id,
            activeAuc: active.metrics.overall.auc,
            activePrecisionAtRate: active.metrics.overall.precision,
            beatsActive: beats(m.metrics, active.metrics),
          }
        : null;
      const name = `${KIND_NAMES[m.kind]} · ${dataset.schoolYear.title} · ${new Date(now).toISOString().slice(0, 10)}`;
      const training = {
        seed,
        labelDefinition: dataset.labelDefinition,
        window: dataset.window,
        counts: { train: dataset.train.counts, holdout: dataset.holdout.counts },
        leftOut: dataset.leftOut,
        model:
          m.model.kind === 'gru'
            ? { kind: 'gru', weeks: m.model.weeks, hidden: m.model.hidden }
            : { kind: 'logistic', weeks: m.model.weeks },
      };
      const card = buildModelCard({
        name,
        kind: m.kind,
        createdAt: now,
        dataset,
        metrics: m.metrics,
        baselines,
        comparison,
        seed,
      });
      const id = insertModelVersion(store.sqlite, {
        name,
        kind: m.kind,
        origin: options.origin ?? 'trained',
        onnx: m.onnx,
        schema: dataset.schema,
        training,
        metrics: m.metrics as unknown as Record<string, unknown>,
        card,
        holdoutKey: dataset.holdoutKey,
        comparison,
        statusNote: comparison
          ? comparison.beatsActive
            ? STATUS_NOTES.beatsActive
            : STATUS_NOTES.didNotBeat
          : null,
        jobId: options.jobId ?? null,
        createdBy: options.createdBy ?? null,
        createdAt: now,
      });
      candidates.push({
        id,
        name,
        kind: m.kind,
        metrics: m.metrics,
        comparison,
        onnx: m.onnx,
        card,
      });
    }
  })();
  const recommended = [...candidates].sort(
    (a, b) =>
      (b.metrics.overall.auc ?? 0) - (a.metrics.overall.auc ?? 0) ||
      (b.metrics.overall.precision ?? 0) - (a.metrics.overall.precision ?? 0),
  )[0]!;
  progress(1, 'Training finished.');
  return {
    candidates,
    recommendedId: recommended.id,
    baselines,
    counts: { train: dataset.train.counts, holdout: dataset.holdout.counts },
    timings,
  };
}

/** A seeded, stable choice of whole students (all their cutoff weeks go the same way). */
export function splitByStudent<T extends { studentId: string }>(
  examples: readonly T[],
  seed: number,
  share: number,
): { fitOn: T[]; watch: T[] } {
  const watched = (id: string) => {
    // FNV-1a over the seed and the id: the same students every run with the same seed.
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return (h >>> 0) / 0x1_0000_0000 < share;
  };
  const fitOn: T[] = [];
  const watch: T[] = [];
  for (const e of examples) (watched(e.studentId) ? watch : fitOn).push(e);
  return { fitOn, watch };
}

/** Higher AUC and no lower precision at the flag rate, on the same holdout. */
export function beats(candidate: ModelMetrics, active: ModelMetrics): boolean {
  const c = candidate.overall;
  const a = active.overall;
  return (c.auc ?? 0) > (a.auc ?? 0) && (c.precision ?? 0) >= (a.precision ?? 0);
}

function row(name: string, metrics: ModelMetrics): BaselineRow {
  return {
    name,
    auc: metrics.overall.auc,
    prAuc: metrics.overall.prAuc,
    precisionAtRate: metrics.overall.precision,
    recallAtRate: metrics.overall.recall,
    brier: metrics.overall.brier,
  };
}

/**
 * The active model scored on this holdout, with its own standardiser, so a candidate is
 * compared on exactly the same students and weeks. Null when there is none, or when it reads
 * more weeks or other features than this build can give it.
 */
async function scoreWithActive(
  store: Store,
  dataset: Dataset,
  labels: Float32Array,
  evalOptions: Parameters<typeof evaluate>[2],
): Promise<{ id: string; name: string; metrics: ModelMetrics } | null> {
  const active = loadModelVersion(store.sqlite, null);
  if (!active) return null;
  let session: RiskSession;
  try {
    session = await RiskSession.load(active.onnx, active.schema);
  } catch {
    return null;
  }
  try {
    const batch = sequenceBatch(dataset.holdout.examples, active.schema);
    const { risk } = await session.run(batch);
    return { id: active.id, name: active.name, metrics: evaluate(risk, labels, evalOptions) };
  } finally {
    await session.release();
  }
}
