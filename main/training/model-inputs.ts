/**
 * `model_inputs`: every student-week's raw features (FEATURE_KEYS order, float32, NaN for
 * missing) as one BLOB, written by the pipeline beside `student_features`. Scoring reads these
 * instead of the wide rows: decoding two dozen columns per row is what made reading the last
 * 12 weeks of 50,000 students take seconds.
 */
import type SQLite from 'better-sqlite3';
import { FEATURE_KEYS, rawVector, type FeatureRow, type FeatureSchema } from './features';

export const MODEL_INPUTS_KEYS_SETTING = 'model_inputs.keys';
const CURRENT_KEYS = JSON.stringify(FEATURE_KEYS);

export function encodeInputs(row: FeatureRow): Buffer {
  const v = Float32Array.from(rawVector(row, FEATURE_KEYS));
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function decodeInputs(blob: Buffer): Float32Array {
  // A view when the BLOB's bytes are 4-byte aligned (no copy for 600,000 rows), else a copy.
  if (blob.byteOffset % 4 === 0) {
    return new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  }
  const out = new Float32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

/** True when every stored input uses this build's feature order. */
export function inputsCurrent(sqlite: SQLite.Database): boolean {
  const value = sqlite
    .prepare('SELECT value_json FROM settings WHERE key = ?')
    .pluck()
    .get(MODEL_INPUTS_KEYS_SETTING) as string | undefined;
  if (value !== undefined) return JSON.parse(value) === CURRENT_KEYS;
  // Nothing computed yet: the pipeline will write current inputs from the start.
  return !sqlite.prepare('SELECT 1 FROM student_features LIMIT 1').get();
}

function markCurrent(sqlite: SQLite.Database): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    )
    .run(MODEL_INPUTS_KEYS_SETTING, JSON.stringify(CURRENT_KEYS), Date.now());
}

/** The pipeline's writer: one prepared insert, and the key order recorded once per run. */
export function prepareInputsWriter(sqlite: SQLite.Database) {
  const insert = sqlite.prepare(
    'INSERT OR REPLACE INTO model_inputs (week_start, student_id, features) VALUES (?, ?, ?)',
  );
  const current = inputsCurrent(sqlite);
  return {
    write(row: FeatureRow): void {
      insert.run(row.week_start, row.student_id, encodeInputs(row));
    },
    /** Called inside the first batch's transaction when the store had no inputs yet. */
    markIfFresh(): void {
      if (current) markCurrent(sqlite);
    },
  };
}

/**
 * Recomputes every input from `student_features` (a database from before this table, or a
 * build with a different feature list), in one transaction.
 */
export function rebuildModelInputs(
  sqlite: SQLite.Database,
  onProgress: (fraction: number) => void = () => {},
): number {
  const total = sqlite.prepare('SELECT count(*) FROM student_features').pluck().get() as number;
  const insert = sqlite.prepare(
    'INSERT INTO model_inputs (week_start, student_id, features) VALUES (?, ?, ?)',
  );
  // Pages in key order: one connection cannot write while a statement is still iterating.
  const page = sqlite.prepare(
    `SELECT * FROM student_features WHERE (student_id, week_start) > (?, ?)
     ORDER BY student_id, week_start LIMIT 5000`,
  );
  let n = 0;
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM model_inputs');
    let after: [string, string] = ['', ''];
    for (;;) {
      const rows = page.all(...after) as FeatureRow[];
      if (rows.length === 0) break;
      for (const row of rows) insert.run(row.week_start, row.student_id, encodeInputs(row));
      n += rows.length;
      const last = rows[rows.length - 1]!;
      after = [last.student_id, last.week_start];
      onProgress(n / Math.max(1, total));
    }
    markCurrent(sqlite);
  })();
  return n;
}

/** Which positions of the stored vectors a model's schema reads, in its order. */
export function schemaIndexes(schema: FeatureSchema): Int32Array {
  return Int32Array.from(schema.keys, (k) => {
    const i = FEATURE_KEYS.indexOf(k);
    if (i < 0) throw new Error(`Unknown feature "${k}".`);
    return i;
  });
}
