/**
 * Recomputes every student's current indicators and transparent flags (`student_indicators`)
 * and the weekly attendance rollup (`attendance_weekly`) from the raw records, in one
 * transaction so readers never see half a refresh. The weekly feature pipeline of a later
 * issue builds on the same rules.
 */
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { IsoDate, StudentIndicatorTable } from '../../db/schema';
import type { Store } from '../store/open';
import {
  accumulateWeekly,
  countAttendance,
  loadAttendanceInputs,
  type AttendanceStudent,
  type WeeklyAttendance,
} from './attendance';
import {
  attendanceRate,
  attendanceTier,
  gpa,
  gradePoints,
  isChronicallyAbsent,
  isFailing,
  isLowGpa,
  isOffTrack,
} from './rules';
import { loadThresholds, type Thresholds } from './thresholds';

/** The date the data runs to: the last school day with any attendance or LMS record. */
export function dataAsOf(sqlite: SQLite.Database): IsoDate | null {
  const latest = sqlite
    .prepare(
      `SELECT max(d) FROM (
         SELECT max(date) AS d FROM attendance_events WHERE deleted_at IS NULL
         UNION ALL SELECT max(date) FROM lms_activity WHERE deleted_at IS NULL)`,
    )
    .pluck()
    .get() as string | null;
  if (!latest) return null;
  const lastSchoolDay = sqlite
    .prepare(
      'SELECT max(date) FROM calendar_days WHERE is_instructional = 1 AND deleted_at IS NULL AND date <= ?',
    )
    .pluck()
    .get(latest) as string | null;
  return lastSchoolDay ?? latest;
}

interface Mark {
  section_id: string;
  course_id: string;
  letter: string | null;
  numeric_grade: number | null;
  is_final: 0 | 1;
  period_end: string;
  credits: number;
  is_core: 0 | 1;
}

interface GradeSummary {
  gpa: number | null;
  failingSections: number;
  lowestGrade: number | null;
  creditsEarned: number;
  coreSemesterFailures: number;
  anyFinalF: boolean;
}

/**
 * Each section's standing is its latest mark (the final one when a period has both).
 * Credits are earned by passing finals: a course's credits are shared among the sections the
 * student takes of it, so a year-long course taught as fall + spring sections earns half each.
 */
function summariseGrades(
  marks: Mark[],
  sectionsOfCourse: (courseId: string) => number,
  t: Thresholds,
): GradeSummary {
  const latest = new Map<string, Mark>();
  let creditsEarned = 0;
  let coreSemesterFailures = 0;
  let anyFinalF = false;
  for (const m of marks) {
    const mark = { letter: m.letter, numeric: m.numeric_grade };
    if (m.is_final) {
      if (isFailing(mark, t)) {
        anyFinalF = true;
        if (m.is_core) coreSemesterFailures++;
      } else if (gradePoints(mark, t) !== null) {
        creditsEarned += m.credits / Math.max(1, sectionsOfCourse(m.course_id));
      }
    }
    const prev = latest.get(m.section_id);
    if (
      !prev ||
      m.period_end > prev.period_end ||
      (m.period_end === prev.period_end && m.is_final > prev.is_final)
    ) {
      latest.set(m.section_id, m);
    }
  }
  let failingSections = 0;
  let lowestGrade: number | null = null;
  const weighted: { points: number | null; credits: number }[] = [];
  for (const m of latest.values()) {
    const mark = { letter: m.letter, numeric: m.numeric_grade };
    if (isFailing(mark, t)) failingSections++;
    if (m.numeric_grade !== null) {
      lowestGrade = lowestGrade === null ? m.numeric_grade : Math.min(lowestGrade, m.numeric_grade);
    }
    weighted.push({ points: gradePoints(mark, t), credits: m.credits });
  }
  return {
    gpa: gpa(weighted),
    failingSections,
    lowestGrade,
    creditsEarned,
    coreSemesterFailures,
    anyFinalF,
  };
}

