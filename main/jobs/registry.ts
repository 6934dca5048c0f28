import { runImportJob } from '../imports/job';
import { runPipeline } from '../pipeline';
import type { PipelineMode, PipelineTrigger } from '../../db/schema';
import { JobCancelled, type JobContext } from './types';

export interface PipelineJobInput {
  mode: PipelineMode;
  trigger: PipelineTrigger;
}

async function runPipelineJob(ctx: JobContext<PipelineJobInput>) {
  const summary = await runPipeline(ctx.store, {
    mode: ctx.input.mode,
    trigger: ctx.input.trigger,
    jobId: ctx.jobId,
    isCancelled: ctx.isCancelled,
    onProgress: ctx.progress,
  });
  if (summary.status === 'cancelled') throw new JobCancelled();
  if (summary.status === 'failed') throw new Error(summary.error ?? 'The pipeline run failed.');
  return summary;
}

/** Every kind of background job, by name; the worker runs one per thread. */
export const JOB_HANDLERS = {
  import: runImportJob,
  pipeline: runPipelineJob,
} as const;

export type JobKind = keyof typeof JOB_HANDLERS;
export type JobInputOf<K extends JobKind> = Parameters<(typeof JOB_HANDLERS)[K]>[0]['input'];

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_HANDLERS, kind);
}
