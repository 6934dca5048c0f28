/**
 * Outcomes derived from imported-style records agree with the ones the demo generator recorded:
 * generate a district, set its outcomes aside, delete them, derive, compare.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline';
import { buildDataset } from '../../main/training/dataset';
import { deriveOutcomes, UNKNOWN_WITHDRAWAL } from '../../main/training/outcomes';
import { openStore, type Store } from '../../main/store/open';
import { tempDir } from '../helpers';

interface OutcomeRow {
  student_id: string;
  term_id: string;
  outcome: string;
  value: number;
  detail: string | null;
}

const key = (r: OutcomeRow) => `${r.student_id}|${r.term_id}|${r.outcome}`;

describe('deriveOutcomes on a generated district', () => {
  const t = tempDir('sightline-outcomes-');
  let store: Store;
  let generated: Map<string, OutcomeRow>;

  const outcomes = () =>
    store.sqlite
      .prepare(
        `SELECT student_id, term_id, outcome, value, detail FROM student_outcomes
         WHERE deleted_at IS NULL`,
      )
      .all() as OutcomeRow[];

  beforeAll(async () => {
    store = await openStore(path.join(t.dir, 'gen.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 200, seed: 7 });
    await runPipeline(store, { mode: 'backfill', trigger: 'cli' });
    generated = new Map(outcomes().map((r) => [key(r), r]));
    store.sqlite.exec('DELETE FROM student_outcomes');
  }, 60_000);
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('recomputes the generator’s outcomes from the records alone', () => {
    const result = deriveOutcomes(store.sqlite);
    expect(result).toMatchObject({
      asOf: '2026-05-29',
      terms: 2,
      rows: generated.size,
      added: generated.size,
      updated: 0,
      kept: 0,
      removed: 0,
      withoutFinals: [],
    });
    const derived = new Map(outcomes().map((r) => [key(r), r]));
    // The same student × term × outcome rows, no more, no fewer…
    expect([...derived.keys()].sort()).toEqual([...generated.keys()].sort());
    // …with the same values; course failure and chronic absence with the same details too.
    const positives: Record<string, number> = {};
    for (const [k, g] of generated) {
      const d = derived.get(k)!;
      expect(d.value, k).toBe(g.value);
      if (g.outcome === 'chronic_absence') expect(d.detail, k).toBe(g.detail);
      else if (g.outcome === 'course_failure') {
        // The same failed courses; derived ones are listed by course code.
        expect(d.detail?.split(', '), k).toEqual(g.detail?.split(', ').sort());
      } else if (g.value === 1) {
        // The exports cannot say why a student left, except an expulsion on the record.
        expect(d.detail, k).toBe(g.detail === 'expelled' ? 'expelled' : UNKNOWN_WITHDRAWAL);
      } else expect(d.detail, k).toBeNull();
      positives[g.outcome] = (positives[g.outcome] ?? 0) + g.value;
    }
    // The comparison is not vacuous: every kind of outcome occurs.
    expect(positives.course_failure).toBeGreaterThan(5);
    expect(positives.chronic_absence).toBeGreaterThan(10);
    expect(positives.withdrawal).toBeGreaterThan(0);

    const rows = store.sqlite
      .prepare(
        `SELECT o.source_system, o.source_id, o.version, o.district_id = s.district_id same_district,
           o.school_id = s.school_id same_school, o.id FROM student_outcomes o
         JOIN students s ON s.id = o.student_id`,
      )
      .all() as Record<string, unknown>[];
    for (const r of rows) {
      expect(r).toMatchObject({
        source_system: 'derived',
        version: 0,
        same_district: 1,
        same_school: 1,
      });
      expect(r.source_id).toMatch(/^derived:[0-9a-f-]{36}:[0-9a-f-]{36}:[a-z_]+$/);
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    }
    // The dataset reads them as labels: fall to learn from, spring to check on.
    const dataset = buildDataset(store.sqlite, { minStudents: 20, minPositives: 1 });
    expect(dataset.train.counts.positives).toBeGreaterThan(0);
    expect(dataset.holdout.counts.positives).toBeGreaterThan(0);
    // Every derived withdrawal but an expulsion is left out of its term, like a transfer.
    const unexplained = [...derived.values()].filter(
      (r) => r.outcome === 'withdrawal' && r.detail === UNKNOWN_WITHDRAWAL,
    ).length;
    expect(dataset.leftOut).toBe(unexplained);
  });

  it('changes nothing when run again, and updates only what the records changed', () => {
    const before = store.sqlite.prepare('SELECT * FROM student_outcomes ORDER BY id').all();
    expect(deriveOutcomes(store.sqlite)).toMatchObject({
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: generated.size,
    });
    expect(store.sqlite.prepare('SELECT * FROM student_outcomes ORDER BY id').all()).toEqual(
      before,
    );

    // A fall F posted late for a student who passed everything: one row changes.
    const passed = store.sqlite
      .prepare(
        `SELECT o.student_id, o.term_id, g.id grade_id FROM student_outcomes o
         JOIN section_grades g ON g.student_id = o.student_id AND g.grading_period_id = o.term_id
           AND g.is_final = 1
         WHERE o.outcome = 'course_failure' AND o.value = 0 LIMIT 1`,
      )
      .get() as { student_id: string; term_id: string; grade_id: string };
    store.sqlite
      .prepare(`UPDATE section_grades SET letter = 'F', numeric_grade = 41 WHERE id = ?`)
      .run(passed.grade_id);
    expect(deriveOutcomes(store.sqlite)).toMatchObject({ added: 0, updated: 1, removed: 0 });
    expect(
      store.sqlite
        .prepare(
          `SELECT value FROM student_outcomes
           WHERE student_id = ? AND term_id = ? AND outcome = 'course_failure'`,
        )
        .pluck()
        .get(passed.student_id, passed.term_id),
    ).toBe(1);
  });

  it('leaves a district’s own recorded outcomes alone', () => {
    const row = store.sqlite
      .prepare(
        `SELECT id, student_id, term_id FROM student_outcomes
         WHERE outcome = 'chronic_absence' AND value = 0 LIMIT 1`,
      )
      .get() as { id: string; student_id: string; term_id: string };
    // The district's SIS says otherwise, and said it first.
    store.sqlite
      .prepare(
        `UPDATE student_outcomes SET source_system = 'sis', source_id = 'sis-out-1', value = 1,
           detail = 'recorded by the SIS', updated_at = 1 WHERE id = ?`,
      )
      .run(row.id);
    const before = store.sqlite.prepare('SELECT * FROM student_outcomes WHERE id = ?').get(row.id);
    const result = deriveOutcomes(store.sqlite);
    expect(result).toMatchObject({ added: 0, updated: 0, removed: 0, kept: 1 });
    expect(store.sqlite.prepare('SELECT * FROM student_outcomes WHERE id = ?').get(row.id)).toEqual(
      before,
    );
  });

  it('tombstones derived rows the records no longer support, and judges only ended terms', () => {
    const student = store.sqlite
      .prepare(
        `SELECT student_id FROM student_outcomes WHERE source_system = 'derived'
         GROUP BY student_id HAVING count(*) = 6 LIMIT 1`,
      )
      .pluck()
      .get() as string;
    store.sqlite.prepare('UPDATE students SET deleted_at = 1 WHERE id = ?').run(student);
    expect(deriveOutcomes(store.sqlite)).toMatchObject({ added: 0, updated: 0, removed: 6 });
    store.sqlite.prepare('UPDATE students SET deleted_at = NULL WHERE id = ?').run(student);
    expect(deriveOutcomes(store.sqlite)).toMatchObject({ added: 0, updated: 6, removed: 0 });

    // In the middle of spring, only fall has ended; its rows are the same as at year end.
    expect(deriveOutcomes(store.sqlite, { asOf: '2026-03-02' })).toMatchObject({
      terms: 1,
      added: 0,
      updated: 0,
    });
  });
});
