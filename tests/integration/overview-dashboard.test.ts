/**
 * The school admin's dashboard on a generated district (real pipeline, shipped model, real
 * SQLite): risk tiers by grade and intervention coverage count the tier staff act on (a tier
 * override wins over the model's), the chronic-absence trend equals a direct count over the
 * weekly rows, the rollup behind it stays equal to that count through pipeline runs, and each
 * role gets its own scope only.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChronicAbsencePoint, Overview, RiskTiersByGradeRow } from '../../main/api/contract';
import { bindCore, seedDemo, type Core } from '../../main/app/start';
import { runPipeline } from '../../main/pipeline/run';
import { openStore } from '../../main/store/open';
import { tempDir } from '../helpers';

const t = tempDir('sightline-overview-');
let core: Core;

type Result = Awaited<ReturnType<Core['router']['call']>>;
async function call(method: string, input: unknown, session: string | null): Promise<Result> {
  return core.router.call(method, input, session);
}
async function ok<T>(method: string, input: unknown, session: string): Promise<T> {
  const result = await call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}
async function signIn(staffId: string): Promise<string> {
  return (await ok<{ sessionId: string }>('auth.signIn', { staffId }, null as never)).sessionId;
}

const sql = <T>(text: string, ...args: unknown[]) =>
  core.store.sqlite.prepare(text).all(...args) as T[];
const one = <T>(text: string, ...args: unknown[]) =>
  core.store.sqlite
    .prepare(text)
    .pluck()
    .get(...args) as T;

/**
 * Tiers by grade counted straight from the tables, with the override rule written out here
 * again (each student's latest non-deleted override, else the model's tier), not through the
 * code under test.
 */
function expectedTiers(schoolId: string | null): RiskTiersByGradeRow[] {
  const rows = sql<{ grade: number; tier: string | null; overridden: number; n: number }>(
    `SELECT s.grade_level AS grade,
       coalesce(ov.tier, r.tier) AS tier, ov.tier IS NOT NULL AS overridden, count(*) AS n
     FROM students s
     LEFT JOIN student_risk r ON r.student_id = s.id
     LEFT JOIN (SELECT f.student_id, f.override_tier AS tier FROM risk_feedback f
       WHERE f.verdict = 'override' AND f.deleted_at IS NULL AND f.override_tier IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM risk_feedback g WHERE g.student_id = f.student_id
           AND g.verdict = 'override' AND g.deleted_at IS NULL AND g.override_tier IS NOT NULL
           AND (g.created_at > f.created_at OR (g.created_at = f.created_at AND g.id > f.id)))
     ) ov ON ov.student_id = s.id
     WHERE s.deleted_at IS NULL AND s.enrollment_status = 'active'
       AND (? IS NULL OR s.school_id = ?)
     GROUP BY 1, 2, 3`,
    schoolId,
    schoolId,
  );
  const byGrade = new Map<number, RiskTiersByGradeRow>();
  for (const r of rows) {
    const row = byGrade.get(r.grade) ?? {
      grade: r.grade,
      students: 0,
      high: 0,
      moderate: 0,
      low: 0,
      unscored: 0,
      overridden: 0,
    };
    row.students += r.n;
    if (r.overridden) row.overridden += r.n;
    if (r.tier === 'high' || r.tier === 'moderate' || r.tier === 'low') row[r.tier] += r.n;
    else row.unscored += r.n;
    byGrade.set(r.grade, row);
  }
  return [...byGrade.values()].sort((a, b) => a.grade - b.grade);
}

