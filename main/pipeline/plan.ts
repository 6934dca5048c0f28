/**
 * Which students a run recomputes, and from which week. A backfill takes everyone from the
 * first week. An incremental run takes:
 * - students marked in `feature_dirty`, from the week of their mark;
 * - everyone from the week of the previous data date when the data date moved (the last,
 *   partial week's cutoff and the new weeks change for every student);
 * - students whose rows no longer match their record (new, moved school or grade, entry or
 *   exit outside the rows' span), a safety net behind the importers' marks;
 * - students who should have no rows this year (tombstoned, left before it) but do.
 * Rows of the year's weeks are replaced per student from the chosen week on; weeks before
 * the year are never touched.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import type { PipelineContext } from './context';
import type { StudentRecord } from './raw-inputs';
import { enrolledWeekRange } from './student-weeks';

export interface WorkItem {
  studentId: string;
  /** Null: no rows belong to this student this year; remove theirs. */
  student: StudentRecord | null;
  /** First week index to rewrite. */
  fromWeek: number;
}

export function weekOfDate(ctx: PipelineContext, date: IsoDate): number {
  return Math.min(ctx.weeks.count, Math.max(0, ctx.weeks.indexOf(date)));
}

type StudentWithRows = StudentRecord & {
  /** "week|school|grade|district" of the student's first row this year, or null. */
  first_row: string | null;
  last_week: string | null;
};

function loadStudents(sqlite: SQLite.Database, ctx: PipelineContext): StudentWithRows[] {
  // Two index seeks per student (first and last row), not a scan of the feature table.
  const rowsOf = `FROM student_features f WHERE f.student_id = s.id AND f.week_start >= @firstWeek`;
  return sqlite
    .prepare(
      `SELECT s.id, s.district_id, s.school_id, s.grade_level, s.entry_date, s.exit_date,
              (SELECT f.week_start || '|' || f.school_id || '|' || f.grade_level || '|' || f.district_id
               ${rowsOf} ORDER BY f.week_start LIMIT 1) AS first_row,
              (SELECT max(f.week_start) ${rowsOf}) AS last_week
       FROM students s
       WHERE s.deleted_at IS NULL AND s.school_id IS NOT NULL
       ORDER BY s.id`,
    )
    .all({ firstWeek: ctx.weeks.start(0) }) as StudentWithRows[];
}

/** Students with rows this year who must have none: tombstoned or without a school. */
function studentsToRemove(sqlite: SQLite.Database, ctx: PipelineContext): string[] {
  return sqlite
    .prepare(
      `SELECT s.id FROM students s
       WHERE (s.deleted_at IS NOT NULL OR s.school_id IS NULL)
         AND EXISTS (SELECT 1 FROM student_features f WHERE f.student_id = s.id AND f.week_start >= ?)`,
    )
    .pluck()
    .all(ctx.weeks.start(0)) as string[];
}

export interface PlanInput {
  mode: 'incremental' | 'backfill';
  /** The data date the current rows were computed with (the last successful run's). */
  previousAsOf: IsoDate | null;
}

export function planWork(
  sqlite: SQLite.Database,
  ctx: PipelineContext,
  input: PlanInput,
): WorkItem[] {
  const items = new Map<string, WorkItem>();
  const want = (studentId: string, student: StudentRecord | null, fromWeek: number) => {
    const item = items.get(studentId);
    if (item) item.fromWeek = Math.min(item.fromWeek, fromWeek);
    else items.set(studentId, { studentId, student, fromWeek });
  };

  const students = loadStudents(sqlite, ctx);
  const backfill = input.mode === 'backfill';
  const frontier =
    !backfill && input.previousAsOf !== ctx.asOf && input.previousAsOf !== null
      ? weekOfDate(
          ctx,
          input.previousAsOf < ctx.weeks.endDate ? input.previousAsOf : ctx.weeks.endDate,
        )
      : null;
  const byId = new Map<string, StudentRecord>();
  for (const s of students) {
    const student: StudentRecord = {
      id: s.id,
      district_id: s.district_id,
      school_id: s.school_id,
      grade_level: s.grade_level,
      entry_date: s.entry_date,
      exit_date: s.exit_date,
    };
    byId.set(s.id, student);
    const range = enrolledWeekRange(student, ctx);
    const hasRows = s.first_row !== null;
    if (backfill) {
      if (range || hasRows) want(s.id, student, 0);
      continue;
    }
    if (frontier !== null && (range || hasRows)) want(s.id, student, frontier);
    if (!range) {
      if (hasRows) want(s.id, student, 0);
      continue;
    }
    const expectedFirst = `${ctx.weeks.start(range.first)}|${s.school_id}|${s.grade_level}|${s.district_id}`;
    if (s.first_row !== expectedFirst) {
      want(s.id, student, 0);
    } else if (ctx.weeks.indexOf(s.last_week!) !== range.last) {
      want(s.id, student, Math.min(ctx.weeks.indexOf(s.last_week!), range.last));
    }
  }

  for (const id of studentsToRemove(sqlite, ctx)) want(id, null, 0);
  // Every mark is consumed, even one for a student who gets no rows, so marks never pile up.
  for (const [studentId, fromDate] of sqlite
    .prepare('SELECT student_id, from_date FROM feature_dirty')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    want(studentId, byId.get(studentId) ?? null, weekOfDate(ctx, fromDate));
  }
  return [...items.values()].sort((a, b) =>
    a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0,
  );
}
