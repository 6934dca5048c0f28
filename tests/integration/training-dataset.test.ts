/**
 * The training dataset on a generated district: the time split, labels recomputed with SQL
 * from `student_outcomes`, windows cut from `student_features`, the standardiser fitted on the
 * training split alone, counselor feedback where an outcome is missing, the "not enough data"
 * refusal, and a rules baseline that beats chance on the holdout. Changes made for one test
 * run inside a transaction that is rolled back.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline/run';
import { openStore, type Store } from '../../main/store/open';
import {
  buildDataset,
  labelsOf,
  NotEnoughTrainingData,
  sequenceBatch,
  type Dataset,
  type TrainingExample,
} from '../../main/training/dataset';
import { SUBGROUP_ATTRIBUTES } from '../../main/training/fairness';
import {
  FEATURE_KEYS,
  fitStandardiser,
  rawVector,
  toSequenceBatch,
  type FeatureRow,
} from '../../main/training/features';
import { LABEL_DEFINITION } from '../../main/training/labels';
import { auc, precisionRecallAtRate } from '../../main/training/metrics';
import { tempDir } from '../helpers';

const DAY_MS = 86_400_000;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe('training dataset on a generated district', () => {
  const t = tempDir('sightline-training-');
  let store: Store;
  let ds: Dataset;
  let all: TrainingExample[];

  /** Runs `fn` on the store and undoes whatever it wrote. */
  function rolledBack<T>(fn: () => T): T {
    store.sqlite.exec('BEGIN');
    try {
      return fn();
    } finally {
      store.sqlite.exec('ROLLBACK');
    }
  }

  beforeAll(async () => {
    store = await openStore(path.join(t.dir, 'district.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 300, seed: 7 });
    const run = await runPipeline(store, { mode: 'backfill', trigger: 'cli' });
    expect(run.status).toBe('succeeded');
    ds = buildDataset(store.sqlite);
    all = [...ds.train.examples, ...ds.holdout.examples];
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('trains on Fall and holds out Spring, never the other way round', () => {
    expect(ds.train.terms.map((term) => term.title)).toEqual(['Fall 2025']);
    expect(ds.holdout.terms.map((term) => term.title)).toEqual(['Spring 2026']);
    const trainEnd = Math.max(...ds.train.terms.map((term) => Date.parse(term.endDate)));
    for (const term of ds.holdout.terms)
      expect(Date.parse(term.startDate)).toBeGreaterThan(trainEnd);

    const termOf = new Map(ds.window.terms.map((term) => [term.id, term]));
    const lastTrainCutoff = ds.train.examples.reduce(
      (a, e) => (e.cutoffWeek > a ? e.cutoffWeek : a),
      '',
    );
    for (const e of ds.holdout.examples) {
      expect(termOf.get(e.termId)!.split).toBe('holdout');
      expect(e.cutoffWeek > lastTrainCutoff).toBe(true);
    }
    for (const e of ds.train.examples) expect(termOf.get(e.termId)!.split).toBe('train');
    expect(ds.window.firstWeek).toBe('2025-08-18');
    expect(ds.window.lastWeek).toBe(ds.holdout.terms[0]!.cutoffWeeks.at(-1));
    expect(ds.labelDefinition).toBe(LABEL_DEFINITION);
  });

  it('cuts every term from its 4th week, every 2 weeks, to 3 weeks before its end', () => {
    // Fall starts Monday 18 Aug and ends Friday 19 Dec; Spring starts Tuesday 6 Jan, ends 29 May.
    expect(ds.train.terms[0]!.cutoffWeeks).toEqual([
      '2025-09-08',
      '2025-09-22',
      '2025-10-06',
      '2025-10-20',
      '2025-11-03',
      '2025-11-17',
    ]);
    expect(ds.holdout.terms[0]!.cutoffWeeks[0]).toBe('2026-01-26');
    expect(ds.holdout.terms[0]!.cutoffWeeks.at(-1)).toBe('2026-04-20');
  });

  it('labels each student-term as the outcomes table says', () => {
    const expected = new Map(
      (
        store.sqlite
          .prepare(
            `SELECT student_id || '|' || term_id AS k,
               max(value = 1 AND (outcome IN ('course_failure', 'chronic_absence')
                 OR (outcome = 'withdrawal' AND detail IN ('dropout', 'expelled')))) AS label,
               max(value = 1 AND outcome = 'withdrawal' AND detail = 'transfer') AS transferred
             FROM student_outcomes WHERE deleted_at IS NULL GROUP BY student_id, term_id`,
          )
          .all() as { k: string; label: number; transferred: number }[]
      ).map((r) => [r.k, r]),
    );
    for (const e of all) {
      const row = expected.get(`${e.studentId}|${e.termId}`)!;
      expect(row.transferred).toBe(0);
      expect(e.label).toBe(row.label);
      expect(e.source).toBe('outcome');
    }
    // Enough of both labels, and the transfers really were left out.
    expect(ds.train.counts.positiveStudents).toBeGreaterThan(20);
    expect(ds.holdout.counts.positiveStudents).toBeGreaterThan(20);
    const transfers = [...expected.values()].filter((r) => r.transferred === 1).length;
    expect(ds.leftOut).toBe(transfers);
  });

  it('gives examples only to students still enrolled at the end of the cutoff week', () => {
    const exits = new Map(
      (
        store.sqlite
          .prepare('SELECT id, exit_date FROM students WHERE exit_date IS NOT NULL')
          .all() as { id: string; exit_date: string }[]
      ).map((r) => [r.id, r.exit_date]),
    );
    expect(exits.size).toBeGreaterThan(0);
    for (const e of all) {
      const exit = exits.get(e.studentId);
      if (exit) expect(exit >= plusDays(e.cutoffWeek, 6)).toBe(true);
    }
    // A dropout is warned about before leaving.
    const dropouts = store.sqlite
      .prepare(
        `SELECT student_id FROM student_outcomes
         WHERE outcome = 'withdrawal' AND value = 1 AND detail = 'dropout'`,
      )
      .pluck()
      .all() as string[];
    for (const id of dropouts) {
      const own = all.filter((e) => e.studentId === id);
      if (own.length > 0) expect(own.some((e) => e.label === 1)).toBe(true);
    }
  });

  it('cuts windows of at most 12 consecutive weeks ending at the cutoff, from the table', () => {
    const full = store.sqlite.prepare(
      'SELECT * FROM student_features WHERE student_id = ? AND week_start <= ? ORDER BY week_start',
    );
    for (const e of all.filter((_, i) => i % 97 === 0)) {
      expect(e.rows.length).toBeGreaterThan(0);
      expect(e.rows.length).toBeLessThanOrEqual(12);
      expect(e.rows.at(-1)!.week_start).toBe(e.cutoffWeek);
      e.rows.forEach((row, i) => {
        expect(row.student_id).toBe(e.studentId);
        if (i > 0) expect(row.week_start).toBe(plusDays(e.rows[i - 1]!.week_start, 7));
      });
      const table = (full.all(e.studentId, e.cutoffWeek) as FeatureRow[]).slice(-12);
      expect(e.rulesScore).toBe(table.at(-1)!.flag_count);
      const lean = table.map(({ section_grades_json: _j, run_id: _r, computed_at: _c, ...r }) => r);
      expect(e.rows).toEqual(lean);
      // The kept columns feed the model exactly as the full rows would.
      const batch = sequenceBatch([e], ds.schema);
      expect(batch).toEqual(toSequenceBatch([table], ds.schema));
    }
  });

  it('keeps protected attributes out of the features and in the subgroups', () => {
    const protectedKeys = [
      'sex',
      'race_ethnicity',
      'hispanic_latino',
      'disability',
      'section_504',
      'english_learner',
      'free_reduced_lunch',
      ...SUBGROUP_ATTRIBUTES,
    ];
    expect(ds.schema.keys).toEqual([...FEATURE_KEYS]);
    for (const key of protectedKeys) {
      expect(ds.schema.keys).not.toContain(key);
      expect(Object.keys(all[0]!.rows[0]!)).not.toContain(key);
    }
    const frl = new Map(
      (
        store.sqlite.prepare('SELECT student_id, free_reduced_lunch FROM demographics').all() as {
          student_id: string;
          free_reduced_lunch: number;
        }[]
      ).map((r) => [r.student_id, r.free_reduced_lunch]),
    );
    for (const e of all) {
      expect(Object.keys(e.subgroups).sort()).toEqual([...SUBGROUP_ATTRIBUTES].sort());
      expect(e.subgroups.free_reduced_lunch).toBe(frl.get(e.studentId) === 1 ? 'FRL' : 'not FRL');
    }
  });

  it('fits the standardiser on the training rows only', () => {
    const seen = new Set<object>();
    const trainRows = ds.train.examples
      .flatMap((e) => e.rows)
      .filter((r) => {
        if (seen.has(r)) return false;
        seen.add(r);
        return true;
      });
    const refit = fitStandardiser(
      trainRows.map((r) => rawVector(r as FeatureRow, FEATURE_KEYS)),
      FEATURE_KEYS,
      12,
    );
    expect(ds.schema).toEqual(refit);
    // Spring rows (not in any training window) would have moved the year-to-date means.
    const springOnly = ds.holdout.examples.flatMap((e) => e.rows).filter((r) => !seen.has(r));
    expect(springOnly.length).toBeGreaterThan(0);
  });

  it('counts what it built and names the holdout by its content', () => {
    for (const split of [ds.train, ds.holdout]) {
      expect(split.counts.examples).toBe(split.examples.length);
      expect(split.counts.positives).toBe(split.examples.filter((e) => e.label === 1).length);
      expect(split.counts.students).toBe(new Set(split.examples.map((e) => e.studentId)).size);
      expect(split.counts.students).toBeGreaterThanOrEqual(100);
      expect(new Set(split.examples.map((e) => e.key)).size).toBe(split.examples.length);
    }
    expect(ds.holdoutKey).toMatch(/^[0-9a-f]{64}$/);
    expect(buildDataset(store.sqlite).holdoutKey).toBe(ds.holdoutKey);
    // Another outcome for one holdout student changes the holdout, so its key.
    const e = ds.holdout.examples.find((x) => x.label === 0)!;
    const changed = rolledBack(() => {
      store.sqlite
        .prepare(
          `UPDATE student_outcomes SET value = 1 WHERE student_id = ? AND term_id = ?
           AND outcome = 'course_failure'`,
        )
        .run(e.studentId, e.termId);
      return buildDataset(store.sqlite).holdoutKey;
    });
    expect(changed).not.toBe(ds.holdoutKey);
  });

  it('uses counselor feedback where a student has no outcome, in training only', () => {
    const fall = ds.train.terms[0]!;
    const spring = ds.holdout.terms[0]!;
    const withOutcomes = ds.holdout.examples.map((e) => e.studentId);
    const [a, b, c] = [...new Set(withOutcomes)];
    const raisedB = store.sqlite
      .prepare(
        "SELECT flag_chronic_absence FROM student_features WHERE student_id = ? AND week_start = '2025-10-13'",
      )
      .pluck()
      .get(b) as number;
    const rebuilt = rolledBack(() => {
      const db = store.sqlite;
      db.prepare('DELETE FROM student_outcomes WHERE student_id = ? AND term_id = ?').run(
        a,
        spring.id,
      );
      db.prepare('DELETE FROM student_outcomes WHERE student_id = ? AND term_id = ?').run(
        b,
        fall.id,
      );
      const insert = db.prepare(
        `INSERT INTO risk_feedback (id, district_id, school_id, created_at, updated_at, student_id,
           staff_id, target, verdict, week_start, note)
         SELECT ?, district_id, school_id, ?, ?, id, 'staff-1', ?, ?, ?, 'test'
         FROM students WHERE id = ?`,
      );
      insert.run('fb-1', 1, 1, 'chronic_absence', 'wrong', '2025-10-14', b); // overruled below
      insert.run('fb-2', 2, 2, 'chronic_absence', 'right', '2025-10-15', b); // a Wednesday
      insert.run('fb-3', 3, 3, 'chronic_absence', 'wrong', '2025-10-13', b); // the latest wins
      insert.run('fb-4', 4, 4, 'chronic_absence', 'right', '2026-02-18', a); // holdout: unused
      insert.run('fb-5', 5, 5, 'chronic_absence', 'right', '2026-03-02', c); // has outcomes
      insert.run('fb-6', 6, 6, 'model', 'override', '2025-10-13', b); // says nothing of outcome
      // A verdict on the model with no score on record: what was judged is unknown.
      insert.run('fb-7', 7, 7, 'model', 'right', '2025-11-03', b);
      return buildDataset(store.sqlite);
    });
    const fromFeedback = [...rebuilt.train.examples, ...rebuilt.holdout.examples].filter(
      (e) => e.source === 'feedback',
    );
    // "Wrong" about a raised flag: not at risk; "wrong" about a flag left down: a missed student.
    expect(fromFeedback.map((e) => [e.studentId, e.termId, e.cutoffWeek, e.label])).toEqual([
      [b, fall.id, '2025-10-13', raisedB === 1 ? 0 : 1],
    ]);
    expect(rebuilt.holdout.counts.fromFeedback).toBe(0);
    expect(rebuilt.train.counts.fromFeedback).toBe(1);
    // The holdout is judged on recorded outcomes only: a's spring has none left.
    expect(rebuilt.holdout.examples.filter((e) => e.studentId === a)).toHaveLength(0);
    expect(rebuilt.holdout.examples.filter((e) => e.studentId === c).length).toBe(
      ds.holdout.examples.filter((e) => e.studentId === c).length,
    );
  });

  it('refuses to train without enough students or terms, in words an admin can act on', () => {
    const spring = ds.holdout.terms[0]!;
    const keep37 = () =>
      store.sqlite
        .prepare(
          `DELETE FROM student_outcomes WHERE term_id = ? AND student_id NOT IN (
             SELECT student_id FROM student_outcomes WHERE term_id = ?
             GROUP BY student_id ORDER BY student_id LIMIT 37)`,
        )
        .run(spring.id, spring.id);
    const error = rolledBack(() => {
      keep37();
      return catchError(() => buildDataset(store.sqlite));
    });
    expect(error).toBeInstanceOf(NotEnoughTrainingData);
    const message = (error as Error).message;
    expect(message).toMatch(/^Training needs at least 100 students with recorded term outcomes/);
    // Of the 37 students with outcomes, those not enrolled in any cutoff week have no example.
    expect(message).toMatch(/this district has (3[0-7]) in Spring 2026\. Import end-of-term/);
    expect((error as NotEnoughTrainingData).shortfalls[0]!.period).toBe('Spring 2026');

    const positivesError = rolledBack(() => {
      store.sqlite
        .prepare(
          `UPDATE student_outcomes SET value = 0 WHERE term_id = ? AND student_id NOT IN (
             SELECT student_id FROM student_outcomes WHERE term_id = ? AND value = 1
               AND outcome <> 'withdrawal' GROUP BY student_id ORDER BY student_id LIMIT 4)`,
        )
        .run(spring.id, spring.id);
      return catchError(() => buildDataset(store.sqlite));
    });
    expect(positivesError).toBeInstanceOf(NotEnoughTrainingData);
    expect((positivesError as Error).message).toMatch(
      /at least 10 students with a recorded course failure, chronic absence or dropout .*; this district has [0-4] in Spring 2026\./,
    );

    const oneTerm = rolledBack(() => {
      store.sqlite.prepare('DELETE FROM student_outcomes WHERE term_id = ?').run(spring.id);
      return catchError(() => buildDataset(store.sqlite));
    });
    expect(oneTerm).toBeInstanceOf(NotEnoughTrainingData);
    expect((oneTerm as Error).message).toMatch(/only for Fall 2025/);

    const none = rolledBack(() => {
      store.sqlite.exec('DELETE FROM student_outcomes');
      return catchError(() => buildDataset(store.sqlite));
    });
    expect((none as Error).message).toMatch(/this district has none recorded/);
  });

  it('has a rules baseline that predicts the holdout', () => {
    const scores = ds.holdout.examples.map((e) => e.rulesScore);
    const labels = labelsOf(ds.holdout.examples);
    expect(auc(scores, labels)!).toBeGreaterThan(0.6);
    const atTen = precisionRecallAtRate(scores, labels, 0.1);
    expect(atTen.precision!).toBeGreaterThan(
      ds.holdout.counts.positives / ds.holdout.counts.examples,
    );
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
}
