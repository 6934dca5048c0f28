/**
 * `model_inputs`: every student-week's raw features (FEATURE_KEYS order, float64, NaN for
 * missing) as one BLOB, written by the pipeline beside `student_features`. Scoring reads these
 * instead of the wide rows: decoding two dozen columns per row is what made reading the last
 * 12 weeks of 50,000 students take seconds. It reads them a week at a time (readInputWeeks),
 * since handing 650,000 rows to JavaScript one by one still took seconds. Float64 because the
 * explanations quote these values too (a float32 94.5% attendance prints as 94%), which spares
 * looking up the wide rows of every flagged student.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import { FEATURE_KEYS, rawVector, type FeatureRow, type FeatureSchema } from './features';

export const MODEL_INPUTS_KEYS_SETTING = 'model_inputs.keys';
/**
 * The stored layout: the feature order and the value type. Inputs written as float32 (before
 * the explanations read them) no longer match, so the first scoring after the upgrade
 * rebuilds them.
 */
const CURRENT_KEYS = JSON.stringify({ keys: FEATURE_KEYS, values: 'float64' });

export function encodeInputs(row: FeatureRow): Buffer {
  const v = rawVector(row, FEATURE_KEYS);
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function decodeInputs(blob: Buffer): Float64Array {
  // A view when the BLOB's bytes are 8-byte aligned (no copy), else a copy.
  if (blob.byteOffset % 8 === 0) {
    return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  }
  const out = new Float64Array(blob.byteLength / 8);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

/** One week of stored inputs: row `i` of `values` (FEATURE_KEYS.length numbers) is `ids[i]`'s. */
export interface InputWeek {
  week: IsoDate;
  ids: string[];
  values: Float64Array;
}

/**
 * Every stored input from `from` to `to` (inclusive), one InputWeek per week, oldest first.
 * SQLite concatenates each week's BLOBs and student ids itself: creating a Buffer and two
 * strings per student-week in JavaScript cost ten times what SQLite's scan does. Both
 * aggregates step over the same rows in the same order, so the i-th id owns the i-th vector.
 */
export function readInputWeeks(sqlite: SQLite.Database, from: IsoDate, to: IsoDate): InputWeek[] {
  // Casting a BLOB to text and back keeps its bytes only in a UTF-8 database (every Sightline
  // database is); hex() round-trips in any encoding, at a few times the cost.
  const utf8 = sqlite.pragma('encoding', { simple: true }) === 'UTF-8';
  const joined = utf8
    ? "CAST(group_concat(features, '') AS BLOB)"
    : "unhex(group_concat(hex(features), ''))";
  const rows = sqlite
    .prepare(
      `SELECT week_start, json_group_array(student_id), ${joined}, count(*)
       FROM model_inputs WHERE week_start BETWEEN ? AND ?
       GROUP BY week_start ORDER BY week_start`,
    )
    .raw()
    .all(from, to) as [IsoDate, string, Buffer, number][];
  const width = FEATURE_KEYS.length;
  return rows.map(([week, idsJson, blob, count]) => {
    const ids = JSON.parse(idsJson) as string[];
    if (ids.length !== count || blob.byteLength !== count * width * 8) {
      throw new Error(
        `The stored model inputs for the week of ${week} are damaged (${count} rows in ${blob.byteLength} bytes).`,
      );
    }
    return { week, ids, values: decodeInputs(blob) };
  });
}

/** True when every stored input uses this build's feature order and value type. */
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
