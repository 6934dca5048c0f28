import { runImportJob } from '../imports/job';
import { runPipeline } from '../pipeline';
import { scoreAfterPipeline } from '../risk/after-pipeline';
import { scoreStudents } from '../risk/score';
import type { PipelineMode, PipelineTrigger } from '../../db/schema';
import { JobCancelled, type JobContext } from './types';

export interface PipelineJobInput {
  mode: PipelineMode;
  trigger: PipelineTrigger;
}

/** The pipeline, then the active model's scores for the week it just computed. */
async function runPipelineJob(ctx: JobContext<PipelineJobInput>) {
  const summary = await runPipeline(ctx.store, {
    mode: ctx.input.mode,
    trigger: ctx.input.trigger,
    jobId: ctx.jobId,
    isCancelled: ctx.isCancelled,
    onProgress: (fraction, message) => ctx.progress(fraction * 0.85, message),
  });
  if (summary.status === 'cancelled') throw new JobCancelled();
  if (summary.status === 'failed') throw new Error(summary.error ?? 'The pipeline run failed.');
  const risk = await scoreAfterPipeline(ctx, 0.85);
  return { ...summary, risk };
}

export interface ScoreJobInput {
  mode: 'latest' | 'history';
  modelId?: string;
}

async function runScoreJob(ctx: JobContext<ScoreJobInput>) {
  const summary = await scoreStudents(ctx.store, {
    mode: ctx.input.mode,
    ...(ctx.input.modelId ? { modelId: ctx.input.modelId } : {}),
    jobId: ctx.jobId,
    isCancelled: ctx.isCancelled,
    onProgress: ctx.progress,
  });
  if (summary?.status === 'cancelled') throw new JobCancelled();
  return summary;
}

export interface TrainJobInput {
  seed?: number;
  requestedBy?: string;
}

async function runTrainJob(ctx: JobContext<TrainJobInput>) {
  // Loaded only here: tfjs and its wasm backend took half a second off every other job's start.
  const { trainModels, TrainingCancelled } = await import('../training/train');
  try {
    const summary = await trainModels(ctx.store, {
      ...(ctx.input.seed !== undefined ? { seed: ctx.input.seed } : {}),
      jobId: ctx.jobId,
      createdBy: ctx.input.requestedBy ?? null,
      isCancelled: ctx.isCancelled,
      onProgress: ctx.progress,
    });
    // The ONNX bytes are in the registry; the job result keeps what the Models page shows.
    return {
      recommendedId: summary.recommendedId,
      candidates: summary.candidates.map(({ onnx: _onnx, card: _card, ...rest }) => rest),
      baselines: summary.baselines,
      counts: summary.counts,
      timings: summary.timings,
    };
  } catch (error) {
    if (error instanceof TrainingCancelled) throw new JobCancelled();
    throw error;
  }
}

/** Every kind of background job, by name; the worker runs one per thread. */
export const JOB_HANDLERS = {
  import: runImportJob,
  pipeline: runPipelineJob,
  score: runScoreJob,
  train: runTrainJob,
} as const;

export type JobKind = keyof typeof JOB_HANDLERS;
export type JobInputOf<K extends JobKind> = Parameters<(typeof JOB_HANDLERS)[K]>[0]['input'];

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_HANDLERS, kind);
}