/** Chronic absence per week of the year, grouped straight from the pipeline's weekly rows. */
function expectedTrend(where: { schoolId?: string; studentIds?: string[] }): ChronicAbsencePoint[] {
  const asOf = one<string>('SELECT max(as_of) FROM student_indicators');
  const yearStart = one<string>(
    `SELECT start_date FROM academic_sessions WHERE session_type = 'school_year'
       AND deleted_at IS NULL AND start_date <= ? ORDER BY start_date DESC LIMIT 1`,
    asOf,
  );
  return sql<{ weekStart: string; students: number; chronic: number }>(
    `SELECT week_start AS weekStart, sum(days_enrolled_ytd > 0) AS students,
       sum(flag_chronic_absence) AS chronic
     FROM student_features
     WHERE week_start >= date(?, '-6 days') AND week_start <= ?
       AND (? IS NULL OR school_id = ?)
       AND (? IS NULL OR student_id IN (SELECT value FROM json_each(?)))
     GROUP BY week_start HAVING sum(days_enrolled_ytd > 0) > 0 ORDER BY week_start`,
    yearStart,
    asOf,
    where.schoolId ?? null,
    where.schoolId ?? null,
    ...Array(2).fill(where.studentIds ? JSON.stringify(where.studentIds) : null),
  ).map((r) => ({ ...r, rate: r.chronic / r.students }));
}

/** The rollup equals the GROUP BY it summarises, row for row (rows emptied to zero aside). */
function expectRollupMatchesRows(): void {
  const rollup = sql(
    `SELECT school_id, grade_level, week_start, students, chronic FROM chronic_absence_weekly
     WHERE students <> 0 OR chronic <> 0 ORDER BY 1, 2, 3`,
  );
  const direct = sql(
    `SELECT school_id, grade_level, week_start, sum(days_enrolled_ytd > 0) AS students,
       sum(flag_chronic_absence) AS chronic
     FROM student_features GROUP BY 1, 2, 3
     HAVING sum(days_enrolled_ytd > 0) <> 0 OR sum(flag_chronic_absence) <> 0 ORDER BY 1, 2, 3`,
  );
  expect(rollup.length).toBeGreaterThan(0);
  expect(rollup).toEqual(direct);
  expect(one<number>('SELECT count(*) FROM chronic_absence_weekly WHERE students < 0')).toBe(0);
}

