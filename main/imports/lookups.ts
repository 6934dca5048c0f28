import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../db/schema';
import type { ImportScope } from './scope';

export interface StudentRef {
  id: string;
  districtId: string;
  schoolId: string | null;
}
export interface SectionRef {
  id: string;
  districtId: string;
  schoolId: string | null;
  /** The section's term and its dates, to tell same-titled grading periods of other years apart. */
  termId?: string;
  termStart?: IsoDate;
  termEnd?: IsoDate;
}
export interface SessionRef {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate;
  title?: string;
}
export interface AssignmentRef {
  id: string;
  sectionId: string;
  dueDate: IsoDate;
  pointsPossible: number;
}

/** The schema's default for districts.timezone. */
const DEFAULT_TIME_ZONE = 'America/Chicago';

function load<T>(
  sqlite: SQLite.Database,
  query: string,
  keysOf: (row: Record<string, unknown>) => (string | null)[],
  refOf: (row: Record<string, unknown>) => T,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of sqlite.prepare(query).iterate() as IterableIterator<Record<string, unknown>>) {
    const ref = refOf(row);
    for (const key of keysOf(row)) {
      // The first spelling wins: a source id is never shadowed by another row's student number.
      if (key && !map.has(key)) map.set(key, ref);
    }
  }
  return map;
}

/**
 * The forgiving spelling of an id: case ignored, and the leading zeros a spreadsheet strips
 * from "000123" ignored too. Used only when the exact spelling matches nothing.
 */
export function looseKey(key: string): string {
  const k = key.trim().toLowerCase();
  return /^\d+$/.test(k) ? k.replace(/^0+(?=\d)/, '') : k;
}

/** Loose spelling → the one row it names; null when two different rows share it. */
function loosen<T extends { id: string }>(exact: Map<string, T>): Map<string, T | null> {
  const loose = new Map<string, T | null>();
  for (const [key, ref] of exact) {
    const k = looseKey(key);
    const prev = loose.get(k);
    if (prev === undefined) loose.set(k, ref);
    else if (prev !== null && prev.id !== ref.id) loose.set(k, null);
  }
  return loose;
}

export type LookupCache = 'students' | 'sections' | 'periods' | 'assignments' | 'schoolYears';

/**
 * Resolves the ids an export uses (a SIS id, a student number, a OneRoster sourcedId) to our
 * rows. Loaded once per file and kept in memory: 50,000 students is a few MB, and one hash
 * lookup per row is what keeps millions of rows fast.
 */
export class Lookups {
  readonly #sqlite: SQLite.Database;
  #students?: Map<string, StudentRef>;
  #looseStudents?: Map<string, StudentRef | null>;
  #sections?: Map<string, SectionRef>;
  #looseSections?: Map<string, SectionRef | null>;
  #periods?: Map<string, SessionRef>;
  #periodsByTitle?: Map<string, SessionRef[]>;
  #assignments?: Map<string, AssignmentRef>;
  #schoolYears?: SessionRef[];
  #timeZones?: Map<string, string>;
  #outside = new Map<IsoDate, string | null>();

  /** Null: the whole district. Otherwise ids outside it resolve to nothing (see scope.ts). */
  readonly scope: ImportScope | null;

  constructor(sqlite: SQLite.Database, scope: ImportScope | null = null) {
    this.#sqlite = sqlite;
    this.scope = scope;
  }

  /**
   * By source id first, then by student number (then our own id); when no spelling matches
   * exactly, case and leading zeros are ignored if that still names exactly one student.
   * A student outside the import's scope is not found.
   */
  student(key: string): StudentRef | undefined {
    const ref = this.#student(key);
    return ref && (!this.scope || this.scope.students.has(ref.id)) ? ref : undefined;
  }

