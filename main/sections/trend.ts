import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import type { SectionView } from '../api/contract';

/**
 * The class week by week over its term, from the weekly features of the students on the roster:
 * their mean attendance rate that week, and their mean grade in this section.
 */
export function sectionTrend(
  sqlite: SQLite.Database,
  sectionId: string,
  studentIds: string[],
  term: { start: IsoDate; end: IsoDate },
): SectionView['trend'] {
  const ids = JSON.stringify(studentIds);
  const attendance = sqlite
    .prepare(
      `SELECT week_start, avg(attendance_rate_week) AS rate FROM student_features
       WHERE student_id IN (SELECT value FROM json_each(?)) AND week_start BETWEEN ? AND ?
       GROUP BY week_start ORDER BY week_start`,
    )
    .all(ids, weekOf(term.start), term.end) as { week_start: IsoDate; rate: number | null }[];
  const grades = new Map(
    (
      sqlite
        .prepare(
          `SELECT f.week_start, avg(json_extract(g.value, '$.grade')) AS grade
           FROM student_features f, json_each(f.section_grades_json) g
           WHERE f.student_id IN (SELECT value FROM json_each(?)) AND f.week_start BETWEEN ? AND ?
             AND json_extract(g.value, '$.sectionId') = ?
           GROUP BY f.week_start`,
        )
        .all(ids, weekOf(term.start), term.end, sectionId) as {
        week_start: IsoDate;
        grade: number | null;
      }[]
    ).map((r) => [r.week_start, r.grade]),
  );
  return attendance.map((w) => ({
    weekStart: w.week_start,
    attendanceRate: w.rate,
    averageGrade: grades.get(w.week_start) ?? null,
  }));
}

/** Weeks start on Monday; a term starting mid-week still includes its first week. */
function weekOf(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
