import { request } from '../request';
import { createQueryStore } from '../queryStore';

export const PIPELINE_HISTORY_LIMIT = 50;

/** Pipeline history, data date, schedule and the students waiting for the next run. */
export const pipelineRuns = createQueryStore(
  (_: null) => request('pipeline.runs', { limit: PIPELINE_HISTORY_LIMIT }),
  { keepPrevious: true },
);