  #student(key: string): StudentRef | undefined {
    this.#students ??= load(
      this.#sqlite,
      `SELECT id, district_id, school_id, source_id, student_number FROM students
       WHERE deleted_at IS NULL ORDER BY source_id IS NULL`,
      (r) => [r.source_id as string | null, r.student_number as string, r.id as string],
      (r) => ({
        id: r.id as string,
        districtId: r.district_id as string,
        schoolId: r.school_id as string | null,
      }),
    );
    const exact = this.#students.get(key);
    if (exact || key === '') return exact;
    this.#looseStudents ??= loosen(this.#students);
    return this.#looseStudents.get(looseKey(key)) ?? undefined;
  }

  /** By source id, then our own id; case-insensitively when that names exactly one section. */
  section(key: string): SectionRef | undefined {
    const ref = this.#section(key);
    return ref && (!this.scope || this.scope.sections.has(ref.id)) ? ref : undefined;
  }

  #section(key: string): SectionRef | undefined {
    this.#sections ??= load(
      this.#sqlite,
      `SELECT s.id, s.district_id, s.school_id, s.source_id, s.term_id,
              t.start_date AS term_start, t.end_date AS term_end
       FROM sections s LEFT JOIN academic_sessions t ON t.id = s.term_id
       WHERE s.deleted_at IS NULL`,
      (r) => [r.source_id as string | null, r.id as string],
      (r) => ({
        id: r.id as string,
        districtId: r.district_id as string,
        schoolId: r.school_id as string | null,
        termId: r.term_id as string,
        termStart: (r.term_start as IsoDate | null) ?? undefined,
        termEnd: (r.term_end as IsoDate | null) ?? undefined,
      }),
    );
    const exact = this.#sections.get(key);
    if (exact || key === '') return exact;
    this.#looseSections ??= loosen(this.#sections);
    return this.#looseSections.get(looseKey(key)) ?? undefined;
  }

  /** A grading period (or term) by source id or by its title, case-insensitive. */
  gradingPeriod(key: string): SessionRef | undefined {
    this.#loadPeriods();
    return this.#periods!.get(key) ?? this.#periodsByTitle!.get(key.trim().toLowerCase())?.[0];
  }

  /**
   * Every grading period (or term) the text could name: one for an id, possibly several for a
   * title, because "Quarter 1" exists once per school year. Grading periods come before terms.
   */
  gradingPeriods(key: string): SessionRef[] {
    this.#loadPeriods();
    const byId = this.#periods!.get(key);
    return byId ? [byId] : (this.#periodsByTitle!.get(key.trim().toLowerCase()) ?? []);
  }

  /** Every grading period (or term) the test accepts, e.g. by a looser spelling of its title. */
  gradingPeriodsWhere(test: (period: SessionRef) => boolean): SessionRef[] {
    this.#loadPeriods();
    return [...this.#periodsByTitle!.values()].flat().filter(test);
  }

  #loadPeriods(): void {
    if (this.#periods) return;
    const rows = this.#sqlite
      .prepare(
        `SELECT id, source_id, title, start_date, end_date FROM academic_sessions
         WHERE deleted_at IS NULL AND session_type IN ('grading_period', 'term', 'semester')
         ORDER BY session_type = 'grading_period' DESC, start_date`,
      )
      .all() as {
      id: string;
      source_id: string | null;
      title: string;
      start_date: IsoDate;
      end_date: IsoDate;
    }[];
    this.#periods = new Map();
    this.#periodsByTitle = new Map();
    for (const r of rows) {
      const ref = { id: r.id, startDate: r.start_date, endDate: r.end_date, title: r.title };
      for (const key of [r.source_id, r.id])
        if (key && !this.#periods.has(key)) this.#periods.set(key, ref);
      const title = r.title.trim().toLowerCase();
      const list = this.#periodsByTitle.get(title);
      if (list) list.push(ref);
      else this.#periodsByTitle.set(title, [ref]);
    }
  }

  assignment(key: string): AssignmentRef | undefined {
    this.#assignments ??= load(
      this.#sqlite,
      `SELECT id, source_id, section_id, due_date, points_possible FROM assignments
       WHERE deleted_at IS NULL`,
      (r) => [r.source_id as string | null, r.id as string],
      (r) => ({
        id: r.id as string,
        sectionId: r.section_id as string,
        dueDate: r.due_date as IsoDate,
        pointsPossible: r.points_possible as number,
      }),
    );
    const ref = this.#assignments.get(key);
    return ref && (!this.scope || this.scope.sections.has(ref.sectionId)) ? ref : undefined;
  }

  /**
   * Forget what was loaded, so rows written since are seen: everything, or one cache (the
   * assignments importer drops `assignments` when it adds one, cheaply, without reloading
   * 50,000 students).
   */
  invalidate(what?: LookupCache): void {
    if (what === undefined || what === 'students') this.#students = this.#looseStudents = undefined;
    if (what === undefined || what === 'sections') this.#sections = this.#looseSections = undefined;
    if (what === undefined || what === 'periods') this.#periods = this.#periodsByTitle = undefined;
    if (what === undefined || what === 'assignments') this.#assignments = undefined;
    if (what === undefined || what === 'schoolYears') {
      this.#schoolYears = undefined;
      this.#outside.clear();
    }
  }

  /** The district's IANA time zone, for turning timestamps into school dates. */
  timeZone(districtId: string): string {
    this.#timeZones ??= new Map(
      (
        this.#sqlite.prepare('SELECT id, timezone FROM districts').all() as {
          id: string;
          timezone: string;
        }[]
      ).map((r) => [r.id, r.timezone]),
    );
    return this.#timeZones.get(districtId) ?? DEFAULT_TIME_ZONE;
  }

  /** The school years on record; empty when no roster has been imported yet. */
  schoolYears(): SessionRef[] {
    this.#schoolYears ??= (
      this.#sqlite
        .prepare(
          `SELECT id, start_date, end_date FROM academic_sessions
           WHERE deleted_at IS NULL AND session_type = 'school_year'`,
        )
        .all() as { id: string; start_date: IsoDate; end_date: IsoDate }[]
    ).map((r) => ({ id: r.id, startDate: r.start_date, endDate: r.end_date }));
    return this.#schoolYears;
  }

  /** Null when the date falls in a school year on record (or none is on record); else why not. */
  outsideSchoolYear(date: IsoDate): string | null {
    // A file has a few hundred distinct dates and a million rows: answer each date once.
    let answer = this.#outside.get(date);
    if (answer === undefined) {
      answer = this.#checkSchoolYear(date);
      this.#outside.set(date, answer);
    }
    return answer;
  }

  #checkSchoolYear(date: IsoDate): string | null {
    const years = this.schoolYears();
    if (years.length === 0 || years.some((y) => y.startDate <= date && date <= y.endDate)) {
      return null;
    }
    const span = years
      .map((y) => `${y.startDate} to ${y.endDate}`)
      .sort()
      .join(', ');
    return `The date ${date} is outside the school year on record (${span}). Check the date format setting or the file's year.`;
  }
}
