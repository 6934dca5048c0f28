/**
 * What the Models page does: train new versions (a background job, followed like imports and
 * pipeline runs), re-score every student now, activate a candidate, roll back. The core decides
 * who may and refuses an activation that did not beat the active model, with its reason.
 */
import { createJobTracker } from '../jobs/jobTracker';
import { markDataChanged } from '../liveUpdates';
import { request } from '../request';
import { modelDetail, modelList } from './modelsStore';

function refreshModels(): void {
  modelList.invalidate();
  modelDetail.invalidate();
}

/** The training job started from the Models page (or found running when it opened). */
export const trainJob = createJobTracker(() => refreshModels());

/** Re-scoring every student with the active model. */
export const scoreJob = createJobTracker(() => markDataChanged());

export async function startTraining(): Promise<void> {
  const { jobId } = await request('models.train', {});
  trainJob.track(jobId);
}

export async function startScoring(): Promise<void> {
  const { jobId } = await request('risk.score', {});
  scoreJob.track(jobId);
}

/** Follows training or scoring jobs already running (e.g. started in another window). */
export async function followRunningModelJobs(): Promise<void> {
  try {
    const [train, score] = await Promise.all([
      trainJob.store.getState().job ? null : request('jobs.list', { kind: 'train', limit: 5 }),
      scoreJob.store.getState().job ? null : request('jobs.list', { kind: 'score', limit: 5 }),
    ]);
    const running = (jobs: { id: string; status: string }[] | undefined) =>
      jobs?.find((j) => j.status === 'queued' || j.status === 'running');
    const activeTrain = running(train?.jobs);
    const activeScore = running(score?.jobs);
    if (activeTrain && !trainJob.store.getState().job) trainJob.track(activeTrain.id);
    if (activeScore && !scoreJob.store.getState().job) scoreJob.track(activeScore.id);
  } catch {
    // Only a convenience: the list still shows new versions once they are saved.
  }
}

/** Makes a candidate the active model; every student's score follows it. */
export async function activateModel(modelId: string, note: string): Promise<void> {
  await request('models.activate', { modelId, note });
  refreshModels();
  markDataChanged();
}

/** Re-activates the model that was active before the current one. */
export async function rollbackModel(note: string): Promise<void> {
  await request('models.rollback', { note });
  refreshModels();
  markDataChanged();
}
