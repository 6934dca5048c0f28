/**
 * End-of-term outcomes derived from the records a district imports, so a district whose SIS
 * exports no outcomes file still has labels to train on (`student_outcomes`, read by
 * dataset.ts). The rules are the ones the demo generator uses (db/seed/outcomes.ts) and the
 * label definition states (labels.ts), computed from rows any import can deliver:
 *
 * - **Which terms.** `semester` and `term` sessions (not nested inside another semester/term)
 *   that ended by the data date: `asOf`, by default the last school day with attendance or LMS
 *   data (`dataAsOf`, what the dashboards show). A term still running has no outcome yet.
 * - **Which students.** Live students with a school, for each term of their school (a school's
 *   own terms; the district's where the school has none overlapping), enrolled on at least one
 *   instructional day of it (`calendar_days`: the school's own rows, district rows filling the
 *   dates it has none for, as the pipeline counts) between `entry_date` and `exit_date`. One row
 *   per outcome for each such student and term, value 1 or 0, as the generator writes them: "did
 *   not fail" is a label too.
 * - **course_failure**: any final mark (`section_grades.is_final = 1`) of the term that is an F
 *   (`isFailing`: the letter when the SIS sent one, else the percentage below the district's
 *   failing grade, 60 by default). A final belongs to the term its grading period is, or is
 *   inside, else to its section's term. `detail` = the failed course codes. A term for which a
 *   school has no final posted at all is not judged for that school's students: grades are
 *   often posted days after a term ends, and writing 0 for everyone would teach the model that
 *   nobody failed. Those (term, school) pairs are reported in `withoutFinals`; re-run once the
 *   finals are imported.
 * - **chronic_absence**: absent (a daily excused or unexcused absence; OSS days arrive as
 *   excused absences) on at least 10% of the student's enrolled instructional days of the
 *   term. `detail` = "absent 12 of 85 enrolled days".
 * - **withdrawal**: `exit_date` inside the term, for a student the SIS marks withdrawn (or still
 *   active but gone before the term's last school day; an exit on or after it, or a graduation,
 *   is finishing the term, e.g. an 8th grader promoted out of a middle school). Exports do not
 *   say why a student left, so `detail` is `expelled` when the discipline records hold an
 *   expulsion in the term by the exit date, and otherwise `withdrawn`. labels.ts counts only
 *   `dropout` and `expelled` as the adverse outcome and leaves any other reason out of the term
 *   like a transfer ("withdrew for another or unrecorded reason"), so a derived `withdrawn` is
 *   neither a positive nor a negative: calling every unexplained exit a dropout would teach the
 *   model that moving house is a failure, and transfers are the larger share in most districts.
 *
 * Rows are written as synced rows with `source_system = 'derived'` and a stable source id
 * (`derived:<student>:<term>:<outcome>`), in one transaction, upserted: re-running changes
 * nothing, and a derived row no longer supported by the records (a student deleted, an exit
 * undone) is tombstoned. A row from any other source (a district's own recorded outcome) is
 * never touched: the table allows one row per student, term and outcome, and theirs wins.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate, OutcomeKind } from '../../db/schema';
import { lowerBound, upperBound } from '../indicators/dates';
import { dataAsOf } from '../indicators/refresh';
import { isChronicallyAbsent, isFailing } from '../indicators/rules';
import { DEFAULT_THRESHOLDS, Thresholds } from '../indicators/thresholds';
import { newId } from '../imports/write/ids';

/** What labels.ts's definition says: absent on at least 10% of enrolled school days. */
export const CHRONIC_ABSENCE_SHARE = 0.1;
export const DERIVED_SOURCE = 'derived';
/** The reason a derived withdrawal carries when the records do not say why the student left. */
export const UNKNOWN_WITHDRAWAL = 'withdrawn';

