/**
 * Frozen once released: each student-week's model input as one float32 BLOB, so scoring
 * 50,000 students reads ~600,000 small rows in a week_start range instead of decoding two
 * dozen columns of the wide student_features rows. The pipeline writes both; deleting a
 * student_features row deletes its input (trigger). `settings['model_inputs.keys']` names the
 * feature order of the BLOBs; until it matches the build's, scoring rebuilds them.
 * Also: each model version remembers which model was active before it, so rolling back twice
 * walks back through the activations instead of bouncing between the last two.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE model_versions ADD COLUMN previous_active_id TEXT`,
  `CREATE TABLE model_inputs (
  week_start TEXT NOT NULL,
  student_id TEXT NOT NULL,
  features BLOB NOT NULL,
  PRIMARY KEY (week_start, student_id)
) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER student_features_drop_input AFTER DELETE ON student_features BEGIN
  DELETE FROM model_inputs WHERE week_start = old.week_start AND student_id = old.student_id;
END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
