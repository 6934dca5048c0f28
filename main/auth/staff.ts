import { sql, type Kysely } from 'kysely';
import type { Database, Message, Staff } from '../../db/schema';
import type { StaffSummary } from '../api/contract';
import { message } from '../i18n/messages';

/** A staff member as the UI shows them, with a one-line description of what they can see. */
export async function staffSummary(db: Kysely<Database>, staff: Staff): Promise<StaffSummary> {
  const school = staff.school_id
    ? await db
        .selectFrom('schools')
        .select('name')
        .where('id', '=', staff.school_id)
        .executeTakeFirst()
    : undefined;
  let detail: Message;
  switch (staff.role) {
    case 'teacher': {
      const row = await db
        .selectFrom('section_teachers')
        .innerJoin('enrollments', 'enrollments.section_id', 'section_teachers.section_id')
        .select([
          sql<number>`count(DISTINCT section_teachers.section_id)`.as('sections'),
          sql<number>`count(DISTINCT enrollments.student_id)`.as('students'),
        ])
        .where('section_teachers.staff_id', '=', staff.id)
        .where('section_teachers.deleted_at', 'is', null)
        .where('enrollments.deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      detail = message('staffDetail.sections', {
        sections: message('staffDetail.sectionCount', { count: row.sections }),
        students: message('staffDetail.studentCount', { count: row.students }),
      });
      break;
    }
    case 'counselor': {
      const row = await db
        .selectFrom('students')
        .select(sql<number>`count(*)`.as('n'))
        .where('counselor_id', '=', staff.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      detail = message('staffDetail.caseload', { count: row.n });
      break;
    }
    case 'school_admin': {
      const row = await db
        .selectFrom('students')
        .select(sql<number>`count(*)`.as('n'))
        .where('school_id', '=', staff.school_id ?? '')
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      detail = message('staffDetail.school', { count: row.n });
      break;
    }
    case 'district_admin':
      detail = message('staffDetail.district');
      break;
  }
  return {
    id: staff.id,
    givenName: staff.given_name,
    familyName: staff.family_name,
    role: staff.role,
    schoolId: staff.school_id,
    schoolName: school?.name ?? null,
    detail,
  };
}
