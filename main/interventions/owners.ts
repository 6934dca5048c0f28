import type SQLite from 'better-sqlite3';
import type { StaffRole } from '../../db/schema';

/**
 * Who may champion a student's intervention: the staff whose scope already includes the
 * student (their teachers, their counselor, their school's administrators), so the champion
 * can open the plan, check in and be reminded, without widening anyone's access.
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
         AND (
           (st.role = 'school_admin' AND st.school_id = s.school_id)
           OR (st.role = 'counselor' AND st.id = s.counselor_id)
           OR (st.role = 'teacher' AND EXISTS (
             SELECT 1 FROM section_teachers x
             JOIN enrollments e ON e.section_id = x.section_id AND e.deleted_at IS NULL
             WHERE x.staff_id = st.id AND x.deleted_at IS NULL AND e.student_id = s.id)))
       ORDER BY st.family_name, st.given_name, st.id`,
    )
    .all(studentId) as { id: string; name: string; role: StaffRole }[];
}
