/**
 * `runPipeline`: one run of the weekly feature pipeline, logged in `pipeline_runs`.
 *
 *   1. a 'running' row, committed before any work, so a crash leaves a trace;
 *   2. the plan (who, from which week) — an incremental run turns into a backfill when there
 *      is no earlier successful run or the shared inputs changed since it;
 *   3. batches of students, each one transaction (rows replaced, marks consumed);
 *   4. anomalies for the cohort-weeks the batches touched, one cohort per transaction;
 *   5. the dashboards' current indicators (`refreshIndicators`), then 'succeeded'.
 * Every step is atomic and idempotent, so after a crash or cancel the database is consistent
 * and the next run reaches the same final state.
 */
import { uuidv7 } from 'uuidv7';
import type { IsoDate, PipelineMode, PipelineStatus, PipelineTrigger } from '../../db/schema';
import { dataAsOf, refreshIndicators } from '../indicators/refresh';
import { loadThresholds } from '../indicators/thresholds';
import type { Store } from '../store/open';
import { runAnomalyStep } from './anomaly-step';
import { prepareBatch, runBatch } from './batch';
import { findSchoolYear, loadContext, sharedInputsKey } from './context';
import { PipelineCancelled } from './errors';
import { planWork } from './plan';
import {
  finishRunRow,
  lastSucceededRun,
  noteRunPlan,
  previousRunStatus,
  startRunRow,
} from './run-log';

export { markInterruptedRuns } from './run-log';

export interface PipelineOptions {
  mode: PipelineMode;
  trigger: PipelineTrigger;
  jobId?: string | null;
  onProgress?: (fraction: number, message: string) => void;
  /** Checked between batches (and before each batch commits); a cancelled batch rolls back. */
  isCancelled?: () => boolean;
  now?: () => number;
  /** Students per transaction. */
  batchSize?: number;
}

export interface PipelineRunSummary {
  runId: string;
  status: Exclude<PipelineStatus, 'running' | 'interrupted'>;
  requestedMode: PipelineMode;
  /** What was done: an incremental request becomes a backfill when it must (see `reason`). */
  mode: PipelineMode;
  reason: string | null;
  asOf: IsoDate | null;
  /** Earliest week written. */
  fromWeek: IsoDate | null;
  students: number;
  weeks: number;
  rowsWritten: number;
  anomalies: number;
  error: string | null;
  startedAt: number;
  finishedAt: number;
  /** Where the time went, in milliseconds (for benchmarks and the run log). */
  timings: PipelineTimings;
}

export interface PipelineTimings {
  plan: number;
  read: number;
  compute: number;
  write: number;
  anomalies: number;
  indicators: number;
}

export const DEFAULT_BATCH_SIZE = 1000;
/** Page cache while running, in KiB as SQLite's negative cache_size means (64 MiB). */
const RUN_CACHE_SIZE = -65_536;

// Progress shares of the steps (features dominate; anomalies and the refresh are quick).
const FEATURES_SHARE = 0.85;
const ANOMALIES_SHARE = 0.1;

