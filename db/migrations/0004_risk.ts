/**
 * Frozen once released: the risk model registry, its predictions and the feedback staff give
 * on them; and who asked for each job (so an import a teacher starts is theirs to see).
 * Enumerations are spelled out here (not imported) so this file keeps meaning what it meant.
 */
import { sql, type Kysely } from 'kysely';

const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;

const oneOf = (col: string, values: string[], nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const statements = [
  `ALTER TABLE jobs ADD COLUMN requested_by TEXT`,
  `CREATE INDEX jobs_requested_by ON jobs (requested_by, created_at)`,

  // One row per trained (or shipped) model. The ONNX bytes live in the row so a version is
  // one record: copied, synced or rolled back whole.
  `CREATE TABLE model_versions (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  ${oneOf('kind', ['logistic', 'gru'])},
  ${oneOf('status', ['candidate', 'active', 'retired', 'rejected'])},
  ${oneOf('origin', ['trained', 'shipped', 'imported'])},
  onnx BLOB NOT NULL,
  onnx_sha256 TEXT NOT NULL,
  feature_schema_json TEXT NOT NULL CHECK (json_valid(feature_schema_json)),
  training_json TEXT NOT NULL CHECK (json_valid(training_json)),
  metrics_json TEXT NOT NULL CHECK (json_valid(metrics_json)),
  card_json TEXT NOT NULL CHECK (json_valid(card_json)),
  holdout_key TEXT NOT NULL,
  status_note TEXT,
  job_id TEXT REFERENCES jobs(id),
  created_by TEXT,
  created_at INTEGER NOT NULL,
  activated_at INTEGER,
  retired_at INTEGER
) STRICT`,
  // At most one active model: activation retires the previous one in the same transaction.
  `CREATE UNIQUE INDEX model_versions_one_active ON model_versions (status) WHERE status = 'active'`,
  `CREATE INDEX model_versions_created ON model_versions (created_at)`,

  // Every score a model gave, per student and week: the risk history chart reads it.
  `CREATE TABLE predictions (
  model_version_id TEXT NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
  student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  ${date('week_start')},
  score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  ${oneOf('tier', ['low', 'moderate', 'high'])},
  factors_json TEXT NOT NULL CHECK (json_valid(factors_json)),
  attention_json TEXT CHECK (attention_json IS NULL OR json_valid(attention_json)),
  ${date('data_as_of')},
  run_id TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (model_version_id, student_id, week_start)
) STRICT, WITHOUT ROWID`,
  `CREATE INDEX predictions_student ON predictions (student_id, week_start)`,

  // The active model's latest score per student: what lists sort and filter by.
  `CREATE TABLE student_risk (
  student_id TEXT PRIMARY KEY NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  model_version_id TEXT NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
  ${date('week_start')},
  score REAL NOT NULL,
  ${oneOf('tier', ['low', 'moderate', 'high'])},
  previous_score REAL,
  ${oneOf('previous_tier', ['low', 'moderate', 'high'], true)},
  factors_json TEXT NOT NULL CHECK (json_valid(factors_json)),
  ${date('data_as_of')},
  computed_at INTEGER NOT NULL
) STRICT`,
  `CREATE INDEX student_risk_score ON student_risk (score DESC)`,

  `CREATE TABLE risk_runs (
  id TEXT PRIMARY KEY NOT NULL,
  job_id TEXT REFERENCES jobs(id),
  model_version_id TEXT NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
  ${oneOf('status', ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'])},
  ${date('week_start', true)},
  weeks INTEGER NOT NULL DEFAULT 0,
  students INTEGER NOT NULL DEFAULT 0,
  rows_written INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT`,

  // A counselor's verdict on a flag or a score ("right" / "wrong") or a tier override, with
  // who, when and why. Synced (append-only), so it carries the synced columns.
  `CREATE TABLE risk_feedback (
  id TEXT PRIMARY KEY NOT NULL,
  district_id TEXT NOT NULL,
  school_id TEXT,
  source_system TEXT,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 0,
  student_id TEXT NOT NULL REFERENCES students(id),
  staff_id TEXT NOT NULL,
  target TEXT NOT NULL,
  ${oneOf('verdict', ['right', 'wrong', 'override'])},
  ${oneOf('override_tier', ['low', 'moderate', 'high'], true)},
  model_version_id TEXT,
  ${date('week_start', true)},
  note TEXT NOT NULL
) STRICT`,
  `CREATE INDEX risk_feedback_student ON risk_feedback (student_id, created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
