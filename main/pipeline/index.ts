/** The weekly feature pipeline's public surface (see README.md in this folder). */
export { runPipeline, markInterruptedRuns, DEFAULT_BATCH_SIZE } from './run';
export type { PipelineOptions, PipelineRunSummary } from './run';
export {
  nextRunAt,
  previousRunAt,
  missedRun,
  loadDailyAt,
  DAILY_AT_KEY,
  DEFAULT_DAILY_AT,
} from './schedule';
export { PipelineScheduler } from './scheduler';
export type { PipelineSchedulerOptions } from './scheduler';
export { ANOMALY_SPECS, ANOMALY_RULES } from './anomalies';
