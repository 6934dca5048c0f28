import { JobCancelled, type JobContext } from '../jobs/types';
import { scoreStudents, ScoringCancelled } from './score';

/**
 * Scores with the active model, if any. A model that fails here (its risk_runs row says why)
 * leaves the previous scores and does not fail the import or pipeline run it follows.
 */
export async function scoreAfterPipeline(ctx: JobContext<unknown>, from: number) {
  try {
    return await scoreStudents(ctx.store, {
      mode: 'latest',
      jobId: ctx.jobId,
      isCancelled: ctx.isCancelled,
      onProgress: (fraction, message) => ctx.progress(from + fraction * (1 - from), message),
    });
  } catch (error) {
    if (error instanceof ScoringCancelled) throw new JobCancelled();
    return { status: 'failed' as const, error: (error as Error).message };
  }
}
