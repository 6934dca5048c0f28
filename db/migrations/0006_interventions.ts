/**
 * Frozen once released: MTSS interventions and their progress notes (check-ins), written on
 * the laptop and synced up. Enumerations are spelled out here (not imported) so this file
 * keeps meaning what it meant.
 */
import { sql, type Kysely } from 'kysely';

const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;

const oneOf = (col: string, values: string[], nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const synced = `id TEXT PRIMARY KEY NOT NULL,
  district_id TEXT NOT NULL,
  school_id TEXT,
  source_system TEXT,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE interventions (
  ${synced},
  student_id TEXT NOT NULL REFERENCES students(id),
  tier INTEGER NOT NULL CHECK (tier IN (1, 2, 3)),
  ${oneOf('type', ['attendance', 'academic', 'behaviour', 'social_emotional'])},
  goal TEXT NOT NULL CHECK (length(trim(goal)) > 0),
  strategies TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES staff(id),
  ${date('start_date')},
  ${date('end_date')},
  ${oneOf('monitoring', ['weekly', 'biweekly', 'monthly'])},
  ${oneOf('status', ['active', 'closed'])},
  ${oneOf('outcome', ['met', 'partly_met', 'not_met', 'discontinued'], true)},
  outcome_note TEXT,
  closed_at INTEGER,
  closed_by TEXT,
  created_by TEXT NOT NULL,
  CHECK (end_date > start_date),
  CHECK ((status = 'closed') = (outcome IS NOT NULL))
) STRICT`,
  `CREATE INDEX interventions_student ON interventions (student_id, start_date)`,
  `CREATE INDEX interventions_owner ON interventions (owner_id, status)`,
  `CREATE INDEX interventions_school ON interventions (school_id, status)`,

  // Progress notes. Private ones are read only by their author and counselors (DOMAIN.md).
  `CREATE TABLE intervention_checkins (
  ${synced},
  intervention_id TEXT NOT NULL REFERENCES interventions(id),
  student_id TEXT NOT NULL REFERENCES students(id),
  author_id TEXT NOT NULL,
  ${date('date')},
  ${oneOf('progress', ['improving', 'no_change', 'worsening'])},
  note TEXT NOT NULL,
  private INTEGER NOT NULL CHECK (private IN (0, 1))
) STRICT`,
  `CREATE INDEX intervention_checkins_intervention ON intervention_checkins (intervention_id, date)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
