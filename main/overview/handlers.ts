import { sql } from 'kysely';
import { ATTENDANCE_TIERS, RISK_TIERS, type AttendanceTier, type IsoDate } from '../../db/schema';
import { ApiError, FLAG_KEYS, type FlagCounts, type Overview } from '../api/contract';
import { signedIn, type HandlerMap } from '../api/router';
import {
  accumulateWeekly,
  loadAttendanceInputs,
  type WeeklyAttendance,
} from '../indicators/attendance';
import { loadThresholds } from '../indicators/thresholds';
import { findSchoolYear } from '../pipeline/context';
import { effectiveTierSql, latestOverrides, modelTiers } from '../risk/effective-tier';
import { scopeLabel, visibleStudents, type Scope } from '../scope/scope';

const emptyFlags = (): FlagCounts => Object.fromEntries(FLAG_KEYS.map((k) => [k, 0])) as FlagCounts;

export const overviewHandlers: Pick<HandlerMap, 'overview.get'> = {
  async 'overview.get'({ schoolId }, ctx) {
    const session = signedIn(ctx);
    const { db, sqlite } = ctx.store;
    let scope: Scope = session.scope;
    if (schoolId && !(scope.kind === 'school' && schoolId === scope.schoolId)) {
      if (scope.kind !== 'district') {
        throw new ApiError('forbidden', 'You can only see the overview of your own school.');
      }
      const inDistrict = await db
        .selectFrom('schools')
        .select('id')
        .where('id', '=', schoolId)
        .where('district_id', '=', scope.districtId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!inDistrict) throw new ApiError('forbidden', 'That school is not in your district.');
      scope = { ...scope, kind: 'school', schoolId };
    }

    // One pass over the scope's students for every per-student count (a district is 50,000
    // of them): indicators and flags, attendance tiers, and the risk tier staff act on.
    const tier = effectiveTierSql('o.override_tier', 'r.tier');
    const active = sql<boolean>`students.enrollment_status = 'active'`;
    const perGrade = await db
      .selectFrom('students')
      .leftJoin('student_indicators as i', 'i.student_id', 'students.id')
      .leftJoin(latestOverrides(db).as('o'), 'o.student_id', 'students.id')
      .leftJoin(modelTiers('r'), 'r.student_id', 'students.id')
      .where(visibleStudents(scope))
      .select([
        'students.grade_level as grade',
        sql<number>`count(*)`.as('students'),
        sql<number>`total(i.days_enrolled)`.as('enrolled'),
        sql<number>`total(i.days_absent)`.as('absent'),
        sql<number>`total(i.flag_count > 0)`.as('anyFlag'),
        sql<number>`total(i.flag_chronic_absence)`.as('chronic_absence'),
        sql<number>`total(i.flag_course_failure)`.as('course_failure'),
        sql<number>`total(i.flag_low_gpa)`.as('low_gpa'),
        sql<number>`total(i.flag_suspension)`.as('suspension'),
        sql<number>`total(i.flag_off_track)`.as('off_track'),
        sql<string | null>`max(i.as_of)`.as('asOf'),
        ...ATTENDANCE_TIERS.map((t) =>
          sql<number>`total(i.attendance_tier = ${t})`.as(`attendance_${t}`),
        ),
        sql<number>`total(${active})`.as('activeStudents'),
        sql<number>`total(${active} AND o.override_tier IS NOT NULL)`.as('overridden'),
        ...RISK_TIERS.map((t) => sql<number>`total(${active} AND ${tier} = ${t})`.as(`risk_${t}`)),
      ])
      .groupBy('students.grade_level')
      .orderBy('students.grade_level')
      .execute();

    const attendanceTiers = Object.fromEntries(ATTENDANCE_TIERS.map((t) => [t, 0])) as Record<
      AttendanceTier,
      number
    >;
    for (const g of perGrade) {
      for (const t of ATTENDANCE_TIERS) attendanceTiers[t] += g[`attendance_${t}`];
    }
    const riskTiersByGrade = perGrade
      .filter((g) => g.activeStudents > 0)
      .map((g) => {
        const tiers = { high: g.risk_high, moderate: g.risk_moderate, low: g.risk_low };
        return {
          grade: g.grade,
          students: g.activeStudents,
          ...tiers,
          unscored: g.activeStudents - tiers.high - tiers.moderate - tiers.low,
          overridden: g.overridden,
        };
      });

    let enrolled = 0;
    let absent = 0;
    let dataAsOf: IsoDate | null = null;
    const flagsByGrade = perGrade.map((g) => {
      enrolled += g.enrolled;
      absent += g.absent;
      if (g.asOf && (!dataAsOf || g.asOf > dataAsOf)) dataAsOf = g.asOf;
      const flags = emptyFlags();
      for (const k of FLAG_KEYS) flags[k] = g[k];
      return { grade: g.grade, students: g.students, anyFlag: g.anyFlag, flags };
    });

    const staffName = `${session.staff.givenName} ${session.staff.familyName}`;
    const schoolName = scope.schoolId
      ? ((
          await db
            .selectFrom('schools')
            .select('name')
            .where('id', '=', scope.schoolId)
            .executeTakeFirst()
        )?.name ?? null)
      : null;

    const overview: Overview = {
      scope: {
        kind: scope.kind,
        label: scopeLabel(scope, { staff: staffName, school: schoolName }),
        name:
          scope.kind === 'sections' || scope.kind === 'caseload'
            ? staffName
            : scope.kind === 'school'
              ? schoolName
              : null,
      },
      dataAsOf,
      enrollment: flagsByGrade.reduce((n, g) => n + g.students, 0),
      attendanceRate: enrolled > 0 ? (enrolled - absent) / enrolled : null,
      chronicAbsenceCount: flagsByGrade.reduce((n, g) => n + g.flags.chronic_absence, 0),
      studentsWithAnyFlag: flagsByGrade.reduce((n, g) => n + g.anyFlag, 0),
      attendanceTrend: dataAsOf ? await attendanceTrend(ctx.store, scope, dataAsOf) : [],
      flagsByGrade,
      attendanceTiers,
      riskTiersByGrade,
      chronicAbsenceTrend: dataAsOf ? await chronicAbsenceTrend(scope, dataAsOf) : [],
      chronicAbsenceThreshold: (await loadThresholds(db)).chronicAbsence,
    };
    return overview;

    /**
     * Each week of the school year holding `asOf`: students enrolled so far that year and those
     * chronically absent year to date, from the pipeline's weekly rows. Schools and districts
     * read the rollup the rows keep up to date (`chronic_absence_weekly`; the GROUP BY over the
     * rows would read two million of them at 50,000 students); a teacher's or counselor's
     * students are counted from their own rows.
     */
    async function chronicAbsenceTrend(
      s: Scope,
      asOf: IsoDate,
    ): Promise<Overview['chronicAbsenceTrend']> {
      const year = findSchoolYear(sqlite, asOf);
      if (!year) return [];
      // Week 0 is the week holding the year's first day: its Monday is within 6 days before it.
      const firstWeek = sql<IsoDate>`date(${year.startDate}, '-6 days')`;
      let rows: { weekStart: IsoDate; students: number; chronic: number }[];
      if (s.kind === 'school' || s.kind === 'district') {
        rows = await db
          .selectFrom('chronic_absence_weekly as w')
          .innerJoin('schools', 'schools.id', 'w.school_id')
          .where(
            s.kind === 'school' ? 'w.school_id' : 'schools.district_id',
            '=',
            (s.kind === 'school' ? s.schoolId : s.districtId) ?? '',
          )
          .where('schools.district_id', '=', s.districtId)
          .where('w.week_start', '>=', firstWeek)
          .where('w.week_start', '<=', asOf)
          .select([
            'w.week_start as weekStart',
            sql<number>`sum(w.students)`.as('students'),
            sql<number>`sum(w.chronic)`.as('chronic'),
          ])
          .groupBy('w.week_start')
          .orderBy('w.week_start')
          .execute();
      } else {
        rows = await db
          .selectFrom('students')
          .innerJoin('student_features as f', 'f.student_id', 'students.id')
          .where(visibleStudents(s))
          .where('f.week_start', '>=', firstWeek)
          .where('f.week_start', '<=', asOf)
          .select([
            'f.week_start as weekStart',
            sql<number>`sum(f.days_enrolled_ytd > 0)`.as('students'),
            sql<number>`sum(f.flag_chronic_absence)`.as('chronic'),
          ])
          .groupBy('f.week_start')
          .orderBy('f.week_start')
          .execute();
      }
      return rows
        .filter((r) => r.students > 0)
        .map((r) => ({ ...r, rate: r.chronic / r.students }));
    }

    /**
     * School- and district-wide trends read the weekly rollup; a teacher's or counselor's few
     * hundred students are counted on the fly from their own records with the same rules.
     */
    async function attendanceTrend(
      store: typeof ctx.store,
      s: Scope,
      asOf: IsoDate,
    ): Promise<Overview['attendanceTrend']> {
      let weeks: [IsoDate, WeeklyAttendance][];
      if (s.kind === 'school' || s.kind === 'district') {
        const rows = await store.db
          .selectFrom('attendance_weekly as w')
          .innerJoin('schools', 'schools.id', 'w.school_id')
          .where(
            s.kind === 'school' ? 'w.school_id' : 'schools.district_id',
            '=',
            (s.kind === 'school' ? s.schoolId : s.districtId) ?? '',
          )
          .where('schools.district_id', '=', s.districtId)
          .select([
            'w.week_start',
            sql<number>`sum(w.enrolled_days)`.as('enrolled'),
            sql<number>`sum(w.absent_days)`.as('absent'),
          ])
          .groupBy('w.week_start')
          .orderBy('w.week_start')
          .execute();
        weeks = rows.map((r) => [r.week_start, { enrolledDays: r.enrolled, absentDays: r.absent }]);
      } else {
        const students = await store.db
          .selectFrom('students')
          .where(visibleStudents(s))
          .select(['id', 'school_id', 'grade_level', 'entry_date', 'exit_date'])
          .execute();
        const inputs = loadAttendanceInputs(
          sqlite,
          asOf,
          students.map((st) => st.id),
        );
        const into = new Map<string, Map<IsoDate, WeeklyAttendance>>();
        accumulateWeekly(
          students.map((st) => ({ ...st, school_id: st.school_id ?? '' })),
          inputs,
          () => 'scope',
          into,
        );
        weeks = [...(into.get('scope') ?? new Map<IsoDate, WeeklyAttendance>())].sort(([a], [b]) =>
          a.localeCompare(b),
        );
      }
      return weeks.map(([weekStart, w]) => ({
        weekStart,
        rate: w.enrolledDays > 0 ? (w.enrolledDays - w.absentDays) / w.enrolledDays : null,
      }));
    }
  },
};
