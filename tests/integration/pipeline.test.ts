/**
 * The weekly feature pipeline on real SQLite files: hand-computed values on the tiny district,
 * incremental == backfill, dirty marks consumed, cancel and crash leave a consistent database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureAnomaly, StudentFeature } from '../../db/schema';
import { markInterruptedRuns, runPipeline } from '../../main/pipeline/run';
import { openStore, quickCheck, type Store } from '../../main/store/open';
import {
  addTinyCoursework,
  buildTinyDistrict,
  courseworkIds,
  ids,
} from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir('sightline-pipeline-');
afterAll(() => t.cleanup());

let fileCounter = 0;
async function tinyStore(): Promise<Store> {
  const store = await openStore(path.join(t.dir, `tiny-${++fileCounter}.sqlite`));
  await buildTinyDistrict(store.db);
  await addTinyCoursework(store.db);
  return store;
}

type Row = Omit<StudentFeature, 'run_id' | 'computed_at'>;
function featureRows(store: Store): Row[] {
  return (
    store.sqlite
      .prepare('SELECT * FROM student_features ORDER BY student_id, week_start')
      .all() as StudentFeature[]
  ).map(({ run_id: _r, computed_at: _c, ...row }) => row);
}
function anomalyRows(store: Store) {
  return (
    store.sqlite
      .prepare('SELECT * FROM feature_anomalies ORDER BY student_id, week_start, feature')
      .all() as FeatureAnomaly[]
  ).map(({ run_id: _r, ...row }) => row);
}
function weeksOf(store: Store, studentId: string): StudentFeature[] {
  return store.sqlite
    .prepare('SELECT * FROM student_features WHERE student_id = ? ORDER BY week_start')
    .all(studentId) as StudentFeature[];
}

let rowId = 0;
const synced = (schoolId: string) => ({
  id: `01900000-0000-7000-a000-${String(++rowId).padStart(12, '0')}`,
  district_id: ids.district,
  school_id: schoolId,
  source_system: 'test',
  source_id: null,
  created_at: 0,
  updated_at: 0,
  deleted_at: null,
});
function absent(store: Store, studentId: string, dates: string[]) {
  for (const date of dates) {
    store.sqlite
      .prepare(
        `INSERT INTO attendance_events (id, district_id, school_id, created_at, updated_at,
           student_id, date, category) VALUES (?, ?, ?, 0, 0, ?, ?, 'unexcused_absence')`,
      )
      .run(synced(ids.high).id, ids.district, ids.high, studentId, date);
  }
}
function markDirty(store: Store, studentId: string, fromDate: string) {
  store.sqlite
    .prepare(
      `INSERT INTO feature_dirty (student_id, from_date) VALUES (?, ?)
       ON CONFLICT (student_id) DO UPDATE SET from_date = min(from_date, excluded.from_date)`,
    )
    .run(studentId, fromDate);
}

describe('weekly features on the hand-computed tiny district', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tinyStore();
    const summary = await runPipeline(store, { mode: 'backfill', trigger: 'manual', now: () => 5 });
    expect(summary.status).toBe('succeeded');
  });
  afterAll(() => store.close());

  it('writes one row per student per school week up to the data date', () => {
    const rows = featureRows(store);
    expect(rows).toHaveLength(16); // 4 students × the 4 weeks of 1–26 Sep
    expect([...new Set(rows.map((r) => r.week_start))]).toEqual([
      '2025-09-01',
      '2025-09-08',
      '2025-09-15',
      '2025-09-22',
    ]);
    const run = store.sqlite.prepare('SELECT * FROM pipeline_runs').get() as Record<
      string,
      unknown
    >;
    expect(run).toMatchObject({
      status: 'succeeded',
      mode: 'backfill',
      as_of: '2025-09-26',
      from_week: '2025-09-01',
      students: 4,
      weeks: 4,
      rows_written: 16,
      anomalies: 1,
      started_at: 5,
      finished_at: 5,
    });
  });

  it('Ana: attendance week by week, year to date and over 4 weeks', () => {
    const ana = weeksOf(store, ids.ana);
    // Absent Wed 3 Sep and Wed 10 Sep (twice: one day); the Saturday absence is not a school day.
    expect(ana.map((w) => [w.days_enrolled_week, w.days_absent_week])).toEqual([
      [5, 1],
      [5, 1],
      [5, 0],
      [5, 0],
    ]);
    expect(ana.map((w) => w.attendance_rate_week)).toEqual([0.8, 0.8, 1, 1]);
    expect(ana.map((w) => w.days_absent_ytd)).toEqual([1, 2, 2, 2]);
    expect(ana[2]!.attendance_rate_ytd).toBeCloseTo(13 / 15, 12);
    expect(ana[3]!.attendance_rate_ytd).toBeCloseTo(0.9, 12);
    expect(ana[3]!.attendance_rate_4wk).toBeCloseTo(0.9, 12);
    expect(ana.map((w) => w.unexcused_absences_ytd)).toEqual([1, 2, 2, 2]);
    expect(ana.every((w) => w.attendance_trend === null)).toBe(true); // no 8 weeks yet
    // 1/5, 2/10, 2/15, 2/20: each at or over the 10% line.
    expect(ana.map((w) => w.flag_chronic_absence)).toEqual([1, 1, 1, 1]);
  });

  it('Ana: current grade from the gradebook, never from later assignments', () => {
    const ana = weeksOf(store, ids.ana);
    const algebra = (w: StudentFeature) =>
      (JSON.parse(w.section_grades_json) as { sectionId: string; grade: number | null }[]).find(
        (s) => s.sectionId === ids.algebraSection,
      )?.grade;
    // Quiz 18/20 = 90 from week 1; Test 81/100 due 19 Sep → 99/120 = 82.5. The posted Q1 mark
    // (88) does not replace the gradebook while the term runs; the 3 Oct missing set never counts.
    expect(ana.map(algebra)).toEqual([90, 90, 82.5, 82.5]);
    expect(ana.map((w) => w.gpa)).toEqual([4, 4, 3, 3]);
    expect(ana.map((w) => w.lowest_grade)).toEqual([90, 90, 82.5, 82.5]);
    expect(ana.map((w) => w.assignments_due_ytd)).toEqual([1, 1, 2, 2]);
    expect(ana.map((w) => w.late_rate_ytd)).toEqual([0, 0, 0.5, 0.5]);
    expect(ana.map((w) => w.missing_rate_ytd)).toEqual([0, 0, 0, 0]);
    expect(ana.map((w) => w.on_time_submissions_week)).toEqual([1, 0, 0, 0]);
    expect(ana.map((w) => w.flag_low_gpa)).toEqual([0, 0, 0, 0]);
    expect(ana.map((w) => w.flag_off_track)).toEqual([0, 0, 0, 0]); // no semester over yet
  });

  it('Ana: LMS activity and assessments', () => {
    const ana = weeksOf(store, ids.ana);
    expect(
      ana.map((w) => [w.lms_active_days_week, w.lms_minutes_week, w.lms_sessions_week]),
    ).toEqual([
      [1, 35, 2],
      [0, 0, 0],
      [0, 0, 0],
      [1, 20, 1],
    ]);
    // Percentile 55; then 18/20 = 90%; then percentile 61 (the reading level has neither).
    expect(ana[0]!.assessment_avg).toBe(55);
    expect(ana[2]!.assessment_avg).toBe(72.5);
    expect(ana[3]!.assessment_avg).toBeCloseTo((55 + 90 + 61) / 3, 12);
    // Last minus previous of the same test: the unit check has none; MAP Math 61 − 55.
    expect(ana.map((w) => w.assessment_trend)).toEqual([null, null, null, 6]);
  });

  it('Ben: a missing essay fails English from its due week; the posted F stays behind it', () => {
    const ben = weeksOf(store, ids.ben);
    expect(ben.map((w) => w.section_grades_json)).toEqual([
      `[{"sectionId":"${ids.englishSection}","grade":null}]`,
      `[{"sectionId":"${ids.englishSection}","grade":0}]`,
      `[{"sectionId":"${ids.englishSection}","grade":0}]`,
      `[{"sectionId":"${ids.englishSection}","grade":0}]`,
    ]);
    expect(ben.map((w) => w.failing_sections)).toEqual([0, 1, 1, 1]);
    expect(ben.map((w) => w.gpa)).toEqual([null, 0, 0, 0]);
    expect(ben.map((w) => w.flag_course_failure)).toEqual([0, 1, 1, 1]);
    expect(ben.map((w) => w.missing_4wk)).toEqual([0, 1, 1, 1]);
    expect(ben.map((w) => w.incident_days_week)).toEqual([0, 0, 1, 0]); // the referral, 18 Sep
    expect(ben.map((w) => w.flag_suspension)).toEqual([0, 0, 0, 0]);
    expect(ben.map((w) => w.days_absent_week)).toEqual([0, 0, 0, 1]);
    expect(ben.map((w) => w.flag_count)).toEqual([0, 2, 2, 2]); // failure + GPA 0
  });

  it('Cara: a missing quiz, an excused essay, a posted D when the gradebook is empty', () => {
    const cara = weeksOf(store, ids.cara);
    const grades = cara.map(
      (w) => JSON.parse(w.section_grades_json) as { sectionId: string; grade: number | null }[],
    );
    expect(grades[0]).toEqual([
      { sectionId: ids.algebraSection, grade: 0 },
      { sectionId: ids.englishSection, grade: null },
    ]);
    // 95/120 once the test is in; English only has the excused essay until Q1's D (64) is posted.
    expect(grades[3]).toEqual([
      { sectionId: ids.algebraSection, grade: 79.17 },
      { sectionId: ids.englishSection, grade: 64 },
    ]);
    expect(cara.map((w) => w.gpa)).toEqual([0, 0, 2, 1.5]);
    expect(cara.map((w) => w.lowest_grade)).toEqual([0, 0, 79.17, 64]);
    expect(cara.map((w) => w.missing_rate_ytd)).toEqual([1, 1, 0.5, 0.5]);
    expect(cara.map((w) => [w.tardies_week, w.tardies_ytd])).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(cara.map((w) => w.suspensions_ytd)).toEqual([0, 0, 1, 1]);
    expect(cara.map((w) => w.flag_suspension)).toEqual([0, 0, 1, 1]);
    expect(cara.map((w) => w.flag_off_track)).toEqual([null, null, null, null]); // grade 10
    expect(cara.map((w) => w.flag_count)).toEqual([2, 2, 2, 2]);
  });

  it('Dev: a middle-schooler with no sections still gets attendance rows', () => {
    const dev = weeksOf(store, ids.dev);
    expect(dev).toHaveLength(4);
    expect(dev.every((w) => w.attendance_rate_week === 1 && w.gpa === null)).toBe(true);
    expect(dev[0]).toMatchObject({
      school_id: ids.middle,
      grade_level: 7,
      section_grades_json: '[]',
    });
  });

  it("finds Ana's sudden GPA drop against her own weeks, in plain words", () => {
    // GPA 4, 4, 3 → 3 in week 4: median 4, MAD 0, so z = (3 − 4) / 0.25 = −4. Grade 9 has two
    // students, too few to compare against, so the own-history test stands alone.
    expect(anomalyRows(store)).toEqual([
      {
        student_id: ids.ana,
        week_start: '2025-09-22',
        feature: 'gpa',
        value: 3,
        own_baseline: 4,
        own_z: -4,
        cohort_median: 1.5,
        cohort_z: null,
        direction: 'drop',
        explanation: 'GPA 3.00, usually 4.00.',
      },
    ]);
  });

  it('leaves the dashboards current: refreshes the indicators at the end', () => {
    const n = store.sqlite.prepare('SELECT count(*) FROM student_indicators').pluck().get();
    expect(n).toBe(4);
  });
});

describe('incremental runs', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tinyStore();
    expect((await runPipeline(store, { mode: 'incremental', trigger: 'manual' })).mode).toBe(
      'backfill', // nothing to build on yet
    );
  });
  afterAll(() => store.close());

  it('with nothing new, recompute nothing', async () => {
    const before = featureRows(store);
    const summary = await runPipeline(store, { mode: 'incremental', trigger: 'scheduled' });
    expect(summary).toMatchObject({ status: 'succeeded', mode: 'incremental', students: 0 });
    expect(featureRows(store)).toEqual(before);
  });

  it('after new data: recompute only the touched weeks, consume the marks, equal a backfill', async () => {
    const first = store.sqlite.prepare('SELECT run_id FROM student_features LIMIT 1').pluck().get();
    // An importer's transaction: Ana out all of week 4; Cara's excused essay regraded as late;
    // Ben's LMS and Dev's tardy on the following Wed/Thu move the data date to 2 Oct.
    store.sqlite.transaction(() => {
      absent(store, ids.ana, [
        '2025-09-22',
        '2025-09-23',
        '2025-09-24',
        '2025-09-25',
        '2025-09-26',
      ]);
      markDirty(store, ids.ana, '2025-09-22');
      store.sqlite
        .prepare(
          `UPDATE submissions SET status = 'late', score = 40, updated_at = 1
           WHERE student_id = ? AND assignment_id = ?`,
        )
        .run(ids.cara, courseworkIds.essay);
      markDirty(store, ids.cara, '2025-09-12');
      store.sqlite
        .prepare(
          `INSERT INTO lms_activity (id, district_id, school_id, created_at, updated_at, student_id,
             date, sessions, active_minutes) VALUES (?, ?, ?, 0, 0, ?, '2025-10-01', 1, 15)`,
        )
        .run(synced(ids.high).id, ids.district, ids.high, ids.ben);
      markDirty(store, ids.ben, '2025-10-01');
      store.sqlite
        .prepare(
          `INSERT INTO attendance_events (id, district_id, school_id, created_at, updated_at,
             student_id, date, category) VALUES (?, ?, ?, 0, 0, ?, '2025-10-02', 'tardy')`,
        )
        .run(synced(ids.middle).id, ids.district, ids.middle, ids.dev);
      markDirty(store, ids.dev, '2025-10-02');
    })();

    const summary = await runPipeline(store, { mode: 'incremental', trigger: 'import' });
    expect(summary).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      asOf: '2025-10-02',
      fromWeek: '2025-09-08', // Cara's regraded essay
      students: 4,
    });
    expect(store.sqlite.prepare('SELECT count(*) FROM feature_dirty').pluck().get()).toBe(0);

    // The data date moved from Fri 26 Sep: everyone's week of 22 Sep (its cutoff changed) and
    // the new week are rewritten; Cara from her essay's week; nothing earlier.
    const rewritten = store.sqlite
      .prepare(
        `SELECT student_id, min(week_start) AS from_week, count(*) AS n FROM student_features
         WHERE run_id = ? GROUP BY student_id ORDER BY student_id`,
      )
      .all(summary.runId);
    expect(rewritten).toEqual([
      { student_id: ids.ana, from_week: '2025-09-22', n: 2 },
      { student_id: ids.ben, from_week: '2025-09-22', n: 2 },
      { student_id: ids.cara, from_week: '2025-09-08', n: 4 },
      { student_id: ids.dev, from_week: '2025-09-22', n: 2 },
    ]);
    expect(
      store.sqlite
        .prepare('SELECT count(*) FROM student_features WHERE run_id = ?')
        .pluck()
        .get(first),
    ).toBe(10);

    const ana = weeksOf(store, ids.ana);
    expect(ana.map((w) => w.attendance_rate_week)).toEqual([0.8, 0.8, 1, 0, 1]);
    expect(ana[4]).toMatchObject({ week_start: '2025-09-29', days_enrolled_week: 4 });
    expect(anomalyRows(store).filter((a) => a.feature === 'attendance_rate_week')).toEqual([
      expect.objectContaining({
        student_id: ids.ana,
        week_start: '2025-09-22',
        value: 0,
        own_baseline: 0.8,
        explanation: 'Attendance this week 0%, usually 80%.',
      }),
    ]);

    const incremental = featureRows(store);
    const incrementalAnomalies = anomalyRows(store);
    const backfill = await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    expect(backfill.rowsWritten).toBe(20);
    expect(featureRows(store)).toEqual(incremental);
    expect(anomalyRows(store)).toEqual(incrementalAnomalies);
  });

  it("redoes every student's last week when the data date moves within it", async () => {
    // Ben's LMS on Friday 3 Oct moves the data date from Thursday: everyone's week of 29 Sep
    // now has five school days, though only Ben was marked.
    store.sqlite
      .prepare(
        `INSERT INTO lms_activity (id, district_id, school_id, created_at, updated_at, student_id,
           date, sessions, active_minutes) VALUES (?, ?, ?, 0, 0, ?, '2025-10-03', 1, 10)`,
      )
      .run(synced(ids.high).id, ids.district, ids.high, ids.ben);
    markDirty(store, ids.ben, '2025-10-03');
    const summary = await runPipeline(store, { mode: 'incremental', trigger: 'import' });
    expect(summary).toMatchObject({ asOf: '2025-10-03', students: 4, rowsWritten: 4 });
    expect(weeksOf(store, ids.ana).at(-1)).toMatchObject({
      week_start: '2025-09-29',
      days_enrolled_week: 5,
    });
    const incremental = featureRows(store);
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    expect(featureRows(store)).toEqual(incremental);
  });

  it('picks up roster changes no importer marked: a new student, a withdrawal', async () => {
    store.sqlite
      .prepare(
        `UPDATE students SET exit_date = '2025-09-12', enrollment_status = 'withdrawn' WHERE id = ?`,
      )
      .run(ids.dev);
    const eve = { ...synced(ids.high), id: '01900000-0000-7000-8000-000000000054' };
    store.sqlite
      .prepare(
        `INSERT INTO students (id, district_id, school_id, created_at, updated_at, student_number,
           given_name, family_name, grade_level, entry_date, enrollment_status)
         VALUES (?, ?, ?, 0, 0, 'EVE', 'Eve', 'Fixture', 9, '2025-09-17', 'active')`,
      )
      .run(eve.id, ids.district, ids.high);
    await runPipeline(store, { mode: 'incremental', trigger: 'manual' });
    const incremental = featureRows(store);
    expect(weeksOf(store, ids.dev).map((w) => w.week_start)).toEqual(['2025-09-01', '2025-09-08']);
    expect(weeksOf(store, eve.id).map((w) => [w.week_start, w.days_enrolled_week])).toEqual([
      ['2025-09-15', 3],
      ['2025-09-22', 5],
      ['2025-09-29', 5],
    ]);
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    expect(featureRows(store)).toEqual(incremental);
  });

  it('turns into a backfill when a threshold changes', async () => {
    store.sqlite
      .prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('thresholds', ?, 0)`)
      .run(JSON.stringify({ chronicAbsence: 0.25 }));
    const summary = await runPipeline(store, { mode: 'incremental', trigger: 'manual' });
    expect(summary.mode).toBe('backfill');
    expect(summary.reason).toMatch(/thresholds/);
    expect(weeksOf(store, ids.ana).map((w) => w.flag_chronic_absence)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('cancel and crash', () => {
  it('a cancel rolls back the batch in progress and keeps every committed one', async () => {
    const store = await tinyStore();
    markDirty(store, ids.ana, '2025-09-01');
    markDirty(store, ids.ben, '2025-09-01');
    let checks = 0;
    // Checked before each batch and again before it commits: the 4th check is batch 2's commit.
    const summary = await runPipeline(store, {
      mode: 'backfill',
      trigger: 'manual',
      batchSize: 1,
      isCancelled: () => ++checks >= 4,
    });
    expect(summary.status).toBe('cancelled');
    expect(store.sqlite.prepare('SELECT status FROM pipeline_runs').pluck().get()).toBe(
      'cancelled',
    );
    const students = store.sqlite
      .prepare('SELECT DISTINCT student_id FROM student_features')
      .pluck()
      .all();
    expect(students).toEqual([ids.ana]); // batch 1 committed; Ben's batch rolled back
    expect(store.sqlite.prepare('SELECT student_id FROM feature_dirty').pluck().all()).toEqual([
      ids.ben,
    ]);
    expect(quickCheck(store.sqlite)).toBe('ok');

    const again = await runPipeline(store, { mode: 'incremental', trigger: 'manual' });
    expect(again.status).toBe('succeeded');
    const resumed = featureRows(store);
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    expect(featureRows(store)).toEqual(resumed);
    expect(resumed).toHaveLength(16);
    await store.close();
  });

  it('after kill -9 mid-run: consistent, the run marked interrupted, a re-run converges', async () => {
    const store = await tinyStore();
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    const clean = featureRows(store);
    absent(store, ids.cara, ['2025-09-01']);
    markDirty(store, ids.cara, '2025-09-01');
    await store.close();

    // A real process, killed while it sits between two committed batches of a backfill.
    const file = path.join(t.dir, `tiny-${fileCounter}.sqlite`);
    // Node itself (not through npx) so the signal reaches the process doing the work.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/pipeline-crash-child.ts', file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('batch committed')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));

    const after = await openStore(file);
    expect(quickCheck(after.sqlite)).toBe('ok');
    expect(
      after.sqlite
        .prepare("SELECT count(*) FROM pipeline_runs WHERE status = 'running'")
        .pluck()
        .get(),
    ).toBe(1);
    expect(markInterruptedRuns(after, 9)).toBe(1);
    expect(
      after.sqlite
        .prepare('SELECT status, finished_at FROM pipeline_runs ORDER BY started_at DESC LIMIT 1')
        .get(),
    ).toEqual({
      status: 'interrupted',
      finished_at: 9,
    });
    expect(featureRows(after)).toHaveLength(16); // every student's rows: old or new, never half

    const rerun = await runPipeline(after, { mode: 'incremental', trigger: 'catch_up' });
    expect(rerun.status).toBe('succeeded');
    const converged = featureRows(after);
    await runPipeline(after, { mode: 'backfill', trigger: 'manual' });
    expect(featureRows(after)).toEqual(converged);
    expect(converged).not.toEqual(clean); // Cara's new absence is in
    expect(after.sqlite.prepare('SELECT count(*) FROM feature_dirty').pluck().get()).toBe(0);
    await after.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});