export async function runPipeline(
  store: Store,
  options: PipelineOptions,
): Promise<PipelineRunSummary> {
  const { sqlite } = store;
  const now = options.now ?? Date.now;
  const isCancelled = options.isCancelled ?? (() => false);
  const progress = options.onProgress ?? (() => {});
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const summary: PipelineRunSummary = {
    runId: uuidv7(),
    status: 'succeeded',
    requestedMode: options.mode,
    mode: options.mode,
    reason: null,
    asOf: null,
    fromWeek: null,
    students: 0,
    weeks: 0,
    rowsWritten: 0,
    anomalies: 0,
    error: null,
    startedAt: now(),
    finishedAt: 0,
    timings: { plan: 0, read: 0, compute: 0, write: 0, anomalies: 0, indicators: 0 },
  };
  const timings = summary.timings;
  let lap = performance.now();
  const elapsed = () => {
    const t = performance.now();
    const ms = t - lap;
    lap = t;
    return ms;
  };
  startRunRow(sqlite, {
    id: summary.runId,
    jobId: options.jobId ?? null,
    mode: options.mode,
    trigger: options.trigger,
    at: summary.startedAt,
  });

  let inputsKey: string | null = null;
  let clearedAll = false;
  // The feature table's cohort index takes inserts all over a 2M-row tree at 50,000 students;
  // SQLite's default 2 MB page cache makes each a read. Restored afterwards: the connection is
  // the caller's.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${RUN_CACHE_SIZE}`);
  const weeksWritten = new Set<string>();
  try {
    progress(0, 'Reading the school year…');
    const thresholds = await loadThresholds(store.db);
    const asOf = dataAsOf(sqlite);
    summary.asOf = asOf;
    if (asOf === null) {
      // No attendance or LMS data at all: nothing describes any week.
      sqlite.transaction(() => {
        sqlite.exec(`DELETE FROM student_features; DELETE FROM feature_anomalies;
                     DELETE FROM anomaly_dirty; DELETE FROM feature_dirty;`);
      })();
      clearedAll = true;
    } else {
      const year = findSchoolYear(sqlite, asOf);
      if (!year) {
        throw new Error(
          `No school year starts on or before the data date ${asOf}: add the year as an academic session of type "school_year".`,
        );
      }
      const ctx = loadContext(sqlite, asOf, year, thresholds);
      inputsKey = sharedInputsKey(sqlite, thresholds);
      const previous = lastSucceededRun(sqlite);
      if (options.mode === 'incremental') {
        if (!previous) summary.reason = 'no earlier successful run';
        else if (previous.inputs_key !== inputsKey) {
          summary.reason =
            'thresholds, calendar, sessions, sections, courses or feature definitions changed since the last run';
        }
        if (summary.reason) summary.mode = 'backfill';
      }
      noteRunPlan(sqlite, summary.runId, summary.mode, asOf);

      const items = planWork(sqlite, ctx, {
        mode: summary.mode,
        previousAsOf: previous?.as_of ?? null,
      });
      timings.plan = elapsed();
      const st = prepareBatch(sqlite);
      for (let start = 0; start < items.length; start += batchSize) {
        if (isCancelled()) throw new PipelineCancelled();
        const batch = items.slice(start, start + batchSize);
        const result = runBatch(sqlite, st, ctx, batch, {
          id: summary.runId,
          computedAt: summary.startedAt,
          isCancelled,
        });
        timings.read += result.readMs;
        timings.compute += result.computeMs;
        timings.write += result.writeMs;
        summary.students += batch.length;
        summary.rowsWritten += result.rows;
        for (const w of result.weeks) weeksWritten.add(w);
        const done = start + batch.length;
        progress(
          (FEATURES_SHARE * done) / items.length,
          `Weekly features: ${done.toLocaleString('en-US')} of ${items.length.toLocaleString('en-US')} students`,
        );
        await new Promise((resolve) => setImmediate(resolve)); // let a cancel message arrive
      }
      summary.weeks = weeksWritten.size;
      summary.fromWeek = [...weeksWritten].sort()[0] ?? null;
    }
    elapsed();

    const found = await runAnomalyStep(sqlite, summary.runId, {
      isCancelled,
      onCohort: (done, total) =>
        progress(
          FEATURES_SHARE + (ANOMALIES_SHARE * done) / total,
          `Anomalies: ${done} of ${total} cohorts`,
        ),
    });
    summary.anomalies = found.anomalies;
    timings.anomalies = elapsed();
    if (isCancelled()) throw new PipelineCancelled();
    // The refresh reads the whole district (25 s at 50,000 students). When this run found
    // nothing to recompute and the run before it succeeded (and so refreshed), the indicators
    // already reflect the data; a cancelled or failed run in between could have left them behind.
    const previousStatus = previousRunStatus(sqlite, summary.runId);
    if (clearedAll || summary.students > 0 || found.cohorts > 0 || previousStatus !== 'succeeded') {
      progress(FEATURES_SHARE + ANOMALIES_SHARE, 'Refreshing early-warning flags…');
      await refreshIndicators(store, now());
    }
    timings.indicators = elapsed();
  } catch (error) {
    if (error instanceof PipelineCancelled) summary.status = 'cancelled';
    else {
      summary.status = 'failed';
      summary.error = error instanceof Error ? error.message : String(error);
    }
  }

  sqlite.pragma(`cache_size = ${cacheSize}`);
  summary.finishedAt = now();
  finishRunRow(sqlite, summary.runId, { ...summary, inputsKey });
  if (summary.status === 'succeeded') progress(1, 'Done');
  return summary;
}
