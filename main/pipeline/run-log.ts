/**
 * The `pipeline_runs` log: a row is committed as 'running' before any work, so a crash leaves
 * a trace, and finished with what the run did. The last successful run is what an incremental
 * run builds on (its data date and shared-inputs fingerprint).
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate, PipelineMode, PipelineStatus, PipelineTrigger } from '../../db/schema';
import type { Store } from '../store/open';

export function startRunRow(
  sqlite: SQLite.Database,
  run: {
    id: string;
    jobId: string | null;
    mode: PipelineMode;
    trigger: PipelineTrigger;
    at: number;
  },
): void {
  sqlite
    .prepare(
      `INSERT INTO pipeline_runs (id, job_id, mode, trigger, status, started_at)
       VALUES (?, ?, ?, ?, 'running', ?)`,
    )
    .run(run.id, run.jobId, run.mode, run.trigger, run.at);
}

export function noteRunPlan(
  sqlite: SQLite.Database,
  runId: string,
  mode: PipelineMode,
  asOf: IsoDate,
): void {
  sqlite
    .prepare('UPDATE pipeline_runs SET mode = ?, as_of = ? WHERE id = ?')
    .run(mode, asOf, runId);
}

export interface FinishedRun {
  status: PipelineStatus;
  mode: PipelineMode;
  asOf: IsoDate | null;
  fromWeek: IsoDate | null;
  students: number;
  weeks: number;
  rowsWritten: number;
  anomalies: number;
  error: string | null;
  inputsKey: string | null;
  finishedAt: number;
}

export function finishRunRow(sqlite: SQLite.Database, runId: string, run: FinishedRun): void {
  sqlite
    .prepare(
      `UPDATE pipeline_runs SET status = ?, mode = ?, as_of = ?, from_week = ?, students = ?,
         weeks = ?, rows_written = ?, anomalies = ?, error = ?, inputs_key = ?, finished_at = ?
       WHERE id = ?`,
    )
    .run(
      run.status,
      run.mode,
      run.asOf,
      run.fromWeek,
      run.students,
      run.weeks,
      run.rowsWritten,
      run.anomalies,
      run.error,
      run.inputsKey,
      run.finishedAt,
      runId,
    );
}

/** The latest successful run: the state the current rows were computed from. */
export function lastSucceededRun(
  sqlite: SQLite.Database,
): { as_of: IsoDate | null; inputs_key: string | null } | undefined {
  return sqlite
    .prepare(
      `SELECT as_of, inputs_key FROM pipeline_runs WHERE status = 'succeeded'
       ORDER BY started_at DESC, id DESC LIMIT 1`,
    )
    .get() as { as_of: IsoDate | null; inputs_key: string | null } | undefined;
}

/** The status of the run started before `runId`, if any. */
export function previousRunStatus(
  sqlite: SQLite.Database,
  runId: string,
): PipelineStatus | undefined {
  return sqlite
    .prepare(
      'SELECT status FROM pipeline_runs WHERE id != ? ORDER BY started_at DESC, id DESC LIMIT 1',
    )
    .pluck()
    .get(runId) as PipelineStatus | undefined;
}

/**
 * Marks runs left 'running' by a process that died (crash, kill, power loss) as
 * 'interrupted'. Call at start-up, before any new run can begin. Returns how many.
 */
export function markInterruptedRuns(store: Store, now: number = Date.now()): number {
  return store.sqlite
    .prepare(
      `UPDATE pipeline_runs SET status = 'interrupted', finished_at = ?,
         error = coalesce(error, 'The app stopped before this run finished.')
       WHERE status = 'running'`,
    )
    .run(now).changes;
}
