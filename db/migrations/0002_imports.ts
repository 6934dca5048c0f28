/**
 * Frozen once released: imports (one row per imported file, remembered header mappings),
 * assessment results, raw xAPI statements, the link from quarantined rows to their import,
 * and the per-student "recompute from" marks the incremental feature pipeline consumes.
 */
import { sql, type Kysely } from 'kysely';

const synced = `
  id TEXT PRIMARY KEY NOT NULL,
  district_id TEXT NOT NULL,
  school_id TEXT,
  source_system TEXT,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 0`;

const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;

/** The identity slot of an attendance category; keep in step with main/imports/kinds/attendance.ts. */
const ATTENDANCE_SLOT = `CASE WHEN category IN ('tardy', 'early_departure') THEN category ELSE 'status' END`;

const statements = [
  `CREATE TABLE assessment_results (${synced},
  student_id TEXT NOT NULL REFERENCES students(id),
  assessment TEXT NOT NULL,
  subject TEXT,
  ${date('date')},
  score REAL NOT NULL,
  max_score REAL CHECK (max_score IS NULL OR max_score > 0),
  percentile REAL CHECK (percentile IS NULL OR percentile BETWEEN 0 AND 100),
  performance_level TEXT
) STRICT`,
  `CREATE UNIQUE INDEX assessment_results_source ON assessment_results (source_system, source_id) WHERE source_id IS NOT NULL`,
  `CREATE INDEX assessment_results_student_date ON assessment_results (student_id, date)`,

  // xAPI statements are kept (by statement id, so re-imports dedupe) and rolled up into
  // lms_activity per student, section and day.
  `CREATE TABLE lms_statements (
  id TEXT PRIMARY KEY NOT NULL,
  student_id TEXT NOT NULL REFERENCES students(id),
  section_id TEXT REFERENCES sections(id),
  ${date('date')},
  verb TEXT NOT NULL,
  minutes REAL NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  import_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT`,
  `CREATE INDEX lms_statements_student_date ON lms_statements (student_id, date)`,

  `CREATE TABLE imports (
  id TEXT PRIMARY KEY NOT NULL,
  job_id TEXT REFERENCES jobs(id),
  kind TEXT NOT NULL CHECK (kind IN ('oneroster', 'attendance', 'grades', 'assignments',
    'submissions', 'incidents', 'lms_activity', 'xapi', 'assessments')),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_bytes INTEGER NOT NULL,
  mode TEXT CHECK (mode IS NULL OR mode IN ('bulk', 'delta')),
  status TEXT NOT NULL CHECK (status IN ('running', 'committed', 'failed', 'cancelled', 'interrupted')),
  rows_total INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  ignored INTEGER NOT NULL DEFAULT 0,
  mapping_json TEXT CHECK (mapping_json IS NULL OR json_valid(mapping_json)),
  detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
  error TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT`,
  `CREATE INDEX imports_job ON imports (job_id)`,
  `CREATE INDEX imports_started ON imports (started_at)`,

  // Attendance exports rarely carry record ids, so an event is recognised by student, date,
  // section and slot: one status per day (present / excused / unexcused) plus separate tardy
  // and early-departure marks (Ed-Fi keeps the category in the key). This index also serves
  // every (student_id, date) query the old one did.
  `DROP INDEX attendance_student_date`,
  `CREATE UNIQUE INDEX attendance_identity ON attendance_events (student_id, date,
    ifnull(section_id, ''), (${ATTENDANCE_SLOT}), source_system)`,

  `CREATE TABLE import_mappings (
  source_key TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  headers_json TEXT NOT NULL CHECK (json_valid(headers_json)),
  mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
  updated_at INTEGER NOT NULL
) STRICT`,

  // A job left 'running' by a process that no longer exists was interrupted (crash, kill -9).
  `ALTER TABLE jobs ADD COLUMN owner_pid INTEGER`,

  `ALTER TABLE quarantine ADD COLUMN import_id TEXT REFERENCES imports(id)`,
  `CREATE INDEX quarantine_import ON quarantine (import_id, line_number)`,

  // Grades, LMS days, incidents and assessment results rarely carry record ids in exports
  // either: each is recognised by what it is about, within one source system (keep in step
  // with main/imports/kinds/). Each index that starts with (student_id, date) replaces the plain
  // one it makes redundant.
  `CREATE UNIQUE INDEX section_grades_identity ON section_grades (student_id, section_id,
    grading_period_id, is_final, source_system)`,
  `DROP INDEX lms_student_date`,
  `CREATE UNIQUE INDEX lms_activity_identity ON lms_activity (student_id, date,
    ifnull(section_id, ''), source_system)`,
  `DROP INDEX discipline_student_date`,
  `CREATE UNIQUE INDEX discipline_identity ON discipline_incidents (student_id, date, behavior,
    action, source_system)`,
  `DROP INDEX assessment_results_student_date`,
  `CREATE UNIQUE INDEX assessment_results_identity ON assessment_results (student_id, date,
    assessment, ifnull(subject, ''), source_system)`,

  // Written in the same transaction as the data it describes, so a committed import always
  // leaves the pipeline knowing what to recompute.
  `CREATE TABLE feature_dirty (
  student_id TEXT PRIMARY KEY NOT NULL,
  ${date('from_date')}
) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
