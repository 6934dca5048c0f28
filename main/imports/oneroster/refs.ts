/**
 * Resolves OneRoster sourcedIds to our rows, for one source system only: a OneRoster id means
 * nothing in another system's id space (unlike Lookups, which also matches student numbers for
 * attendance exports). Tombstoned rows do not resolve, so a reference to a deleted class is
 * reported like a reference to a missing one. Loaded lazily, once per file, and kept in memory:
 * one hash lookup per row keeps large enrollment files fast.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate, StaffRole } from '../../../db/schema';

export interface OrgRef {
  table: 'districts' | 'schools';
  id: string;
  districtId: string;
  name: string;
}
export interface SessionRef {
  id: string;
  type: string;
  startDate: IsoDate;
  endDate: IsoDate;
}
export interface CourseRef {
  id: string;
  districtId: string;
  schoolId: string | null;
}
export interface SectionRef {
  id: string;
  districtId: string;
  schoolId: string | null;
  termStart: IsoDate;
}
export interface StudentRef {
  kind: 'student';
  id: string;
  districtId: string;
  schoolId: string | null;
  createdAt: number;
  gradeLevel: number;
  entryDate: IsoDate;
  exitDate: IsoDate | null;
}
export interface StaffRef {
  kind: 'staff';
  id: string;
  districtId: string;
  schoolId: string | null;
  createdAt: number;
  role: StaffRole;
}
export type PersonRef = StudentRef | StaffRef;

type Row = Record<string, unknown>;

export class RosterRefs {
  readonly #sqlite: SQLite.Database;
  readonly #source: string;
  #orgs?: Map<string, OrgRef>;
  #sessions?: Map<string, SessionRef>;
  #courses?: Map<string, CourseRef>;
  #sections?: Map<string, SectionRef>;
  #people?: Map<string, PersonRef>;

  constructor(sqlite: SQLite.Database, sourceSystem: string) {
    this.#sqlite = sqlite;
    this.#source = sourceSystem;
  }

  /** `query` names the source system `@source`. */
  #load<T>(query: string, ref: (row: Row) => T): Map<string, T> {
    const map = new Map<string, T>();
    for (const row of this.#sqlite
      .prepare(query)
      .iterate({ source: this.#source }) as IterableIterator<Row>) {
      map.set(row.source_id as string, ref(row));
    }
    return map;
  }

  #orgMap(): Map<string, OrgRef> {
    this.#orgs ??= this.#load(
      `SELECT 'districts' AS tbl, id, district_id, source_id, name FROM districts
        WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL
       UNION ALL
       SELECT 'schools', id, district_id, source_id, name FROM schools
        WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL`,
      (r) => ({
        table: r.tbl as OrgRef['table'],
        id: r.id as string,
        districtId: r.district_id as string,
        name: r.name as string,
      }),
    );
    return this.#orgs;
  }

  org(sourcedId: string): OrgRef | undefined {
    return this.#orgMap().get(sourcedId);
  }

  /** Registers an org written earlier in the same file (orgs.csv writes districts first). */
  rememberOrg(sourcedId: string, ref: OrgRef): void {
    this.#orgMap().set(sourcedId, ref);
  }

  session(sourcedId: string): SessionRef | undefined {
    this.#sessions ??= this.#load(
      `SELECT id, source_id, session_type, start_date, end_date FROM academic_sessions
        WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL`,
      (r) => ({
        id: r.id as string,
        type: r.session_type as string,
        startDate: r.start_date as IsoDate,
        endDate: r.end_date as IsoDate,
      }),
    );
    return this.#sessions.get(sourcedId);
  }

  rememberSession(sourcedId: string, ref: SessionRef): void {
    this.session(sourcedId);
    this.#sessions!.set(sourcedId, ref);
  }

  course(sourcedId: string): CourseRef | undefined {
    this.#courses ??= this.#load(
      `SELECT id, source_id, district_id, school_id FROM courses
        WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL`,
      (r) => ({
        id: r.id as string,
        districtId: r.district_id as string,
        schoolId: r.school_id as string | null,
      }),
    );
    return this.#courses.get(sourcedId);
  }

  section(sourcedId: string): SectionRef | undefined {
    this.#sections ??= this.#load(
      `SELECT s.id, s.source_id, s.district_id, s.school_id, t.start_date
         FROM sections s JOIN academic_sessions t ON t.id = s.term_id
        WHERE s.source_system = @source AND s.source_id IS NOT NULL AND s.deleted_at IS NULL`,
      (r) => ({
        id: r.id as string,
        districtId: r.district_id as string,
        schoolId: r.school_id as string | null,
        termStart: r.start_date as IsoDate,
      }),
    );
    return this.#sections.get(sourcedId);
  }

  /** A user as a student or a staff member (users.csv puts each user in one of the two). */
  person(sourcedId: string): PersonRef | undefined {
    this.#people ??= this.#load(
      `SELECT 'student' AS kind, id, source_id, district_id, school_id, created_at, grade_level,
              entry_date, exit_date, NULL AS role
         FROM students WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL
       UNION ALL
       SELECT 'staff', id, source_id, district_id, school_id, created_at, NULL, NULL, NULL, role
         FROM staff WHERE source_system = @source AND source_id IS NOT NULL AND deleted_at IS NULL`,
      (r): PersonRef =>
        r.kind === 'student'
          ? {
              kind: 'student',
              id: r.id as string,
              districtId: r.district_id as string,
              schoolId: r.school_id as string | null,
              createdAt: r.created_at as number,
              gradeLevel: r.grade_level as number,
              entryDate: r.entry_date as IsoDate,
              exitDate: r.exit_date as IsoDate | null,
            }
          : {
              kind: 'staff',
              id: r.id as string,
              districtId: r.district_id as string,
              schoolId: r.school_id as string | null,
              createdAt: r.created_at as number,
              role: r.role as StaffRole,
            },
    );
    return this.#people.get(sourcedId);
  }

  /**
   * The district that district-wide rows (academic sessions) belong to. The CSV binding gives
   * sessions no org, so: the only district on record, or with several, the one with the most
   * schools (ties by sourcedId), which is the district a single SIS export describes.
   */
  defaultDistrict(): string | null {
    const row = this.#sqlite
      .prepare(
        `SELECT d.id FROM districts d
          WHERE d.source_system = ? AND d.deleted_at IS NULL
          ORDER BY (SELECT count(*) FROM schools s WHERE s.district_id = d.id AND s.deleted_at IS NULL) DESC,
                   d.source_id
          LIMIT 1`,
      )
      .pluck()
      .get(this.#source) as string | undefined;
    return row ?? null;
  }

  /**
   * The start of the most recent school year on record: the entry date of a student whose role
   * gives none, and the "from" date of the pipeline's recompute marks. The latest rather than
   * the one containing today keeps a re-import of the same bundle deterministic.
   */
  schoolYearStart(): IsoDate | null {
    return (
      (this.#sqlite
        .prepare(
          `SELECT max(start_date) FROM academic_sessions
            WHERE source_system = ? AND session_type = 'school_year' AND deleted_at IS NULL`,
        )
        .pluck()
        .get(this.#source) as IsoDate | null) ?? null
    );
  }
}