export interface OutcomeTerm {
  id: string;
  title: string;
  districtId: string;
  schoolId: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface DerivedOutcome {
  studentId: string;
  termId: string;
  outcome: OutcomeKind;
  value: 0 | 1;
  detail: string | null;
  districtId: string;
  schoolId: string;
}

export interface ComputedOutcomes {
  /** The data date the terms were judged against; null when there is no data at all. */
  asOf: IsoDate | null;
  /** Terms that ended by `asOf`. */
  terms: OutcomeTerm[];
  outcomes: DerivedOutcome[];
  /** Ended terms a school has no final grade for: its students get no course_failure row. */
  withoutFinals: { termId: string; schoolId: string }[];
}

export interface OutcomeOptions {
  /** Judge terms as of this date (default: the data date, `dataAsOf`). */
  asOf?: IsoDate;
}

export interface DeriveOutcomesOptions extends OutcomeOptions {
  /** Timestamp for the rows written (default: now). */
  now?: number;
}

export interface DeriveOutcomesResult {
  asOf: IsoDate | null;
  /** Ended terms judged. */
  terms: number;
  /** Outcome rows derived (student × term × outcome). */
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Derived rows left alone because a row from another source holds the same outcome. */
  kept: number;
  /** Earlier derived rows the records no longer support, tombstoned. */
  removed: number;
  withoutFinals: ComputedOutcomes['withoutFinals'];
}

interface StudentRow {
  id: string;
  district_id: string;
  school_id: string;
  entry_date: IsoDate;
  exit_date: IsoDate | null;
  enrollment_status: string;
}

function loadThresholds(sqlite: SQLite.Database): Thresholds {
  const json = sqlite
    .prepare(`SELECT value_json FROM settings WHERE key = 'thresholds'`)
    .pluck()
    .get() as string | undefined;
  return json ? Thresholds.parse(JSON.parse(json)) : DEFAULT_THRESHOLDS;
}

function overlaps(a: OutcomeTerm, b: OutcomeTerm): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/**
 * Computes every ended term's outcomes from the records, writing nothing. deriveOutcomes stores
 * them; tests compare them with what the demo generator recorded.
 */
export function computeOutcomes(
  sqlite: SQLite.Database,
  options: OutcomeOptions = {},
): ComputedOutcomes {
  const asOf = options.asOf ?? dataAsOf(sqlite);
  if (!asOf) return { asOf: null, terms: [], outcomes: [], withoutFinals: [] };
  const terms = (
    sqlite
      .prepare(
        `SELECT t.id, t.title, t.district_id, t.school_id, t.start_date, t.end_date
         FROM academic_sessions t
         WHERE t.session_type IN ('semester', 'term') AND t.deleted_at IS NULL AND t.end_date <= ?
           AND NOT EXISTS (SELECT 1 FROM academic_sessions p WHERE p.id = t.parent_id
             AND p.session_type IN ('semester', 'term') AND p.deleted_at IS NULL)
         ORDER BY t.start_date, t.end_date, t.id`,
      )
      .all(asOf) as {
      id: string;
      title: string;
      district_id: string;
      school_id: string | null;
      start_date: string;
      end_date: string;
    }[]
  ).map((t): OutcomeTerm => ({
    id: t.id,
    title: t.title,
    districtId: t.district_id,
    schoolId: t.school_id,
    startDate: t.start_date,
    endDate: t.end_date,
  }));
  if (terms.length === 0) return { asOf, terms, outcomes: [], withoutFinals: [] };
  const termIds = new Set(terms.map((t) => t.id));
  const from = terms.reduce((a, t) => (t.startDate < a ? t.startDate : a), terms[0]!.startDate);
  const to = terms.reduce((a, t) => (t.endDate > a ? t.endDate : a), terms[0]!.endDate);
  const thresholds = loadThresholds(sqlite);

  const students = sqlite
    .prepare(
      `SELECT id, district_id, school_id, entry_date, exit_date, enrollment_status FROM students
       WHERE deleted_at IS NULL AND school_id IS NOT NULL ORDER BY id`,
    )
    .all() as StudentRow[];
  const schoolOf = new Map(students.map((s) => [s.id, s.school_id]));

  // Calendars: district-wide rows (by district) overridden by a school's own rows.
  const districtDays = new Map<string, Map<IsoDate, boolean>>();
  const schoolDays = new Map<string, Map<IsoDate, boolean>>();
  for (const [districtId, schoolId, date, open] of sqlite
    .prepare(
      `SELECT district_id, school_id, date, is_instructional FROM calendar_days
       WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
    )
    .raw()
    .iterate(from, to) as IterableIterator<[string, string | null, IsoDate, number]>) {
    const map = schoolId === null ? districtDays : schoolDays;
    const key = schoolId ?? districtId;
    let days = map.get(key);
    if (!days) map.set(key, (days = new Map()));
    days.set(date, open === 1);
  }
  const calendars = new Map<string, { dates: IsoDate[]; set: Set<IsoDate> }>();
  const calendarOf = (schoolId: string, districtId: string) => {
    let calendar = calendars.get(schoolId);
    if (!calendar) {
      const merged = new Map(districtDays.get(districtId));
      for (const [date, open] of schoolDays.get(schoolId) ?? []) merged.set(date, open);
      const dates = [...merged]
        .filter(([, open]) => open)
        .map(([date]) => date)
        .sort();
      calendar = { dates, set: new Set(dates) };
      calendars.set(schoolId, calendar);
    }
    return calendar;
  };

  // A school's own terms; the district's only where the school has none overlapping.
  const termsBySchool = new Map<string, OutcomeTerm[]>();
  const termsOf = (schoolId: string, districtId: string) => {
    let list = termsBySchool.get(schoolId);
    if (!list) {
      const own = terms.filter((t) => t.schoolId === schoolId);
      const district = terms.filter(
        (t) =>
          t.schoolId === null && t.districtId === districtId && !own.some((o) => overlaps(o, t)),
      );
      list = [...own, ...district];
      termsBySchool.set(schoolId, list);
    }
    return list;
  };

  // Daily absences, distinct dates per student, sorted.
  const absences = new Map<string, IsoDate[]>();
  for (const [studentId, date] of sqlite
    .prepare(
      `SELECT DISTINCT student_id, date FROM attendance_events
       WHERE section_id IS NULL AND deleted_at IS NULL
         AND category IN ('excused_absence', 'unexcused_absence') AND date BETWEEN ? AND ?
       ORDER BY student_id, date`,
    )
    .raw()
    .iterate(from, to) as IterableIterator<[string, IsoDate]>) {
    let list = absences.get(studentId);
    if (!list) absences.set(studentId, (list = []));
    list.push(date);
  }

  // Final marks: which (term, school) pairs have finals posted, and each student's failures.
  const finalsPosted = new Set<string>();
  const failures = new Map<string, string[]>();
  for (const [studentId, letter, numeric, periodId, periodParent, sectionTerm, code] of sqlite
    .prepare(
      `SELECT g.student_id, g.letter, g.numeric_grade, g.grading_period_id, p.parent_id,
         s.term_id, coalesce(c.code, s.title)
       FROM section_grades g JOIN sections s ON s.id = g.section_id
       LEFT JOIN academic_sessions p ON p.id = g.grading_period_id
       LEFT JOIN courses c ON c.id = s.course_id
       WHERE g.is_final = 1 AND g.deleted_at IS NULL AND s.deleted_at IS NULL
       ORDER BY g.student_id, c.code, g.id`,
    )
    .raw()
    .iterate() as IterableIterator<
    [string, string | null, number | null, string, string | null, string, string]
  >) {
    const termId = [periodId, periodParent, sectionTerm].find(
      (id): id is string => id !== null && termIds.has(id),
    );
    const schoolId = schoolOf.get(studentId);
    if (!termId || !schoolId) continue;
    finalsPosted.add(`${termId}|${schoolId}`);
    if (isFailing({ letter, numeric }, thresholds)) {
      const key = `${studentId}|${termId}`;
      const list = failures.get(key) ?? [];
      if (!list.includes(code)) list.push(code);
      failures.set(key, list);
    }
  }

  // Expulsions, to tell an expelled student's exit from one whose reason is not recorded.
  const expulsions = new Map<string, IsoDate[]>();
  for (const [studentId, date] of sqlite
    .prepare(
      `SELECT student_id, date FROM discipline_incidents
       WHERE action = 'expulsion' AND deleted_at IS NULL ORDER BY student_id, date`,
    )
    .raw()
    .iterate() as IterableIterator<[string, IsoDate]>) {
    const list = expulsions.get(studentId) ?? [];
    list.push(date);
    expulsions.set(studentId, list);
  }

  const chronicThresholds = { ...thresholds, chronicAbsence: CHRONIC_ABSENCE_SHARE };
  const outcomes: DerivedOutcome[] = [];
  const withoutFinals = new Map<string, { termId: string; schoolId: string }>();
  for (const s of students) {
    const calendar = calendarOf(s.school_id, s.district_id);
    const absent = absences.get(s.id) ?? [];
    for (const term of termsOf(s.school_id, s.district_id)) {
      const first = s.entry_date > term.startDate ? s.entry_date : term.startDate;
      const last = s.exit_date !== null && s.exit_date < term.endDate ? s.exit_date : term.endDate;
      const enrolled =
        first > last ? 0 : upperBound(calendar.dates, last) - lowerBound(calendar.dates, first);
      if (enrolled <= 0) continue;
      let absentDays = 0;
      for (let i = lowerBound(absent, first); i < absent.length && absent[i]! <= last; i++) {
        if (calendar.set.has(absent[i]!)) absentDays++;
      }
      const row = (outcome: OutcomeKind, value: boolean, detail: string | null) =>
        outcomes.push({
          studentId: s.id,
          termId: term.id,
          outcome,
          value: value ? 1 : 0,
          detail,
          districtId: s.district_id,
          schoolId: s.school_id,
        });

      if (finalsPosted.has(`${term.id}|${s.school_id}`)) {
        const failed = failures.get(`${s.id}|${term.id}`) ?? [];
        row('course_failure', failed.length > 0, failed.length > 0 ? failed.join(', ') : null);
      } else {
        withoutFinals.set(`${term.id}|${s.school_id}`, { termId: term.id, schoolId: s.school_id });
      }

      row(
        'chronic_absence',
        isChronicallyAbsent(absentDays, enrolled, chronicThresholds),
        `absent ${absentDays} of ${enrolled} enrolled days`,
      );

      const exit = s.exit_date;
      const lastSchoolDay = calendar.dates[upperBound(calendar.dates, term.endDate) - 1];
      const withdrew =
        exit !== null &&
        exit >= term.startDate &&
        exit <= term.endDate &&
        (s.enrollment_status === 'withdrawn' ||
          (s.enrollment_status === 'active' &&
            lastSchoolDay !== undefined &&
            exit < lastSchoolDay));
      const expelled =
        withdrew && (expulsions.get(s.id) ?? []).some((d) => d >= term.startDate && d <= exit);
      row('withdrawal', withdrew, withdrew ? (expelled ? 'expelled' : UNKNOWN_WITHDRAWAL) : null);
    }
  }
  return { asOf, terms, outcomes, withoutFinals: [...withoutFinals.values()] };
}

interface ExistingRow {
  id: string;
  source_system: string | null;
  source_id: string | null;
  district_id: string;
  school_id: string | null;
  value: number;
  detail: string | null;
  deleted_at: number | null;
}

export function derivedSourceId(o: Pick<DerivedOutcome, 'studentId' | 'termId' | 'outcome'>) {
  return `${DERIVED_SOURCE}:${o.studentId}:${o.termId}:${o.outcome}`;
}

/**
 * Derives every ended term's outcomes and stores them (see the file comment), in one
 * transaction. Safe to re-run: only what the records changed is written.
 */
export function deriveOutcomes(
  sqlite: SQLite.Database,
  options: DeriveOutcomesOptions = {},
): DeriveOutcomesResult {
  const now = options.now ?? Date.now();
  return sqlite
    .transaction(() => {
      const computed = computeOutcomes(sqlite, options);
      const result: DeriveOutcomesResult = {
        asOf: computed.asOf,
        terms: computed.terms.length,
        rows: computed.outcomes.length,
        added: 0,
        updated: 0,
        unchanged: 0,
        kept: 0,
        removed: 0,
        withoutFinals: computed.withoutFinals,
      };
      if (computed.terms.length === 0) return result;

      const existing = new Map<string, ExistingRow>();
      for (const row of sqlite
        .prepare(
          `SELECT id, student_id, term_id, outcome, source_system, source_id, district_id,
           school_id, value, detail, deleted_at
         FROM student_outcomes WHERE term_id IN (SELECT value FROM json_each(?))`,
        )
        .iterate(JSON.stringify(computed.terms.map((t) => t.id))) as IterableIterator<
        ExistingRow & { student_id: string; term_id: string; outcome: OutcomeKind }
      >) {
        existing.set(`${row.student_id}|${row.term_id}|${row.outcome}`, row);
      }

      const insert = sqlite.prepare(
        `INSERT INTO student_outcomes (id, district_id, school_id, source_system, source_id,
         created_at, updated_at, deleted_at, version, student_id, term_id, outcome, value, detail)
       VALUES (?, ?, ?, '${DERIVED_SOURCE}', ?, ?, ?, NULL, 0, ?, ?, ?, ?, ?)`,
      );
      const update = sqlite.prepare(
        `UPDATE student_outcomes SET district_id = ?, school_id = ?, source_id = ?, value = ?,
         detail = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
      );
      const tombstone = sqlite.prepare(
        'UPDATE student_outcomes SET deleted_at = ?, updated_at = ? WHERE id = ?',
      );

      const seen = new Set<string>();
      for (const o of computed.outcomes) {
        const key = `${o.studentId}|${o.termId}|${o.outcome}`;
        seen.add(key);
        const sourceId = derivedSourceId(o);
        const row = existing.get(key);
        if (!row) {
          insert.run(
            newId(),
            o.districtId,
            o.schoolId,
            sourceId,
            now,
            now,
            o.studentId,
            o.termId,
            o.outcome,
            o.value,
            o.detail,
          );
          result.added++;
        } else if (row.source_system !== DERIVED_SOURCE) {
          result.kept++;
        } else if (
          row.deleted_at === null &&
          row.value === o.value &&
          row.detail === o.detail &&
          row.district_id === o.districtId &&
          row.school_id === o.schoolId &&
          row.source_id === sourceId
        ) {
          result.unchanged++;
        } else {
          update.run(o.districtId, o.schoolId, sourceId, o.value, o.detail, now, row.id);
          result.updated++;
        }
      }
      for (const [key, row] of existing) {
        if (row.source_system === DERIVED_SOURCE && row.deleted_at === null && !seen.has(key)) {
          tombstone.run(now, now, row.id);
          result.removed++;
        }
      }
      return result;
    })
    .immediate();
}
