import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database, StudentIndicatorTable, StudentRiskTable } from '../../db/schema';
import { FLAG_KEYS, type FlagKey, type ParsedInput, type StudentListPage } from '../api/contract';
import { visibleStudents, type Scope } from '../scope/scope';

const SORT_COLUMNS = {
  name: ['students.family_name', 'students.given_name'],
  grade: ['students.grade_level', 'students.family_name'],
  attendance_rate: ['i.attendance_rate', 'students.family_name'],
  days_absent: ['i.days_absent', 'students.family_name'],
  gpa: ['i.gpa', 'students.family_name'],
  failing_sections: ['i.failing_sections', 'students.family_name'],
  incident_days: ['i.incident_days', 'students.family_name'],
  flag_count: ['i.flag_count', 'students.family_name'],
  risk: ['r.score', 'students.family_name'],
} as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the scoped student list, sorted and filtered in SQL so 50,000 rows stay fast. */
export async function listStudents(
  db: Kysely<Database>,
  scope: Scope,
  input: ParsedInput<'students.list'>,
): Promise<StudentListPage> {
  const filters = (
    eb: ExpressionBuilder<Database & { i: StudentIndicatorTable; r: StudentRiskTable }, 'students'>,
  ) => {
    const conditions = [visibleStudents(scope)(eb)];
    if (input.schoolId) conditions.push(eb('students.school_id', '=', input.schoolId));
    if (input.grade !== undefined) conditions.push(eb('students.grade_level', '=', input.grade));
    const search = input.search;
    if (search) {
      const like = sql`${`%${escapeLike(search.toLowerCase())}%`} ESCAPE '\\'`;
      conditions.push(
        eb.or([
          eb(sql`lower(students.given_name || ' ' || students.family_name)`, 'like', like),
          eb(sql`lower(students.family_name || ', ' || students.given_name)`, 'like', like),
          eb('students.student_number', '=', search),
        ]),
      );
    }
    return eb.and(conditions);
  };
  const flagColumn = input.flag ? (`i.flag_${input.flag}` as const) : null;
  const tier = input.tier ?? null;

  // Counting needs the indicators only to filter by a flag; skipping the join halves the
  // cost of a district-wide count.
  const counted = db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .$if(flagColumn !== null, (q) =>
      q
        .innerJoin('student_indicators as i', 'i.student_id', 'students.id')
        .where(flagColumn!, '=', 1),
    )
    .$if(tier !== null, (q) =>
      q.innerJoin('student_risk as r', 'r.student_id', 'students.id').where('r.tier', '=', tier!),
    )
    .where(filters);
  const { total } = await counted
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  // One refresh writes one as-of date for every student.
  const asOf =
    (await db.selectFrom('student_indicators').select('as_of').limit(1).executeTakeFirst())
      ?.as_of ?? null;

  let query = db
    .selectFrom('students')
    .leftJoin('student_indicators as i', 'i.student_id', 'students.id')
    .leftJoin('student_risk as r', 'r.student_id', 'students.id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .where(filters);
  if (flagColumn) query = query.where(flagColumn, '=', 1);
  if (tier) query = query.where('r.tier', '=', tier);

  const [primary, tiebreak] = SORT_COLUMNS[input.sort];
  const rows = await query
    .select([
      'students.id',
      'students.student_number',
      'students.given_name',
      'students.family_name',
      'students.grade_level',
      'schools.name as school_name',
      'i.attendance_rate',
      'i.days_absent',
      'i.gpa',
      'i.failing_sections',
      'i.incident_days',
      'i.suspensions',
      'i.attendance_tier',
      'i.flag_chronic_absence',
      'i.flag_course_failure',
      'i.flag_low_gpa',
      'i.flag_suspension',
      'i.flag_off_track',
      'r.score as risk_score',
      'r.tier as risk_tier',
      // The latest override on this page's rows only: a few dozen index lookups.
      (eb) =>
        eb
          .selectFrom('risk_feedback as f')
          .select('f.override_tier')
          .whereRef('f.student_id', '=', 'students.id')
          .where('f.verdict', '=', 'override')
          .where('f.deleted_at', 'is', null)
          .orderBy('f.created_at', 'desc')
          .limit(1)
          .as('override_tier'),
    ])
    // Missing values sort last whichever way the column is sorted.
    .orderBy(primary, (ob) => (input.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy(tiebreak)
    .orderBy('students.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();

  return {
    total,
    offset: input.offset,
    dataAsOf: asOf,
    rows: rows.map((r) => ({
      id: r.id,
      studentNumber: r.student_number,
      givenName: r.given_name,
      familyName: r.family_name,
      gradeLevel: r.grade_level,
      schoolName: r.school_name,
      attendanceRate: r.attendance_rate,
      // A student added since the last refresh has no indicators yet: zero counts, no flags.
      daysAbsent: r.days_absent ?? 0,
      gpa: r.gpa,
      failingSections: r.failing_sections ?? 0,
      incidentDays: r.incident_days ?? 0,
      suspensions: r.suspensions ?? 0,
      attendanceTier: r.attendance_tier,
      flags: FLAG_KEYS.filter((k) => r[`flag_${k}` as `flag_${FlagKey}`] === 1),
      riskScore: r.risk_score,
      riskTier: r.risk_tier,
      overrideTier: r.override_tier,
    })),
  };
}
