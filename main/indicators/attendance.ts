/**
 * Enrolled days and absences per student, and weekly attendance, from the school calendar
 * and the (exception-only) attendance events. Shared by the nightly indicator refresh and by
 * the on-the-fly trend for small scopes, so both count days the same way.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import { lowerBound, upperBound, weekStartOf } from './dates';

export interface AttendanceStudent {
  id: string;
  school_id: string;
  grade_level: number;
  entry_date: IsoDate;
  exit_date: IsoDate | null;
}

export interface AttendanceInputs {
  /** Instructional dates per school, sorted, up to the as-of date. */
  calendars: Map<string, string[]>;
  /** Dates absent (excused or unexcused, whole day) per student, up to the as-of date. */
  absences: Map<string, Set<string>>;
  unexcused: Map<string, Set<string>>;
  tardies: Map<string, Set<string>>;
}

/**
 * Loads calendars and daily attendance events up to `asOf`; `studentIds` narrows the events
 * to a scope (null = everyone).
 */
export function loadAttendanceInputs(
  sqlite: SQLite.Database,
  asOf: IsoDate,
  studentIds: string[] | null,
): AttendanceInputs {
  const calendars = new Map<string, string[]>();
  const days = sqlite
    .prepare(
      `SELECT school_id, date FROM calendar_days
       WHERE is_instructional = 1 AND deleted_at IS NULL AND date <= ? ORDER BY school_id, date`,
    )
    .all(asOf) as { school_id: string; date: string }[];
  for (const d of days) {
    let list = calendars.get(d.school_id);
    if (!list) calendars.set(d.school_id, (list = []));
    list.push(d.date);
  }

  const filter = studentIds ? 'AND student_id IN (SELECT value FROM json_each(?))' : '';
  const params: unknown[] = studentIds ? [asOf, JSON.stringify(studentIds)] : [asOf];
  const absences = new Map<string, Set<string>>();
  const unexcused = new Map<string, Set<string>>();
  const tardies = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, studentId: string, date: string) => {
    let set = map.get(studentId);
    if (!set) map.set(studentId, (set = new Set()));
    set.add(date);
  };
  const events = sqlite
    .prepare(
      `SELECT student_id, date, category FROM attendance_events
       WHERE section_id IS NULL AND deleted_at IS NULL AND date <= ? ${filter}`,
    )
    .iterate(...params) as IterableIterator<{ student_id: string; date: string; category: string }>;
  for (const e of events) {
    if (e.category === 'excused_absence' || e.category === 'unexcused_absence') {
      add(absences, e.student_id, e.date);
      if (e.category === 'unexcused_absence') add(unexcused, e.student_id, e.date);
    } else if (e.category === 'tardy') {
      add(tardies, e.student_id, e.date);
    }
  }
  return { calendars, absences, unexcused, tardies };
}

/** The instructional dates a student was enrolled for. */
export function enrolledDates(student: AttendanceStudent, inputs: AttendanceInputs): string[] {
  const calendar = inputs.calendars.get(student.school_id) ?? [];
  const from = lowerBound(calendar, student.entry_date);
  const to = student.exit_date ? upperBound(calendar, student.exit_date) : calendar.length;
  return calendar.slice(from, Math.max(from, to));
}

export interface AttendanceCounts {
  daysEnrolled: number;
  daysAbsent: number;
  daysUnexcused: number;
  daysTardy: number;
}

/** Counts school days only: events outside enrollment or on non-school days don't count. */
export function countAttendance(
  student: AttendanceStudent,
  inputs: AttendanceInputs,
): AttendanceCounts {
  const enrolled = enrolledDates(student, inputs);
  const count = (dates: Set<string> | undefined) => {
    let n = 0;
    if (dates) for (const date of enrolled) if (dates.has(date)) n++;
    return n;
  };
  return {
    daysEnrolled: enrolled.length,
    daysAbsent: count(inputs.absences.get(student.id)),
    daysUnexcused: count(inputs.unexcused.get(student.id)),
    daysTardy: count(inputs.tardies.get(student.id)),
  };
}

export interface WeeklyAttendance {
  enrolledDays: number;
  absentDays: number;
}

/** Adds each student's enrolled and absent days to `into`, keyed by `keyOf(student)` then week. */
export function accumulateWeekly(
  students: Iterable<AttendanceStudent>,
  inputs: AttendanceInputs,
  keyOf: (s: AttendanceStudent) => string,
  into: Map<string, Map<IsoDate, WeeklyAttendance>>,
): void {
  for (const student of students) {
    const key = keyOf(student);
    let weeks = into.get(key);
    if (!weeks) into.set(key, (weeks = new Map()));
    const absent = inputs.absences.get(student.id);
    for (const date of enrolledDates(student, inputs)) {
      const week = weekStartOf(date);
      let w = weeks.get(week);
      if (!w) weeks.set(week, (w = { enrolledDays: 0, absentDays: 0 }));
      w.enrolledDays++;
      if (absent?.has(date)) w.absentDays++;
    }
  }
}
