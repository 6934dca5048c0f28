import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database, RiskTier, StudentIndicatorTable, StudentRiskTable } from '../../db/schema';
import { FLAG_KEYS, type FlagKey, type ParsedInput, type StudentListPage } from '../api/contract';
import { visibleStudents, type Scope } from '../scope/scope';

/** Each sort key's column and tie-break (students.list and students.exportCsv sort alike). */
export const SORT_COLUMNS = {
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

/** The list's filters that live on `students` (flag and tier need their own joins). */
export type StudentFilterInput = Pick<
  ParsedInput<'students.list'>,
  'schoolId' | 'grade' | 'search'
>;

/**
 * A WHERE condition keeping the students in `scope` that match the school, grade and search
 * filters; the list and its CSV export use the same one, so an export holds exactly the list.
 */
export function studentFilters(scope: Scope, input: StudentFilterInput) {
  return (
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
}

/** One page of the scoped student list, sorted and filtered in SQL so 50,000 rows stay fast. */
export async function listStudents(
  db: Kysely<Database>,
  scope: Scope,
  input: ParsedInput<'students.list'>,
): Promise<StudentListPage> {
  const filters = studentFilters(scope, input);
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

  // The risk table joins the sort only when the page is sorted or filtered by risk; otherwise
  // the page's scores are read afterwards, for its rows alone (joining 50,000 students to their
  // scores before the top-N sort costs tens of milliseconds).
  const riskInQuery = input.sort === 'risk' || tier !== null;
  let query = db
    .selectFrom('students')
    .leftJoin('student_indicators as i', 'i.student_id', 'students.id')
    .leftJoin('student_risk as r', (join) =>
      join.onRef('r.student_id', '=', 'students.id').on(sql<boolean>`${riskInQuery ? 1 : 0} = 1`),
    )
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
    ])
    // Missing values sort last whichever way the column is sorted.
    .orderBy(primary, (ob) => (input.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy(tiebreak)
    .orderBy('students.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();

  const risk = await pageRisk(
    db,
    rows.map((r) => r.id),
  );

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
      riskScore: risk.get(r.id)?.score ?? null,
      riskTier: risk.get(r.id)?.tier ?? null,
      overrideTier: risk.get(r.id)?.override ?? null,
    })),
  };
}

/** The current score, tier and latest tier override of one page's students. */
async function pageRisk(db: Kysely<Database>, ids: string[]) {
  const out = new Map<
    string,
    { score: number | null; tier: RiskTier | null; override: RiskTier | null }
  >();
  if (ids.length === 0) return out;
  for (const r of await db
    .selectFrom('student_risk')
    .select(['student_id', 'score', 'tier'])
    .where('student_id', 'in', ids)
    .execute()) {
    out.set(r.student_id, { score: r.score, tier: r.tier, override: null });
  }
  // Oldest first, so the latest override of each student is the one left.
  for (const f of await db
    .selectFrom('risk_feedback')
    .select(['student_id', 'override_tier'])
    .where('student_id', 'in', ids)
    .where('verdict', '=', 'override')
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()) {
    const entry = out.get(f.student_id) ?? { score: null, tier: null, override: null };
    entry.override = f.override_tier;
    out.set(f.student_id, entry);
  }
  return out;
}
