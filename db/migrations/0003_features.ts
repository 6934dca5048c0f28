/**
 * Frozen once released: the weekly feature snapshot per student, the anomalies found in it,
 * and the log of pipeline runs.
 */
import { sql, type Kysely } from 'kysely';

const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;

const bool = (col: string, nullable = false) =>
  `${col} INTEGER ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (0, 1))`;

const statements = [
  `CREATE TABLE pipeline_runs (
  id TEXT PRIMARY KEY NOT NULL,
  job_id TEXT REFERENCES jobs(id),
  mode TEXT NOT NULL CHECK (mode IN ('incremental', 'backfill')),
  trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'import', 'scheduled', 'catch_up', 'cli', 'seed')),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  ${date('as_of', true)},
  ${date('from_week', true)},
  students INTEGER NOT NULL DEFAULT 0,
  weeks INTEGER NOT NULL DEFAULT 0,
  rows_written INTEGER NOT NULL DEFAULT 0,
  anomalies INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  inputs_key TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT`,
  `CREATE INDEX pipeline_runs_started ON pipeline_runs (started_at)`,

  // One row per student per school week (weeks start on Monday), describing the student as of
  // the last day of that week. Rates are fractions 0..1; "ytd" means school year to date.
  `CREATE TABLE student_features (
  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  ${date('week_start')},
  district_id TEXT NOT NULL,
  school_id TEXT NOT NULL,
  grade_level INTEGER NOT NULL,
  days_enrolled_week INTEGER NOT NULL,
  days_absent_week REAL NOT NULL,
  days_enrolled_ytd INTEGER NOT NULL,
  days_absent_ytd REAL NOT NULL,
  attendance_rate_week REAL,
  attendance_rate_4wk REAL,
  attendance_rate_ytd REAL,
  unexcused_absences_ytd INTEGER NOT NULL,
  tardies_week INTEGER NOT NULL,
  tardies_ytd INTEGER NOT NULL,
  attendance_trend REAL,
  incident_days_week INTEGER NOT NULL,
  incident_days_ytd INTEGER NOT NULL,
  suspensions_ytd INTEGER NOT NULL,
  section_grades_json TEXT NOT NULL CHECK (json_valid(section_grades_json)),
  lowest_grade REAL,
  failing_sections INTEGER NOT NULL,
  gpa REAL,
  assignments_due_ytd INTEGER NOT NULL,
  missing_rate_ytd REAL,
  late_rate_ytd REAL,
  missing_4wk INTEGER NOT NULL,
  lms_active_days_week INTEGER NOT NULL,
  lms_minutes_week REAL NOT NULL,
  lms_sessions_week INTEGER NOT NULL,
  on_time_submissions_week INTEGER NOT NULL,
  assessment_avg REAL,
  assessment_trend REAL,
  ${bool('flag_chronic_absence')},
  ${bool('flag_course_failure')},
  ${bool('flag_low_gpa')},
  ${bool('flag_suspension')},
  ${bool('flag_off_track', true)},
  flag_count INTEGER NOT NULL,
  run_id TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (student_id, week_start)
) STRICT, WITHOUT ROWID`,
  // Cohort (school, grade) scans over a range of weeks: school and grade trends, and the
  // pipeline's anomaly step, which it covers (the features main/pipeline/anomalies.ts checks),
  // so that step reads the index alone instead of one table lookup per student-week.
  `CREATE INDEX student_features_cohort ON student_features (school_id, grade_level, week_start,
    days_enrolled_week, attendance_rate_week, lms_active_days_week, gpa, missing_4wk)`,

  `CREATE TABLE feature_anomalies (
  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  ${date('week_start')},
  feature TEXT NOT NULL,
  value REAL NOT NULL,
  own_baseline REAL,
  own_z REAL,
  cohort_median REAL,
  cohort_z REAL,
  direction TEXT NOT NULL CHECK (direction IN ('drop', 'rise')),
  explanation TEXT NOT NULL,
  run_id TEXT NOT NULL,
  PRIMARY KEY (student_id, week_start, feature)
) STRICT, WITHOUT ROWID`,
  `CREATE INDEX feature_anomalies_week ON feature_anomalies (week_start)`,

  // Cohort-weeks whose anomaly statistics must be recomputed: written in the same transaction
  // as the feature rows that changed them, consumed with the anomalies written for them, so a
  // crash between the two steps is picked up by the next run.
  `CREATE TABLE anomaly_dirty (
  school_id TEXT NOT NULL,
  grade_level INTEGER NOT NULL,
  ${date('week_start')},
  PRIMARY KEY (school_id, grade_level, week_start)
) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
