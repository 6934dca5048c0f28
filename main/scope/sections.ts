/**
 * Which sections a staff member may open or export a class report for (DOMAIN.md roles): a
 * teacher their own sections, a counselor any section of their school (its roster then lists
 * only their caseload), a school admin their school's sections, a district admin every section.
 */
import type SQLite from 'better-sqlite3';
import { ApiError, type ScopeKind } from '../api/contract';
import type { Scope } from './scope';

export function isSectionVisible(
  sqlite: SQLite.Database,
  scope: Scope,
  sectionId: string,
): boolean {
  const section = sqlite
    .prepare('SELECT district_id, school_id FROM sections WHERE id = ? AND deleted_at IS NULL')
    .get(sectionId) as { district_id: string; school_id: string | null } | undefined;
  if (!section || section.district_id !== scope.districtId) return false;
  switch (scope.kind) {
    case 'sections':
      return (
        sqlite
          .prepare(
            'SELECT 1 FROM section_teachers WHERE section_id = ? AND staff_id = ? AND deleted_at IS NULL',
          )
          .get(sectionId, scope.staffId) !== undefined
      );
    case 'caseload':
      // A counselor without a school works district-wide; their caseload still bounds the rows.
      return scope.schoolId === null || section.school_id === scope.schoolId;
    case 'school':
      return scope.schoolId !== null && section.school_id === scope.schoolId;
    case 'district':
      return true;
  }
}

const outOfScope: Record<ScopeKind, string> = {
  sections: 'You can only open sections you teach.',
  caseload: 'You can only open sections at your school.',
  school: 'You can only open sections at your school.',
  district: 'This section is not in your district.',
};

/** Refuses with the same answer whether the section exists or not, so ids cannot be probed. */
export function assertSectionVisible(
  sqlite: SQLite.Database,
  scope: Scope,
  sectionId: string,
): void {
  if (!isSectionVisible(sqlite, scope, sectionId)) {
    throw new ApiError('forbidden', outOfScope[scope.kind]);
  }
}