function groupBy<T extends { student_id: string }>(rows: Iterable<T>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    let list = map.get(row.student_id);
    if (!list) map.set(row.student_id, (list = []));
    list.push(row);
  }
  return map;
}

function countsBy(sqlite: SQLite.Database, query: string, ...params: unknown[]) {
  const map = new Map<string, { a: number; b: number }>();
  for (const row of sqlite.prepare(query).iterate(...params) as IterableIterator<{
    student_id: string;
    a: number;
    b: number;
  }>) {
    map.set(row.student_id, { a: row.a, b: row.b });
  }
  return map;
}

export interface RefreshResult {
  asOf: IsoDate | null;
  students: number;
}

export async function refreshIndicators(
  store: Store,
  now: number = Date.now(),
): Promise<RefreshResult> {
  const { sqlite } = store;
  const t = await loadThresholds(store.db);
  const asOf = dataAsOf(sqlite);
  if (!asOf) {
    sqlite.exec('DELETE FROM student_indicators; DELETE FROM attendance_weekly;');
    return { asOf: null, students: 0 };
  }

  const students = sqlite
    .prepare(
      `SELECT id, district_id, school_id, grade_level, entry_date, exit_date FROM students
       WHERE deleted_at IS NULL AND school_id IS NOT NULL AND entry_date <= ?`,
    )
    .all(asOf) as (AttendanceStudent & { district_id: string })[];
  const attendance = loadAttendanceInputs(sqlite, asOf, null);

  const incidents = countsBy(
    sqlite,
    `SELECT student_id, count(DISTINCT date) AS a,
            sum(action IN ('in_school_suspension', 'out_of_school_suspension', 'expulsion')) AS b
     FROM discipline_incidents WHERE deleted_at IS NULL AND date <= ? GROUP BY student_id`,
    asOf,
  );
  const submissions = countsBy(
    sqlite,
    `SELECT s.student_id, sum(s.status = 'missing') AS a, sum(s.status != 'excused') AS b
     FROM submissions s JOIN assignments a ON a.id = s.assignment_id
     WHERE s.deleted_at IS NULL AND a.due_date <= ? GROUP BY s.student_id`,
    asOf,
  );
  const lms = countsBy(
    sqlite,
    `SELECT student_id, count(DISTINCT date) AS a, 0 AS b
     FROM lms_activity WHERE deleted_at IS NULL AND date <= ? GROUP BY student_id`,
    asOf,
  );
  const marks = groupBy(
    sqlite
      .prepare(
        `SELECT g.student_id, g.section_id, s.course_id, g.letter, g.numeric_grade, g.is_final,
                gp.end_date AS period_end, c.credits, c.is_core
         FROM section_grades g
         JOIN academic_sessions gp ON gp.id = g.grading_period_id
         JOIN sections s ON s.id = g.section_id
         JOIN courses c ON c.id = s.course_id
         WHERE g.deleted_at IS NULL AND gp.start_date <= ?`,
      )
      .iterate(asOf) as IterableIterator<Mark & { student_id: string }>,
  );
  const courseSections = new Map<string, number>();
  for (const row of sqlite
    .prepare(
      `SELECT e.student_id || '|' || s.course_id AS k, count(*) AS n
       FROM enrollments e JOIN sections s ON s.id = e.section_id
       WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL GROUP BY e.student_id, s.course_id`,
    )
    .iterate() as IterableIterator<{ k: string; n: number }>) {
    courseSections.set(row.k, row.n);
  }
  const semestersCompleted = sqlite
    .prepare(
      `SELECT school_id, count(*) AS n FROM academic_sessions
       WHERE session_type = 'semester' AND deleted_at IS NULL AND end_date <= ? GROUP BY school_id`,
    )
    .all(asOf) as { school_id: string | null; n: number }[];
  const semestersFor = (schoolId: string) =>
    semestersCompleted.find((s) => s.school_id === schoolId)?.n ??
    semestersCompleted.find((s) => s.school_id === null)?.n ??
    0;

  const rows: Insertable<StudentIndicatorTable>[] = [];
  for (const s of students) {
    const { daysEnrolled, daysAbsent, daysUnexcused, daysTardy } = countAttendance(s, attendance);
    const rate = attendanceRate(daysAbsent, daysEnrolled);
    const inc = incidents.get(s.id) ?? { a: 0, b: 0 };
    const sub = submissions.get(s.id);
    const grades = summariseGrades(
      marks.get(s.id) ?? [],
      (courseId) => courseSections.get(`${s.id}|${courseId}`) ?? 1,
      t,
    );
    const flags = {
      flag_chronic_absence: isChronicallyAbsent(daysAbsent, daysEnrolled, t),
      flag_course_failure: grades.failingSections > 0 || grades.anyFinalF,
      flag_low_gpa: isLowGpa(grades.gpa, t),
      flag_suspension: inc.b > 0,
    };
    const offTrack =
      s.grade_level === 9
        ? isOffTrack(
            {
              creditsEarned: grades.creditsEarned,
              coreSemesterFailures: grades.coreSemesterFailures,
              semestersCompleted: semestersFor(s.school_id),
            },
            t,
          )
        : null;
    const bit = (b: boolean) => (b ? 1 : 0) as 0 | 1;
    rows.push({
      student_id: s.id,
      district_id: s.district_id,
      school_id: s.school_id,
      as_of: asOf,
      days_enrolled: daysEnrolled,
      days_absent: daysAbsent,
      attendance_rate: rate,
      unexcused_absences: daysUnexcused,
      tardies: daysTardy,
      incident_days: inc.a,
      incident_rate: daysEnrolled > 0 ? inc.a / daysEnrolled : null,
      suspensions: inc.b,
      gpa: grades.gpa,
      failing_sections: grades.failingSections,
      lowest_grade: grades.lowestGrade,
      missing_rate: sub && sub.b > 0 ? sub.a / sub.b : null,
      lms_active_days: lms.get(s.id)?.a ?? 0,
      core_credits_earned: s.grade_level === 9 ? grades.creditsEarned : null,
      attendance_tier: attendanceTier(rate, t),
      flag_chronic_absence: bit(flags.flag_chronic_absence),
      flag_course_failure: bit(flags.flag_course_failure),
      flag_low_gpa: bit(flags.flag_low_gpa),
      flag_suspension: bit(flags.flag_suspension),
      flag_off_track: offTrack === null ? null : bit(offTrack),
      flag_count: Object.values(flags).filter(Boolean).length + (offTrack ? 1 : 0),
      computed_at: now,
    });
  }

  const weekly = new Map<string, Map<IsoDate, WeeklyAttendance>>();
  accumulateWeekly(students, attendance, (s) => `${s.school_id}|${s.grade_level}`, weekly);

  const insertIndicator = sqlite.prepare(
    `INSERT INTO student_indicators (${Object.keys(rows[0] ?? { student_id: 1 }).join(', ')})
     VALUES (${Object.keys(rows[0] ?? { student_id: 1 })
       .map((k) => `@${k}`)
       .join(', ')})`,
  );
  const insertWeek = sqlite.prepare(
    `INSERT INTO attendance_weekly (school_id, grade_level, week_start, enrolled_days, absent_days)
     VALUES (?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM student_indicators; DELETE FROM attendance_weekly;');
    for (const row of rows) insertIndicator.run(row);
    for (const [key, weeks] of weekly) {
      const [schoolId, grade] = key.split('|');
      for (const [week, w] of weeks) {
        insertWeek.run(schoolId, Number(grade), week, w.enrolledDays, w.absentDays);
      }
    }
  })();
  return { asOf, students: rows.length };
}
