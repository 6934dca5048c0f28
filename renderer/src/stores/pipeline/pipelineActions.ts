import type { PipelineMode } from '../../api/types';
import { createJobTracker } from '../jobs/jobTracker';
import { request } from '../request';
import { pipelineRuns } from './pipelineRunsStore';

/** The pipeline run started from the Pipeline page (or one found running when it opened). */
export const pipelineJob = createJobTracker(() => pipelineRuns.invalidate());

/** Starts a run ("Run now" = incremental, "Recompute everything" = backfill) and follows it. */
export async function runPipeline(mode: PipelineMode): Promise<void> {
  const { jobId } = await request('pipeline.run', { mode });
  pipelineJob.track(jobId);
  pipelineRuns.invalidate();
}

/** Follows a pipeline job already running (the daily run, a catch-up run), if there is one. */
export async function followRunningPipeline(): Promise<void> {
  if (pipelineJob.store.getState().job) return;
  try {
    const { jobs } = await request('jobs.list', { kind: 'pipeline', limit: 5 });
    const active = jobs.find((j) => j.status === 'queued' || j.status === 'running');
    if (active && !pipelineJob.store.getState().job) pipelineJob.track(active.id);
  } catch {
    // Only a convenience: the history still shows the run once it is recorded.
  }
}

/** Saves the daily run time ("06:00"); returns the next run it leads to. */
export async function saveSchedule(dailyAt: string): Promise<void> {
  await request('pipeline.schedule', { dailyAt });
  pipelineRuns.invalidate();
}
