/**
 * School days where no calendar is on record. OneRoster carries no calendar, and without
 * instructional days no attendance rate (and no chronic absence) can be computed. For a school
 * whose calendar rows are all derived (or absent), every weekday inside a school year on which
 * any of its students has an attendance event is taken as an instructional day: attendance is
 * recorded as exceptions, and a school day on which not one student was absent or late happens
 * only in a very small school. Days are written as `derived` rows; a calendar the district
 * provides itself (any other row for the school) turns this off for that school.
 */
import type SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { IsoDate } from '../../db/schema';

export interface InferredDays {
  /** School id → the earliest day added this time. */
  added: Map<string, IsoDate>;
  days: number;
}

export function inferSchoolDays(sqlite: SQLite.Database, now = Date.now()): InferredDays {
  const schools = sqlite
    .prepare(
      `SELECT id FROM schools s WHERE s.deleted_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM calendar_days c WHERE c.school_id = s.id
           AND c.source_system IS NOT 'derived')`,
    )
    .pluck()
    .all() as string[];
  const added = new Map<string, IsoDate>();
  if (schools.length === 0) return { added, days: 0 };
  const days = sqlite
    .prepare(
      `SELECT DISTINCT st.district_id, a.date FROM attendance_events a
       JOIN students st ON st.id = a.student_id
       WHERE st.school_id = ? AND a.deleted_at IS NULL
         AND strftime('%w', a.date) NOT IN ('0', '6')
         AND EXISTS (SELECT 1 FROM academic_sessions y WHERE y.session_type = 'school_year'
           AND y.deleted_at IS NULL AND a.date BETWEEN y.start_date AND y.end_date)
       ORDER BY a.date`,
    )
    .raw();
  const insert = sqlite.prepare(
    `INSERT INTO calendar_days (id, district_id, school_id, source_system, source_id, created_at,
       updated_at, deleted_at, version, date, is_instructional)
     VALUES (?, ?, ?, 'derived', ?, ?, ?, NULL, 0, ?, 1)
     ON CONFLICT DO NOTHING`,
  );
  let count = 0;
  for (const school of schools) {
    const rows = days.all(school) as [string, IsoDate][];
    for (const [districtId, date] of rows) {
      const changed = insert.run(
        uuidv7(),
        districtId,
        school,
        `derived:calendar:${school}:${date}`,
        now,
        now,
        date,
      ).changes;
      if (changed > 0) {
        count++;
        const first = added.get(school);
        if (first === undefined || date < first) added.set(school, date);
      }
    }
  }
  return { added, days: count };
}

/**
 * A school day added to the calendar changes every student's enrolled days from that week on:
 * mark them all for the incremental pipeline.
 */
export function markSchoolsDirty(sqlite: SQLite.Database, added: Map<string, IsoDate>): void {
  const mark = sqlite.prepare(
    `INSERT INTO feature_dirty (student_id, from_date)
     SELECT id, ? FROM students WHERE school_id = ? AND deleted_at IS NULL
     ON CONFLICT (student_id) DO UPDATE SET from_date = min(from_date, excluded.from_date)`,
  );
  for (const [school, from] of added) mark.run(from, school);
}
