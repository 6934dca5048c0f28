/**
 * Who may import what. A district administrator imports anything for the whole district. A
 * school administrator imports the row formats for their own school. A teacher imports the
 * records of their own classes: attendance, grades, assignments, submissions, LMS activity and
 * assessment results, for students enrolled in their sections, each attendance or LMS row naming
 * one of those sections. Rows outside that scope are quarantined with a reason that does not
 * reveal whether the student exists elsewhere in the district.
 */
import type SQLite from 'better-sqlite3';
import { IMPORT_KINDS, type ImportKind, type StaffRole } from '../../db/schema';

export const IMPORT_KINDS_BY_ROLE: Record<StaffRole, readonly ImportKind[]> = {
  teacher: ['attendance', 'grades', 'assignments', 'submissions', 'lms_activity', 'assessments'],
  counselor: [],
  // Every row format; rosters come from the district.
  school_admin: IMPORT_KINDS.filter((k) => k !== 'oneroster'),
  district_admin: IMPORT_KINDS,
};

/** The roles that can import at all. */
export const IMPORTING_ROLES = (Object.keys(IMPORT_KINDS_BY_ROLE) as StaffRole[]).filter(
  (role) => IMPORT_KINDS_BY_ROLE[role].length > 0,
);

export function mayImport(role: StaffRole, kind: ImportKind): boolean {
  return IMPORT_KINDS_BY_ROLE[role].includes(kind);
}

/** Why a role cannot import a kind, in words that say who can. */
export function kindNotAllowed(role: StaffRole, kind: ImportKind): string {
  const allowed = IMPORT_KINDS_BY_ROLE[role];
  if (allowed.length === 0) return 'Your role does not import data; ask a district administrator.';
  const who =
    kind === 'oneroster' ? 'a district administrator' : 'a school or district administrator';
  return `This file is ${kindWords(kind)}, which ${who} imports. You can import: ${allowed.map(kindWords).join(', ')}.`;
}

function kindWords(kind: ImportKind): string {
  const words: Record<ImportKind, string> = {
    oneroster: 'a OneRoster roster',
    attendance: 'attendance',
    grades: 'grades',
    assignments: 'assignments',
    submissions: 'submissions',
    incidents: 'discipline incidents',
    lms_activity: 'LMS activity',
    xapi: 'xAPI statements',
    assessments: 'assessment results',
  };
  return words[kind];
}

/** The students and sections a scoped import may write records for. */
export interface ImportScope {
  /** "your sections" / "your school": how reasons name the scope. */
  label: string;
  students: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  /** Attendance and LMS rows must name one of the sections (a teacher's daily rows would be the school's). */
  sectionRequired: boolean;
}

interface StaffRow {
  role: StaffRole;
  school_id: string | null;
  deleted_at: number | null;
}

/**
 * The scope an import started by this staff member runs in, read when the import runs (so a
 * re-run after a roster change uses the current roster); null means the whole district.
 */
export function loadImportScope(sqlite: SQLite.Database, staffId: string): ImportScope | null {
  const staff = sqlite
    .prepare('SELECT role, school_id, deleted_at FROM staff WHERE id = ?')
    .get(staffId) as StaffRow | undefined;
  if (!staff || staff.deleted_at !== null) {
    // A removed account imports nothing: an empty scope quarantines every row with a reason.
    return { label: 'your scope', students: new Set(), sections: new Set(), sectionRequired: true };
  }
  const ids = (query: string, ...params: unknown[]) =>
    new Set(
      sqlite
        .prepare(query)
        .pluck()
        .all(...params) as string[],
    );
  switch (staff.role) {
    case 'district_admin':
      return null;
    case 'school_admin':
      return {
        label: 'your school',
        students: ids(
          'SELECT id FROM students WHERE school_id = ? AND deleted_at IS NULL',
          staff.school_id,
        ),
        sections: ids(
          'SELECT id FROM sections WHERE school_id = ? AND deleted_at IS NULL',
          staff.school_id,
        ),
        sectionRequired: false,
      };
    case 'teacher':
    case 'counselor': {
      const sections = ids(
        `SELECT section_id FROM section_teachers WHERE staff_id = ? AND deleted_at IS NULL`,
        staffId,
      );
      const students = ids(
        `SELECT DISTINCT e.student_id FROM enrollments e
         JOIN section_teachers t ON t.section_id = e.section_id
         WHERE t.staff_id = ? AND t.deleted_at IS NULL AND e.deleted_at IS NULL`,
        staffId,
      );
      return { label: 'your sections', students, sections, sectionRequired: true };
    }
  }
}
