import type SQLite from 'better-sqlite3';
import type { StaffRole } from '../../db/schema';

/**
 * Who may champion a student's intervention: the teachers, counselors and administrators of the
 * student's school, and the student's own counselor wherever they sit.
 */
export function eligibleOwners(
  sqlite: SQLite.Database,
  studentId: string,
): { id: string; name: string; role: StaffRole }[] {
  return sqlite
    .prepare(
      `SELECT st.id, st.given_name || ' ' || st.family_name AS name, st.role
       FROM staff st, students s
       WHERE s.id = ? AND st.deleted_at IS NULL
         AND st.role IN ('teacher', 'counselor', 'school_admin')
         AND (st.school_id = s.school_id OR st.id = s.counselor_id)
       ORDER BY st.family_name, st.given_name, st.id`,
    )
    .all(studentId) as { id: string; name: string; role: StaffRole }[];
}
