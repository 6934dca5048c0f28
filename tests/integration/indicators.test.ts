import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshIndicators } from '../../main/indicators/refresh';
import { openStore, type Store } from '../../main/store/open';
import { buildTinyDistrict, ids, schoolDays } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

describe('indicators on the hand-computed tiny district', () => {
  let store: Store;
  const t = tempDir();
  beforeAll(async () => {
    store = await openStore(path.join(t.dir, 'tiny.sqlite'));
    await buildTinyDistrict(store.db);
    await refreshIndicators(store, 1_000);
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  const indicator = (studentId: string) =>
    store.db
      .selectFrom('student_indicators')
      .selectAll()
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow();

  it('uses the last school day with data as the as-of date', async () => {
    expect(schoolDays).toHaveLength(20);
    expect((await indicator(ids.ana)).as_of).toBe('2025-09-26');
  });

  it('Ana: 2 of 20 days absent is exactly 10%, so chronic absence', async () => {
    const ana = await indicator(ids.ana);
    expect(ana.days_enrolled).toBe(20);
    expect(ana.days_absent).toBe(2); // the duplicate day counts once; the Saturday not at all
    expect(ana.attendance_rate).toBeCloseTo(0.9, 10);
    expect(ana.unexcused_absences).toBe(2); // school days with an unexcused absence
    expect(ana.flag_chronic_absence).toBe(1);
    expect(ana.attendance_tier).toBe('on_track_graduation');
    expect(ana.gpa).toBe(3);
    expect(ana.lms_active_days).toBe(2);
    expect(ana.flag_off_track).toBe(0);
    expect(ana.flag_count).toBe(1);
  });

  it('Ben: one absence is not chronic; an F is a course failure and a 0.0 GPA', async () => {
    const ben = await indicator(ids.ben);
    expect(ben.days_absent).toBe(1);
    expect(ben.flag_chronic_absence).toBe(0);
    expect(ben.failing_sections).toBe(1);
    expect(ben.lowest_grade).toBe(52);
    expect(ben.flag_course_failure).toBe(1);
    expect(ben.gpa).toBe(0);
    expect(ben.flag_low_gpa).toBe(1);
    expect(ben.incident_days).toBe(1);
    expect(ben.flag_suspension).toBe(0); // a referral is not a suspension
    expect(ben.flag_count).toBe(2);
  });

  it('Cara: a suspension and a 1.5 GPA; off-track does not apply in grade 10', async () => {
    const cara = await indicator(ids.cara);
    expect(cara.attendance_rate).toBe(1);
    expect(cara.tardies).toBe(1);
    expect(cara.suspensions).toBe(1);
    expect(cara.flag_suspension).toBe(1);
    expect(cara.gpa).toBe(1.5);
    expect(cara.flag_low_gpa).toBe(1);
    expect(cara.flag_course_failure).toBe(0);
    expect(cara.flag_off_track).toBeNull();
    expect(cara.incident_rate).toBeCloseTo(1 / 20, 10);
  });

  it('rolls weekly attendance up by school and grade', async () => {
    const weeks = await store.db
      .selectFrom('attendance_weekly')
      .selectAll()
      .where('school_id', '=', ids.high)
      .where('grade_level', '=', 9)
      .orderBy('week_start')
      .execute();
    expect(weeks.map((w) => w.week_start)).toEqual([
      '2025-09-01',
      '2025-09-08',
      '2025-09-15',
      '2025-09-22',
    ]);
    // Ana and Ben: 2 students × 5 days a week; Ana out on the 3rd and 10th, Ben on the 26th.
    expect(weeks.map((w) => [w.enrolled_days, w.absent_days])).toEqual([
      [10, 1],
      [10, 1],
      [10, 0],
      [10, 1],
    ]);
  });

  it('is idempotent', async () => {
    const before = await store.db
      .selectFrom('student_indicators')
      .selectAll()
      .orderBy('student_id')
      .execute();
    await refreshIndicators(store, 1_000);
    const after = await store.db
      .selectFrom('student_indicators')
      .selectAll()
      .orderBy('student_id')
      .execute();
    expect(after).toEqual(before);
  });

  it("shares a year-long course's credit between its fall and spring sections", async () => {
    const spring = '01900000-0000-7000-8000-000000000013';
    const algebraSpring = '01900000-0000-7000-8000-000000000042';
    const row = {
      district_id: ids.district,
      school_id: ids.high,
      source_system: 'fixture',
      source_id: null,
      created_at: 0,
      updated_at: 0,
      deleted_at: null,
    };
    await store.db
      .updateTable('courses')
      .set({ credits: 1 })
      .where('id', '=', ids.algebra)
      .execute();
    await store.db
      .insertInto('academic_sessions')
      .values({
        ...row,
        school_id: null,
        id: spring,
        title: 'Spring 2026',
        session_type: 'semester',
        parent_id: ids.year,
        start_date: '2026-01-06',
        end_date: '2026-05-29',
        school_year: 2026,
      })
      .execute();
    await store.db
      .insertInto('sections')
      .values({
        ...row,
        id: algebraSpring,
        course_id: ids.algebra,
        term_id: spring,
        title: 'Algebra I – P1 (spring)',
        period: '1',
      })
      .execute();
    await store.db
      .insertInto('enrollments')
      .values({
        ...row,
        id: '01900000-0000-7000-8000-000000000060',
        student_id: ids.ana,
        section_id: algebraSpring,
        begin_date: '2026-01-06',
        end_date: null,
      })
      .execute();
    await store.db
      .insertInto('section_grades')
      .values({
        ...row,
        id: '01900000-0000-7000-8000-000000000061',
        student_id: ids.ana,
        section_id: ids.algebraSection,
        grading_period_id: ids.q1,
        numeric_grade: 85,
        letter: 'B',
        is_final: 1,
      })
      .execute();
    await refreshIndicators(store, 1_000);
    expect((await indicator(ids.ana)).core_credits_earned).toBe(0.5);
  });
});
