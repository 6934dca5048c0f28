/**
 * The shared inputs every student's weekly features are computed against: the school year and
 * its weeks, each school's instructional days, sessions, sections, assignments and thresholds.
 * Small next to the per-student records (a few hundred thousand rows at 50,000 students), so
 * loaded once per run.
 */
import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import type { Thresholds } from '../indicators/thresholds';
import { dayNumber, SchoolWeeks } from './weeks';

/**
 * Bump when a feature's definition changes, so the next incremental run recomputes every row
 * instead of mixing old and new definitions.
 */
export const FEATURE_DEFINITIONS_VERSION = 1;

export interface SchoolYear {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface SectionInfo {
  courseId: string;
  credits: number;
  isCore: boolean;
  termStartDay: number;
  termEndDay: number;
}

export interface AssignmentInfo {
  sectionId: string;
  dueDay: number;
  points: number;
}

export interface PipelineContext {
  asOf: IsoDate;
  year: SchoolYear;
  weeks: SchoolWeeks;
  thresholds: Thresholds;
  sections: Map<string, SectionInfo>;
  /** Assignments due inside the year up to the data date (others never count). */
  assignments: Map<string, AssignmentInfo>;
  /** End day of every session, for "a grading period that ended by the week's end". */
  sessionEndDay: Map<string, number>;
  /** The instructional days (sorted day numbers inside the weeks' range) of a school. */
  calendarOf(schoolId: string): Int32Array;
  /** This year's semesters finished by `day` for a school (its own, else the district's). */
  semestersCompleted(schoolId: string, day: number): number;
}

/** The school year the data date falls in: the latest 'school_year' session begun by then. */
export function findSchoolYear(sqlite: SQLite.Database, asOf: IsoDate): SchoolYear | null {
  const row = sqlite
    .prepare(
      `SELECT id, start_date, end_date FROM academic_sessions
       WHERE session_type = 'school_year' AND deleted_at IS NULL AND start_date <= ?
       ORDER BY start_date DESC, id LIMIT 1`,
    )
    .get(asOf) as { id: string; start_date: string; end_date: string } | undefined;
  return row ? { id: row.id, startDate: row.start_date, endDate: row.end_date } : null;
}

/**
 * A school's instructional days: its own calendar rows, with district-wide rows (school_id
 * NULL) filling the dates the school has no row for. A school's own row wins, so a school can
 * close on a day the district is open.
 */
function loadCalendars(
  sqlite: SQLite.Database,
  weeks: SchoolWeeks,
): (schoolId: string) => Int32Array {
  const district = new Map<number, boolean>();
  const bySchool = new Map<string, Map<number, boolean>>();
  const rows = sqlite
    .prepare(
      `SELECT school_id, date, is_instructional FROM calendar_days
       WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
    )
    .raw()
    .iterate(weeks.yearStart, weeks.endDate) as IterableIterator<[string | null, string, number]>;
  for (const [schoolId, date, instructional] of rows) {
    let days = district;
    if (schoolId !== null) {
      days = bySchool.get(schoolId) ?? new Map();
      bySchool.set(schoolId, days);
    }
    days.set(dayNumber(date), instructional === 1);
  }
  const cache = new Map<string, Int32Array>();
  return (schoolId) => {
    let calendar = cache.get(schoolId);
    if (!calendar) {
      const merged = new Map(district);
      for (const [day, open] of bySchool.get(schoolId) ?? []) merged.set(day, open);
      const open = [...merged].filter(([, isOpen]) => isOpen).map(([day]) => day);
      calendar = Int32Array.from(open).sort();
      cache.set(schoolId, calendar);
    }
    return calendar;
  };
}

/**
 * Semesters of this school year finished by a day (refresh counts every year's; with one year
 * of data the two agree, with several only this year's belong in a freshman's pace).
 */
function loadSemesters(
  sqlite: SQLite.Database,
  weeks: SchoolWeeks,
): PipelineContext['semestersCompleted'] {
  const ends = new Map<string | null, number[]>();
  const rows = sqlite
    .prepare(
      `SELECT school_id, end_date FROM academic_sessions
       WHERE session_type = 'semester' AND deleted_at IS NULL`,
    )
    .raw()
    .all() as [string | null, string][];
  for (const [schoolId, endDate] of rows) {
    const list = ends.get(schoolId) ?? [];
    list.push(dayNumber(endDate));
    ends.set(schoolId, list);
  }
  const count = (schoolId: string | null, day: number) =>
    (ends.get(schoolId) ?? []).filter((end) => end >= weeks.yearStartDay && end <= day).length;
  return (schoolId, day) => count(schoolId, day) || count(null, day);
}

export function loadContext(
  sqlite: SQLite.Database,
  asOf: IsoDate,
  year: SchoolYear,
  thresholds: Thresholds,
): PipelineContext {
  const endDate = asOf < year.endDate ? asOf : year.endDate;
  const weeks = new SchoolWeeks(year.startDate, endDate);

  const sessionEndDay = new Map<string, number>();
  const sessionStartDay = new Map<string, number>();
  for (const [id, start, end] of sqlite
    .prepare('SELECT id, start_date, end_date FROM academic_sessions WHERE deleted_at IS NULL')
    .raw()
    .iterate() as IterableIterator<[string, string, string]>) {
    sessionStartDay.set(id, dayNumber(start));
    sessionEndDay.set(id, dayNumber(end));
  }

  const sections = new Map<string, SectionInfo>();
  for (const [id, courseId, termId, credits, isCore] of sqlite
    .prepare(
      `SELECT s.id, s.course_id, s.term_id, c.credits, c.is_core
       FROM sections s JOIN courses c ON c.id = s.course_id
       WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, string, number, number]>) {
    const termStartDay = sessionStartDay.get(termId);
    const termEndDay = sessionEndDay.get(termId);
    if (termStartDay === undefined || termEndDay === undefined) continue;
    sections.set(id, { courseId, credits, isCore: isCore === 1, termStartDay, termEndDay });
  }

  const assignments = new Map<string, AssignmentInfo>();
  for (const [id, sectionId, due, points] of sqlite
    .prepare(
      `SELECT id, section_id, due_date, points_possible FROM assignments
       WHERE deleted_at IS NULL AND due_date BETWEEN ? AND ?`,
    )
    .raw()
    .iterate(year.startDate, endDate) as IterableIterator<[string, string, string, number]>) {
    assignments.set(id, { sectionId, dueDay: dayNumber(due), points });
  }

  return {
    asOf,
    year,
    weeks,
    thresholds,
    sections,
    assignments,
    sessionEndDay,
    calendarOf: loadCalendars(sqlite, weeks),
    semestersCompleted: loadSemesters(sqlite, weeks),
  };
}

/**
 * A fingerprint of everything shared by all students: a change in any of it (a calendar day
 * closed, a section moved to another term, a threshold edited, a new definition) touches
 * every student, and no importer marks every student dirty for it. An incremental run whose
 * fingerprint differs from the last successful run's does a full backfill instead.
 */
export function sharedInputsKey(sqlite: SQLite.Database, thresholds: Thresholds): string {
  const tables = ['calendar_days', 'academic_sessions', 'sections', 'courses'];
  const parts: unknown[] = [FEATURE_DEFINITIONS_VERSION, thresholds];
  for (const table of tables) {
    parts.push(
      table,
      sqlite
        .prepare(
          `SELECT count(*), max(updated_at), total(version), count(deleted_at) FROM ${table}`,
        )
        .raw()
        .get(),
    );
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
