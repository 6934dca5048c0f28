/**
 * The incremental == backfill invariant on realistic data: a generated district whose second
 * half-term arrives the way imports deliver it (rows plus dirty marks, late corrections to
 * earlier weeks, grades posted at the end of a period), across many batches and cohorts.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline/run';
import { openStore, type Store } from '../../main/store/open';
import { tempDir } from '../helpers';

const HELD_FROM = '2026-02-14'; // everything dated after the Friday before Presidents' Day…
const RETURNED_TO = '2026-03-27'; // …comes back up to here; the rest never arrives

// Each held table and the date its rows are "about" (what an importer marks dirty from).
const HELD: Record<string, string> = {
  attendance_events: 'date',
  lms_activity: 'date',
  discipline_incidents: 'date',
  submissions: '(SELECT due_date FROM assignments a WHERE a.id = submissions.assignment_id)',
  section_grades:
    '(SELECT end_date FROM academic_sessions p WHERE p.id = section_grades.grading_period_id)',
};

function rows(store: Store, table: 'student_features' | 'feature_anomalies') {
  const order =
    table === 'student_features' ? 'student_id, week_start' : 'student_id, week_start, feature';
  return (
    store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<
      string,
      unknown
    >[]
  ).map(({ run_id: _r, computed_at: _c, ...row }) => row);
}

describe('incremental equals backfill on a generated district', () => {
  const t = tempDir('sightline-pipeline-gen-');
  let store: Store;
  beforeAll(async () => {
    store = await openStore(path.join(t.dir, 'gen.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 120, seed: 7 });
    for (const [table, date] of Object.entries(HELD)) {
      store.sqlite
        .exec(`CREATE TABLE held_${table} AS SELECT * FROM ${table} WHERE ${date} >= '${HELD_FROM}';
                         DELETE FROM ${table} WHERE ${date} >= '${HELD_FROM}';`);
    }
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('matches row for row, anomalies included', async () => {
    const first = await runPipeline(store, { mode: 'backfill', trigger: 'manual', batchSize: 17 });
    expect(first).toMatchObject({ status: 'succeeded', asOf: '2026-02-12' }); // 13 Feb: a PD day

    // The import: the held rows up to RETURNED_TO, each student marked from their earliest date,
    // plus corrections to January attendance (tardies that were really absences).
    store.sqlite.transaction(() => {
      for (const [table, date] of Object.entries(HELD)) {
        store.sqlite.exec(`INSERT INTO feature_dirty (student_id, from_date)
          SELECT student_id, min(${date.replaceAll(table, `held_${table}`)}) FROM held_${table}
          WHERE ${date.replaceAll(table, `held_${table}`)} <= '${RETURNED_TO}' GROUP BY student_id
          ON CONFLICT (student_id) DO UPDATE SET from_date = min(from_date, excluded.from_date)`);
        store.sqlite.exec(`INSERT INTO ${table} SELECT * FROM held_${table}
          WHERE ${date.replaceAll(table, `held_${table}`)} <= '${RETURNED_TO}'`);
      }
      const corrected = store.sqlite
        .prepare(
          `UPDATE attendance_events SET category = 'unexcused_absence', updated_at = updated_at + 1
           WHERE category = 'tardy' AND date BETWEEN '2026-01-12' AND '2026-01-23'
             AND rowid % 3 = 0 RETURNING student_id, date`,
        )
        .all() as { student_id: string; date: string }[];
      expect(corrected.length).toBeGreaterThan(0);
      for (const c of corrected) {
        store.sqlite
          .prepare(
            `INSERT INTO feature_dirty (student_id, from_date) VALUES (?, ?)
             ON CONFLICT (student_id) DO UPDATE SET from_date = min(from_date, excluded.from_date)`,
          )
          .run(c.student_id, c.date);
      }
    })();

    const incremental = await runPipeline(store, {
      mode: 'incremental',
      trigger: 'import',
      batchSize: 17,
    });
    expect(incremental).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      asOf: RETURNED_TO,
    });
    expect(store.sqlite.prepare('SELECT count(*) FROM feature_dirty').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM anomaly_dirty').pluck().get()).toBe(0);
    const afterIncremental = {
      features: rows(store, 'student_features'),
      anomalies: rows(store, 'feature_anomalies'),
    };
    // Weeks before the earliest correction were left alone.
    expect(incremental.fromWeek).toBe('2026-01-12');
    expect(incremental.rowsWritten).toBeLessThan(afterIncremental.features.length / 2);
    expect(afterIncremental.anomalies.length).toBeGreaterThan(0);

    const backfill = await runPipeline(store, {
      mode: 'backfill',
      trigger: 'manual',
      batchSize: 50,
    });
    expect(backfill.rowsWritten).toBe(afterIncremental.features.length);
    expect(rows(store, 'student_features')).toEqual(afterIncremental.features);
    expect(rows(store, 'feature_anomalies')).toEqual(afterIncremental.anomalies);
  });
});
