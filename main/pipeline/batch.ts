/**
 * One batch of students, in one IMMEDIATE transaction: read their dirty marks and raw records,
 * compute their weeks, replace their rows from each one's first rewritten week, note the
 * cohort-weeks whose anomaly statistics changed, and consume the marks. Reading inside the
 * write transaction means an importer cannot slip a record and its mark in between our read
 * and our delete of the mark; importers wait for at most one batch.
 */
import type SQLite from 'better-sqlite3';
import type { PipelineContext } from './context';
import { PipelineCancelled } from './errors';
import { weekOfDate, type WorkItem } from './plan';
import { loadStudentRaw, prepareRawQueries } from './raw-inputs';
import { computeStudentWeeks, type FeatureRow } from './student-weeks';
import type { FeatureRow as ModelFeatureRow } from '../training/features';
import { prepareInputsWriter } from '../training/model-inputs';

const COLUMNS = [
  'student_id',
  'week_start',
  'district_id',
  'school_id',
  'grade_level',
  'days_enrolled_week',
  'days_absent_week',
  'days_enrolled_ytd',
  'days_absent_ytd',
  'attendance_rate_week',
  'attendance_rate_4wk',
  'attendance_rate_ytd',
  'unexcused_absences_ytd',
  'tardies_week',
  'tardies_ytd',
  'attendance_trend',
  'incident_days_week',
  'incident_days_ytd',
  'suspensions_ytd',
  'section_grades_json',
  'lowest_grade',
  'failing_sections',
  'gpa',
  'assignments_due_ytd',
  'missing_rate_ytd',
  'late_rate_ytd',
  'missing_4wk',
  'lms_active_days_week',
  'lms_minutes_week',
  'lms_sessions_week',
  'on_time_submissions_week',
  'assessment_avg',
  'assessment_trend',
  'flag_chronic_absence',
  'flag_course_failure',
  'flag_low_gpa',
  'flag_suspension',
  'flag_off_track',
  'flag_count',
] as const satisfies readonly (keyof FeatureRow)[];

export interface BatchResult {
  rows: number;
  /** Distinct week_start values written. */
  weeks: Set<string>;
  /** Milliseconds spent reading raw records, computing and writing. */
  readMs: number;
  computeMs: number;
  writeMs: number;
}

export function prepareBatch(sqlite: SQLite.Database) {
  return {
    raw: prepareRawQueries(sqlite),
    dirtyOf: sqlite
      .prepare(
        'SELECT student_id, from_date FROM feature_dirty WHERE student_id IN (SELECT value FROM json_each(?))',
      )
      .raw(),
    removeRows: sqlite
      .prepare(
        `DELETE FROM student_features WHERE student_id = ? AND week_start >= ?
         RETURNING school_id, grade_level, week_start`,
      )
      .raw(),
    removeAnomalies: sqlite.prepare(
      'DELETE FROM feature_anomalies WHERE student_id = ? AND week_start >= ?',
    ),
    insert: sqlite.prepare(
      `INSERT INTO student_features (${COLUMNS.join(', ')}, run_id, computed_at)
       VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    ),
    markCohortWeek: sqlite.prepare(
      'INSERT OR IGNORE INTO anomaly_dirty (school_id, grade_level, week_start) VALUES (?, ?, ?)',
    ),
    consumeDirty: sqlite.prepare(
      'DELETE FROM feature_dirty WHERE student_id IN (SELECT value FROM json_each(?))',
    ),
    // Removing a feature row removes its model input (a trigger); writing one writes both.
    inputs: prepareInputsWriter(sqlite),
  };
}

export type BatchStatements = ReturnType<typeof prepareBatch>;

export function runBatch(
  sqlite: SQLite.Database,
  st: BatchStatements,
  ctx: PipelineContext,
  items: readonly WorkItem[],
  run: { id: string; computedAt: number; isCancelled: () => boolean },
): BatchResult {
  return sqlite
    .transaction((): BatchResult => {
      const t0 = performance.now();
      const ids = JSON.stringify(items.map((i) => i.studentId));
      // A mark written since the plan was made may reach further back than planned.
      const fromWeek = new Map(items.map((i) => [i.studentId, i.fromWeek]));
      for (const [studentId, fromDate] of st.dirtyOf.iterate(ids) as IterableIterator<
        [string, string]
      >) {
        const planned = fromWeek.get(studentId)!;
        fromWeek.set(studentId, Math.min(planned, weekOfDate(ctx, fromDate)));
      }

      // Each student is read, computed and written in turn (nothing batch-sized piles up in
      // memory); a cancel seen before the commit still rolls the whole batch back.
      const cohortWeeks = new Set<string>();
      const weeks = new Set<string>();
      let rows = 0;
      let readMs = performance.now() - t0;
      let computeMs = 0;
      const values: unknown[] = new Array(COLUMNS.length + 2);
      values[COLUMNS.length] = run.id;
      values[COLUMNS.length + 1] = run.computedAt;
      for (const item of items) {
        const fromIndex = fromWeek.get(item.studentId)!;
        let computed: FeatureRow[] = [];
        if (item.student) {
          const r0 = performance.now();
          const raw = loadStudentRaw(st.raw, ctx, item.studentId);
          const c0 = performance.now();
          computed = computeStudentWeeks(item.student, raw, ctx, fromIndex);
          readMs += c0 - r0;
          computeMs += performance.now() - c0;
        }
        const from = ctx.weeks.start(fromIndex);
        for (const [school, grade, week] of st.removeRows.iterate(
          item.studentId,
          from,
        ) as IterableIterator<[string, number, string]>) {
          cohortWeeks.add(`${school}\u0000${grade}\u0000${week}`);
        }
        st.removeAnomalies.run(item.studentId, from);
        for (const row of computed) {
          for (let c = 0; c < COLUMNS.length; c++) values[c] = row[COLUMNS[c]!];
          st.insert.run(values);
          st.inputs.write(row as unknown as ModelFeatureRow);
          cohortWeeks.add(`${row.school_id}\u0000${row.grade_level}\u0000${row.week_start}`);
          weeks.add(row.week_start);
          rows++;
        }
      }
      for (const key of cohortWeeks) {
        const [school, grade, week] = key.split('\u0000');
        st.markCohortWeek.run(school, Number(grade), week);
      }
      st.consumeDirty.run(ids);
      st.inputs.markIfFresh();
      if (run.isCancelled()) throw new PipelineCancelled();
      const total = performance.now() - t0;
      return { rows, weeks, readMs, computeMs, writeMs: total - readMs - computeMs };
    })
    .immediate();
}
