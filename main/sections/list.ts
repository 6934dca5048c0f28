import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SectionSummary } from '../api/contract';
import { visibleStudents, type Scope } from '../scope/scope';

/** Enough for any one school's timetable; a district admin narrows by school. */
const MAX_SECTIONS = 1000;

/**
 * The sections a staff member works with, latest term first: a teacher's own; a counselor's
 * school's sections that enroll someone on their caseload; a school admin's school; a district
 * admin's district (or one school). Counts cover only students the caller may see.
 */
export async function listSections(
  db: Kysely<Database>,
  scope: Scope,
  schoolId: string | null,
): Promise<SectionSummary[]> {
  const dataAsOf =
    (
      await db
        .selectFrom('student_indicators')
        .select(sql<string | null>`max(as_of)`.as('on'))
        .executeTakeFirst()
    )?.on ?? null;
  // Counted on the same day the section view lists (the data date, kept inside the term), so
  // the list and the opened section agree.
  const onDay = sql`min(max(coalesce(${dataAsOf}, t.start_date), t.start_date), t.end_date)`;
  let query = db
    .selectFrom('sections as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('academic_sessions as t', 't.id', 's.term_id')
    .leftJoin('schools as sc', 'sc.id', 's.school_id')
    .innerJoin('enrollments as e', (join) =>
      join.onRef('e.section_id', '=', 's.id').on('e.deleted_at', 'is', null),
    )
    .innerJoin('students', 'students.id', 'e.student_id')
    .leftJoin('student_indicators as i', 'i.student_id', 'students.id')
    .leftJoin('student_risk as r', 'r.student_id', 'students.id')
    .where('s.deleted_at', 'is', null)
    .where('s.district_id', '=', scope.districtId)
    .where(visibleStudents(scope) as never)
    .where(
      sql<boolean>`e.begin_date <= ${onDay} AND (e.end_date IS NULL OR e.end_date >= ${onDay})`,
    );
  if (scope.kind === 'sections') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('section_teachers as x')
          .select(sql`1`.as('one'))
          .whereRef('x.section_id', '=', 's.id')
          .where('x.staff_id', '=', scope.staffId)
          .where('x.deleted_at', 'is', null),
      ),
    );
  } else if (scope.kind !== 'district' && scope.schoolId !== null) {
    query = query.where('s.school_id', '=', scope.schoolId);
  }
  if (schoolId !== null) query = query.where('s.school_id', '=', schoolId);
  const rows = await query
    .groupBy('s.id')
    .select([
      's.id',
      's.title',
      's.period',
      'c.title as course_title',
      't.title as term_title',
      't.start_date as term_start',
      'sc.name as school_name',
      sql<number>`count(DISTINCT students.id)`.as('students'),
      sql<number>`count(DISTINCT CASE WHEN i.flag_count > 0 THEN students.id END)`.as('flagged'),
      sql<number>`count(DISTINCT CASE WHEN r.tier = 'high' THEN students.id END)`.as('high_risk'),
      sql<
        string | null
      >`(SELECT group_concat(name, '|') FROM (SELECT st.given_name || ' ' || st.family_name AS name
         FROM section_teachers x JOIN staff st ON st.id = x.staff_id
         WHERE x.section_id = s.id AND x.deleted_at IS NULL
         ORDER BY x.is_primary DESC, st.family_name))`.as('teachers'),
    ])
    .orderBy('t.start_date', 'desc')
    .orderBy('s.period')
    .orderBy('c.title')
    .orderBy('s.id')
    .limit(MAX_SECTIONS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    courseTitle: r.course_title,
    period: r.period,
    termTitle: r.term_title,
    schoolName: r.school_name ?? '—',
    teachers: r.teachers ? r.teachers.split('|') : [],
    students: r.students,
    flagged: r.flagged,
    highRisk: r.high_risk,
  }));
}