let schoolA: string;
let schoolB: string;
let districtAdmin: string;
let adminA: string;
let teacherA: string;
let counselorA: string;
const staffOf = (role: string, schoolId: string | null) =>
  one<string>(
    `SELECT id FROM staff WHERE role = ? AND (? IS NULL OR school_id = ?)
       AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    role,
    schoolId,
    schoolId,
  );

describe('school admin dashboard', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await seedDemo(store, 400, () => {}, 23);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    [schoolA, schoolB] = sql<{ id: string }>('SELECT id FROM schools ORDER BY name').map(
      (s) => s.id,
    ) as [string, string];
    districtAdmin = await signIn(staffOf('district_admin', null));
    adminA = await signIn(staffOf('school_admin', schoolA));
    teacherA = await signIn(staffOf('teacher', schoolA));
    counselorA = await signIn(staffOf('counselor', schoolA));
  }, 180_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('counts risk tiers by grade as the tables hold them', async () => {
    const district = await ok<Overview>('overview.get', {}, districtAdmin);
    const expected = expectedTiers(null);
    expect(district.riskTiersByGrade).toEqual(expected);
    // A real spread, not an empty answer that trivially matches.
    const total = (k: 'high' | 'moderate' | 'low' | 'students') =>
      expected.reduce((n, g) => n + g[k], 0);
    expect(total('high')).toBeGreaterThan(0);
    expect(total('moderate')).toBeGreaterThan(0);
    expect(total('low')).toBeGreaterThan(total('high'));
    expect(total('students')).toBe(
      one<number>(
        "SELECT count(*) FROM students WHERE deleted_at IS NULL AND enrollment_status = 'active'",
      ),
    );

    // A scored, enrolled student whose score is removed counts as having none.
    const unscored = one<string>(
      `SELECT s.id FROM students s JOIN student_risk r ON r.student_id = s.id
       WHERE s.school_id = ? AND s.enrollment_status = 'active' AND r.tier = 'moderate'
       ORDER BY s.id LIMIT 1`,
      schoolB,
    );
    const grade = one<number>('SELECT grade_level FROM students WHERE id = ?', unscored);
    const before = district.riskTiersByGrade.find((g) => g.grade === grade)!;
    core.store.sqlite.prepare('DELETE FROM student_risk WHERE student_id = ?').run(unscored);
    const after = (await ok<Overview>('overview.get', {}, districtAdmin)).riskTiersByGrade.find(
      (g) => g.grade === grade,
    )!;
    expect(after).toEqual({
      ...before,
      moderate: before.moderate - 1,
      unscored: before.unscored + 1,
    });
    expect((await ok<Overview>('overview.get', {}, districtAdmin)).riskTiersByGrade).toEqual(
      expectedTiers(null),
    );
  });

  it('a tier override moves the student in tiers by grade and in coverage', async () => {
    const gradeRow = async (grade: number) =>
      (await ok<Overview>('overview.get', {}, adminA)).riskTiersByGrade.find(
        (g) => g.grade === grade,
      )!;
    const coverage = () =>
      ok<{ highRiskStudents: number; highRiskWithActive: number }>(
        'interventions.coverage',
        {},
        adminA,
      );
    const modelStudent = (tier: string) =>
      one<string>(
        `SELECT s.id FROM students s JOIN student_risk r ON r.student_id = s.id
         WHERE s.school_id = ? AND s.enrollment_status = 'active' AND r.tier = ?
           AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.student_id = s.id)
         ORDER BY r.score DESC LIMIT 1`,
        schoolA,
        tier,
      );
    const override = (studentId: string, tier: string) =>
      ok(
        'risk.feedback',
        {
          studentId,
          target: 'model',
          verdict: 'override',
          overrideTier: tier,
          note: 'Known to the team: the numbers lag what we see.',
        },
        adminA,
      );

    const raised = modelStudent('low');
    const lowered = modelStudent('high');
    const grade = one<number>('SELECT grade_level FROM students WHERE id = ?', raised);
    const loweredGrade = one<number>('SELECT grade_level FROM students WHERE id = ?', lowered);
    const before = await gradeRow(grade);
    const coverageBefore = await coverage();
    const directHigh = () => expectedTiers(schoolA).reduce((n, g) => n + g.high, 0);
    expect(coverageBefore.highRiskStudents).toBe(directHigh());

    // Raised to moderate, then to high: the latest override wins.
    await override(raised, 'moderate');
    await override(raised, 'high');
    const after = await gradeRow(grade);
    expect(after).toMatchObject({
      students: before.students,
      high: before.high + 1,
      low: before.low - 1,
      moderate: before.moderate,
      overridden: before.overridden + 1,
    });
    expect((await coverage()).highRiskStudents).toBe(coverageBefore.highRiskStudents + 1);

    // Help for the raised student counts as coverage of a high-risk student.
    await ok(
      'interventions.create',
      {
        studentId: raised,
        tier: 2,
        type: 'attendance',
        goal: 'Attend every day for three weeks.',
        strategies: 'Morning check-in.',
        ownerId: staffOf('counselor', schoolA),
        startDate: one<string>("SELECT date('now', 'localtime', '-3 days')"),
        endDate: one<string>("SELECT date('now', 'localtime', '+39 days')"),
        monitoring: 'biweekly',
      },
      adminA,
    );
    expect(await coverage()).toEqual(
      expect.objectContaining({
        highRiskStudents: coverageBefore.highRiskStudents + 1,
        highRiskWithActive: coverageBefore.highRiskWithActive + 1,
      }),
    );

    // Lowered from the model's high tier: no longer counted high anywhere.
    const loweredBefore = await gradeRow(loweredGrade);
    await override(lowered, 'low');
    const loweredAfter = await gradeRow(loweredGrade);
    expect(loweredAfter.high).toBe(loweredBefore.high - 1);
    expect(loweredAfter.low).toBe(loweredBefore.low + 1);
    expect((await coverage()).highRiskStudents).toBe(coverageBefore.highRiskStudents);

    // A withdrawn (tombstoned) override no longer counts: the model's tier is back.
    core.store.sqlite
      .prepare(
        "UPDATE risk_feedback SET deleted_at = 1 WHERE student_id = ? AND verdict = 'override'",
      )
      .run(lowered);
    expect((await gradeRow(loweredGrade)).high).toBe(loweredBefore.high);
    expect((await coverage()).highRiskStudents).toBe(coverageBefore.highRiskStudents + 1);

    // And every number still equals the direct count.
    expect((await ok<Overview>('overview.get', {}, adminA)).riskTiersByGrade).toEqual(
      expectedTiers(schoolA),
    );
    expect((await coverage()).highRiskStudents).toBe(directHigh());
  });

  it('counts chronic absence by week as the weekly rows hold it, for every scope', async () => {
    const district = await ok<Overview>('overview.get', {}, districtAdmin);
    const trend = expectedTrend({});
    expect(district.chronicAbsenceTrend).toEqual(trend);
    expect(trend.length).toBeGreaterThan(10);
    expect(trend.some((w) => w.chronic > 0)).toBe(true);
    expect(district.chronicAbsenceThreshold).toBe(0.1);
    // The last week counts the same students the headline does, among those enrolled now.
    const last = trend[trend.length - 1]!;
    expect(last.chronic).toBe(
      one<number>(
        `SELECT count(*) FROM student_indicators i JOIN student_features f
           ON f.student_id = i.student_id AND f.week_start = ?
         WHERE i.flag_chronic_absence = 1`,
        last.weekStart,
      ),
    );

    const school = await ok<Overview>('overview.get', {}, adminA);
    expect(school.chronicAbsenceTrend).toEqual(expectedTrend({ schoolId: schoolA }));
    const chosen = await ok<Overview>('overview.get', { schoolId: schoolB }, districtAdmin);
    expect(chosen.chronicAbsenceTrend).toEqual(expectedTrend({ schoolId: schoolB }));

    // Teachers and counselors: counted from their own students' rows.
    const teacherIds = sql<{ id: string }>(
      `SELECT DISTINCT e.student_id AS id FROM enrollments e
       JOIN section_teachers st ON st.section_id = e.section_id
       JOIN students s ON s.id = e.student_id
       WHERE st.staff_id = ? AND st.deleted_at IS NULL AND e.deleted_at IS NULL
         AND s.deleted_at IS NULL`,
      staffOf('teacher', schoolA),
    ).map((r) => r.id);
    expect(teacherIds.length).toBeGreaterThan(0);
    expect((await ok<Overview>('overview.get', {}, teacherA)).chronicAbsenceTrend).toEqual(
      expectedTrend({ studentIds: teacherIds }),
    );
    const caseload = sql<{ id: string }>(
      'SELECT id FROM students WHERE counselor_id = ? AND deleted_at IS NULL',
      staffOf('counselor', schoolA),
    ).map((r) => r.id);
    expect(caseload.length).toBeGreaterThan(0);
    expect((await ok<Overview>('overview.get', {}, counselorA)).chronicAbsenceTrend).toEqual(
      expectedTrend({ studentIds: caseload }),
    );
  });

  it('keeps the weekly rollup equal to the rows through incremental and full runs', async () => {
    expectRollupMatchesRows();
    const lastWeek = () => {
      const trend = expectedTrend({ schoolId: schoolA });
      return trend[trend.length - 1]!;
    };
    const before = lastWeek();

    // A student who was not chronically absent misses the last 30 school days.
    const student = one<string>(
      `SELECT s.id FROM students s JOIN student_indicators i ON i.student_id = s.id
       WHERE s.school_id = ? AND s.enrollment_status = 'active' AND i.flag_chronic_absence = 0
       ORDER BY s.id LIMIT 1`,
      schoolA,
    );
    const days = sql<{ date: string }>(
      `SELECT date FROM calendar_days WHERE (school_id = ? OR school_id IS NULL)
         AND is_instructional = 1 AND date <= (SELECT max(as_of) FROM student_indicators)
       GROUP BY date ORDER BY date DESC LIMIT 30`,
      schoolA,
    ).map((d) => d.date);
    const { sqlite } = core.store;
    const districtId = one<string>('SELECT district_id FROM students WHERE id = ?', student);
    sqlite.transaction(() => {
      const clear = sqlite.prepare(
        `DELETE FROM attendance_events WHERE student_id = ? AND date = ? AND section_id IS NULL
           AND category IN ('present', 'excused_absence', 'unexcused_absence')`,
      );
      const add = sqlite.prepare(
        `INSERT INTO attendance_events (id, district_id, school_id, created_at, updated_at,
           student_id, section_id, date, category, minutes)
         VALUES (?, ?, ?, 0, 0, ?, NULL, ?, 'unexcused_absence', NULL)`,
      );
      for (const date of days) {
        clear.run(student, date);
        add.run(`test-absence-${date}`, districtId, schoolA, student, date);
      }
      sqlite
        .prepare('INSERT OR REPLACE INTO feature_dirty (student_id, from_date) VALUES (?, ?)')
        .run(student, days[days.length - 1]);
    })();
    // Another student moves up a grade: their rows move between cohorts.
    const mover = one<string>(
      `SELECT id FROM students WHERE school_id = ? AND enrollment_status = 'active'
         AND id <> ? ORDER BY id DESC LIMIT 1`,
      schoolA,
      student,
    );
    sqlite.prepare('UPDATE students SET grade_level = grade_level + 1 WHERE id = ?').run(mover);

    const run = await runPipeline(core.store, { mode: 'incremental', trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    expectRollupMatchesRows();
    expect(lastWeek()).toMatchObject({
      students: before.students,
      chronic: before.chronic + 1,
    });
    const school = await ok<Overview>('overview.get', {}, adminA);
    expect(school.chronicAbsenceTrend[school.chronicAbsenceTrend.length - 1]).toEqual(lastWeek());

    const full = await runPipeline(core.store, { mode: 'backfill', trigger: 'manual' });
    expect(full.status).toBe('succeeded');
    expectRollupMatchesRows();
    expect((await ok<Overview>('overview.get', {}, adminA)).chronicAbsenceTrend).toEqual(
      expectedTrend({ schoolId: schoolA }),
    );
  }, 120_000);

  it('gives a school admin their own school only', async () => {
    const own = await ok<Overview>('overview.get', {}, adminA);
    expect(own.scope.kind).toBe('school');
    expect(own.riskTiersByGrade).toEqual(expectedTiers(schoolA));
    expect(own.chronicAbsenceTrend).toEqual(expectedTrend({ schoolId: schoolA }));
    const district = await ok<Overview>('overview.get', {}, districtAdmin);
    const sum = (o: Overview) => o.riskTiersByGrade.reduce((n, g) => n + g.students, 0);
    expect(sum(own)).toBeLessThan(sum(district));
    expect(sum(own)).toBe(
      one<number>(
        `SELECT count(*) FROM students WHERE school_id = ? AND deleted_at IS NULL
           AND enrollment_status = 'active'`,
        schoolA,
      ),
    );

    // Another school's overview is refused; coverage always answers for the admin's own school.
    expect(await call('overview.get', { schoolId: schoolB }, adminA)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const coverage = await ok<{ schoolName: string; highRiskStudents: number }>(
      'interventions.coverage',
      { schoolId: schoolB },
      adminA,
    );
    expect(coverage.schoolName).toBe(one('SELECT name FROM schools WHERE id = ?', schoolA));
    expect(coverage.highRiskStudents).toBe(expectedTiers(schoolA).reduce((n, g) => n + g.high, 0));

    // The district admin, narrowed to school B, gets school B's numbers.
    const b = await ok<Overview>('overview.get', { schoolId: schoolB }, districtAdmin);
    expect(b.riskTiersByGrade).toEqual(expectedTiers(schoolB));
    const coverageB = await ok<{ highRiskStudents: number }>(
      'interventions.coverage',
      { schoolId: schoolB },
      districtAdmin,
    );
    expect(coverageB.highRiskStudents).toBe(expectedTiers(schoolB).reduce((n, g) => n + g.high, 0));
  });
});
