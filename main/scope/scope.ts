/**
 * Role scope: which students a signed-in staff member may see (DOMAIN.md, FERPA's
 * "legitimate educational interest"). Every student query goes through `visibleStudents`,
 * and every method that names a student is checked with `assertStudentVisible` at the router.
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { Database, StaffRole } from '../../db/schema';
import { ApiError, type ScopeKind } from '../api/contract';

export interface Scope {
  kind: ScopeKind;
  staffId: string;
  role: StaffRole;
  districtId: string;
  schoolId: string | null;
}

export function scopeFor(staff: {
  id: string;
  role: StaffRole;
  district_id: string;
  school_id: string | null;
}): Scope {
  const kind: ScopeKind =
    staff.role === 'teacher'
      ? 'sections'
      : staff.role === 'counselor'
        ? 'caseload'
        : staff.role === 'school_admin'
          ? 'school'
          : 'district';
  return {
    kind,
    staffId: staff.id,
    role: staff.role,
    districtId: staff.district_id,
    schoolId: staff.school_id,
  };
}

type StudentsEb = ExpressionBuilder<Database, 'students'>;

/** A WHERE condition on `students` that keeps only rows inside the scope (and not deleted). */
export function visibleStudents(scope: Scope): (eb: StudentsEb) => Expression<SqlBool> {
  return (eb) => {
    const live = eb('students.deleted_at', 'is', null);
    switch (scope.kind) {
      case 'sections':
        return eb.and([
          live,
          eb(
            'students.id',
            'in',
            eb
              .selectFrom('enrollments')
              .innerJoin(
                'section_teachers',
                'section_teachers.section_id',
                'enrollments.section_id',
              )
              .select('enrollments.student_id')
              .where('section_teachers.staff_id', '=', scope.staffId)
              .where('section_teachers.deleted_at', 'is', null)
              .where('enrollments.deleted_at', 'is', null),
          ),
        ]);
      case 'caseload':
        return eb.and([live, eb('students.counselor_id', '=', scope.staffId)]);
      case 'school':
        return eb.and([
          live,
          eb('students.district_id', '=', scope.districtId),
          eb('students.school_id', '=', scope.schoolId ?? ''),
        ]);
      case 'district':
        return eb.and([live, eb('students.district_id', '=', scope.districtId)]);
    }
  };
}

export async function isStudentVisible(
  db: Kysely<Database>,
  scope: Scope,
  studentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('students')
    .select(sql<number>`1`.as('one'))
    .where('students.id', '=', studentId)
    .where(visibleStudents(scope))
    .executeTakeFirst();
  return row !== undefined;
}

const outOfScope: Record<ScopeKind, string> = {
  sections: 'You can only see students enrolled in your own sections.',
  caseload: 'You can only see students on your caseload.',
  school: 'You can only see students at your school.',
  district: 'This student is not in your district.',
};

/** Refuses, with the same answer whether the student exists or not, so ids cannot be probed. */
export async function assertStudentVisible(
  db: Kysely<Database>,
  scope: Scope,
  studentId: string,
): Promise<void> {
  if (!(await isStudentVisible(db, scope, studentId))) {
    throw new ApiError('forbidden', outOfScope[scope.kind]);
  }
}

export function scopeLabel(scope: Scope, names: { staff: string; school: string | null }): string {
  switch (scope.kind) {
    case 'sections':
      return `${names.staff}'s sections`;
    case 'caseload':
      return `${names.staff}'s caseload`;
    case 'school':
      return names.school ?? 'Your school';
    case 'district':
      return 'All schools';
  }
}
