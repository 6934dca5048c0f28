/**
 * The OneRoster 1.2 CSV importer on real SQLite files, with the bundles in
 * tests/fixtures/oneroster: a bulk district (1 district, 2 schools, a school year with
 * semesters and quarters, 6 courses, 8 classes, 13 users) and a delta against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshIndicators } from '../../main/indicators/refresh';
import { attendanceImporter } from '../../main/imports/kinds/attendance';
import {
  importOneRosterBundle,
  isOneRosterBundle,
  type BundleReport,
} from '../../main/imports/oneroster';
import { extractZip, ZipRejected } from '../../main/imports/oneroster/zip';
import { importCsvFile } from '../../main/imports/run-csv';
import { openStore, type Store } from '../../main/store/open';
import { zipBuffer, zipFolder } from '../fixtures/oneroster/write-zip';
import { tempDir } from '../helpers';

const FIXTURES = fileURLToPath(new URL('../fixtures/oneroster/', import.meta.url));
const BULK = path.join(FIXTURES, 'bulk');
const DELTA = path.join(FIXTURES, 'delta');

const t = tempDir('sightline-oneroster-');
afterAll(() => t.cleanup());

let counter = 0;
const stores: Store[] = [];
async function freshStore(): Promise<Store> {
  const store = await openStore(path.join(t.dir, `roster-${++counter}.sqlite`));
  stores.push(store);
  return store;
}
afterAll(async () => {
  for (const store of stores) await store.close();
});

/** A copy of the bulk bundle to spoil, in a folder of its own. */
function bulkCopy(edit: (dir: string) => void): string {
  const dir = path.join(t.dir, `bundle-${++counter}`);
  fs.cpSync(BULK, dir, { recursive: true });
  edit(dir);
  return dir;
}

type Counts = [
  added: number,
  updated: number,
  unchanged: number,
  deleted: number,
  quarantined: number,
  ignored: number,
];
function counts(report: BundleReport): Record<string, Counts> {
  return Object.fromEntries(
    report.files.map((f) => [
      f.file,
      [f.added, f.updated, f.unchanged, f.deleted, f.quarantined, f.ignored],
    ]),
  );
}

const BULK_COUNTS: Record<string, Counts> = {
  'orgs.csv': [3, 0, 0, 0, 0, 1], // the department is read for the chain, not stored
  'academicSessions.csv': [7, 0, 0, 0, 0, 0],
  'courses.csv': [6, 0, 0, 0, 0, 0],
  'classes.csv': [8, 0, 0, 0, 0, 0],
  'users.csv': [12, 0, 0, 0, 0, 1], // the guardian
  'roles.csv': [13, 0, 0, 0, 0, 1], // the guardian's role
  'demographics.csv': [6, 0, 0, 0, 0, 1], // a teacher's
  'enrollments.csv': [21, 0, 0, 0, 0, 1], // the proctor
  'userProfiles.csv': [0, 0, 0, 0, 0, 1],
};

describe('a OneRoster 1.2 bulk bundle, re-imported, then a delta', () => {
  let store: Store;
  let bulk: BundleReport;
  const one = <T>(sql: string, ...params: unknown[]) =>
    store.sqlite.prepare(sql).get(...params) as T;
  const value = <T>(sql: string, ...params: unknown[]) =>
    store.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  const idOf = (table: string, sourcedId: string) =>
    value<string>(
      `SELECT id FROM ${table} WHERE source_system = 'oneroster' AND source_id = ?`,
      sourcedId,
    );

  beforeAll(async () => {
    store = await freshStore();
    bulk = await importOneRosterBundle(store.sqlite, { path: BULK });
  });

  it('imports every file in dependency order and accounts for every row', () => {
    expect(bulk.status).toBe('committed');
    expect(bulk.oneRosterVersion).toBe('1.2');
    expect(bulk.problems).toEqual([]);
    expect(bulk.files.map((f) => f.file)).toEqual(Object.keys(BULK_COUNTS));
    expect(counts(bulk)).toEqual(BULK_COUNTS);
    expect(value('SELECT count(*) FROM quarantine')).toBe(0);
    expect(
      value("SELECT count(*) FROM imports WHERE kind = 'oneroster' AND status = 'committed'"),
    ).toBe(9);
  });

  it('records why rows were ignored, in the report and on the import row', () => {
    const users = bulk.files.find((f) => f.file === 'users.csv')!;
    expect(Object.values(users.ignoredReasons)).toEqual([1]);
    expect(Object.keys(users.ignoredReasons)[0]).toMatch(
      /Guardian, parent and relative accounts are not stored/,
    );
    const detail = JSON.parse(
      value<string>('SELECT detail_json FROM imports WHERE id = ?', users.importId),
    );
    expect(detail.oneroster).toMatchObject({
      file: 'users.csv',
      mode: 'bulk',
      ignoredReasons: users.ignoredReasons,
    });
    const enrollments = bulk.files.find((f) => f.file === 'enrollments.csv')!;
    expect(Object.keys(enrollments.ignoredReasons)[0]).toMatch(/administrator and proctor/);
  });

  it('maps orgs onto the district and its schools, with spans derived from the roster', () => {
    const district = one<{ id: string; district_id: string; name: string }>(
      "SELECT id, district_id, name FROM districts WHERE source_id = 'org-dist'",
    );
    expect(district.name).toBe('Riverside Unified School District');
    expect(district.district_id).toBe(district.id);
    const schools = store.sqlite
      .prepare(
        'SELECT source_id, id, school_id, district_id, school_type, grade_low, grade_high FROM schools ORDER BY source_id',
      )
      .all() as Record<string, unknown>[];
    expect(
      schools.map(({ id, school_id, district_id, ...rest }) => ({
        ...rest,
        self: id === school_id,
        inDistrict: district_id === district.id,
      })),
    ).toEqual([
      {
        source_id: 'org-hs',
        school_type: 'high',
        grade_low: 9,
        grade_high: 10,
        self: true,
        inDistrict: true,
      },
      {
        source_id: 'org-ms',
        school_type: 'middle',
        grade_low: 7,
        grade_high: 7,
        self: true,
        inDistrict: true,
      },
    ]);
    expect(bulk.schoolsUpdated).toBe(2);
  });

  it('keeps the session tree, courses with subjects and classes with their first term', () => {
    const sessions = store.sqlite
      .prepare(
        `SELECT s.source_id, s.session_type, p.source_id AS parent, s.school_year
           FROM academic_sessions s LEFT JOIN academic_sessions p ON p.id = s.parent_id ORDER BY s.start_date, s.source_id`,
      )
      .all();
    expect(sessions).toEqual([
      { source_id: 'as-fall', session_type: 'semester', parent: 'as-sy', school_year: 2026 },
      { source_id: 'as-q1', session_type: 'grading_period', parent: 'as-fall', school_year: 2026 },
      { source_id: 'as-sy', session_type: 'school_year', parent: null, school_year: 2026 },
      { source_id: 'as-q2', session_type: 'grading_period', parent: 'as-fall', school_year: 2026 },
      {
        source_id: 'as-q3',
        session_type: 'grading_period',
        parent: 'as-spring',
        school_year: 2026,
      },
      { source_id: 'as-spring', session_type: 'semester', parent: 'as-sy', school_year: 2026 },
      {
        source_id: 'as-q4',
        session_type: 'grading_period',
        parent: 'as-spring',
        school_year: 2026,
      },
    ]);
    const courses = store.sqlite
      .prepare(
        'SELECT source_id, code, subject, is_core, grade_level, credits FROM courses ORDER BY source_id',
      )
      .all();
    expect(courses).toEqual([
      {
        source_id: 'crs-alg1',
        code: 'MA101',
        subject: 'math',
        is_core: 1,
        grade_level: 9,
        credits: 1,
      },
      {
        source_id: 'crs-art7',
        code: 'AR007',
        subject: 'arts',
        is_core: 0,
        grade_level: 7,
        credits: 1,
      },
      {
        source_id: 'crs-bio',
        code: 'SC201',
        subject: 'science',
        is_core: 1,
        grade_level: null,
        credits: 1,
      },
      {
        source_id: 'crs-eng9',
        code: 'EN109',
        subject: 'ela',
        is_core: 1,
        grade_level: 9,
        credits: 1,
      },
      {
        source_id: 'crs-math7',
        code: 'MA007',
        subject: 'math',
        is_core: 1,
        grade_level: 7,
        credits: 1,
      },
      {
        source_id: 'crs-span1',
        code: 'WL101',
        subject: 'world_language',
        is_core: 0,
        grade_level: null,
        credits: 1,
      },
    ]);
    const span = one<{ term: string; period: string; school: string }>(
      `SELECT t.source_id AS term, s.period, o.source_id AS school FROM sections s
         JOIN academic_sessions t ON t.id = s.term_id JOIN schools o ON o.id = s.school_id
        WHERE s.source_id = 'cls-span1-5'`,
    );
    expect(span).toEqual({ term: 'as-fall', period: '5, 6', school: 'org-hs' });
    expect(
      value(
        "SELECT t.source_id FROM sections s JOIN academic_sessions t ON t.id = s.term_id WHERE s.source_id = 'cls-alg1-1'",
      ),
    ).toBe('as-fall');
  });

  it('places users by their roles: students with entry dates, staff with Sightline roles', () => {
    const students = store.sqlite
      .prepare(
        `SELECT s.source_id, s.student_number, s.grade_level, s.entry_date, s.exit_date, s.enrollment_status,
                o.source_id AS school, s.birth_date
           FROM students s JOIN schools o ON o.id = s.school_id ORDER BY s.source_id`,
      )
      .all();
    expect(students).toEqual([
      {
        source_id: 'stu-001',
        student_number: '100001',
        grade_level: 9,
        entry_date: '2025-08-18',
        exit_date: null,
        enrollment_status: 'active',
        school: 'org-hs',
        birth_date: '2010-03-14',
      },
      {
        source_id: 'stu-002',
        student_number: '100002',
        grade_level: 9,
        entry_date: '2025-09-02',
        exit_date: null,
        enrollment_status: 'active',
        school: 'org-hs',
        birth_date: '2010-07-02',
      },
      // No beginDate on the role: the school year's start.
      {
        source_id: 'stu-003',
        student_number: '100003',
        grade_level: 10,
        entry_date: '2025-08-18',
        exit_date: null,
        enrollment_status: 'active',
        school: 'org-hs',
        birth_date: '2009-11-20',
      },
      {
        source_id: 'stu-004',
        student_number: '100004',
        grade_level: 9,
        entry_date: '2025-08-18',
        exit_date: null,
        enrollment_status: 'active',
        school: 'org-hs',
        birth_date: '2010-01-09',
      },
      {
        source_id: 'stu-005',
        student_number: '700005',
        grade_level: 7,
        entry_date: '2025-08-18',
        exit_date: null,
        enrollment_status: 'active',
        school: 'org-ms',
        birth_date: '2012-05-30',
      },
      // enabledUser false
      {
        source_id: 'stu-006',
        student_number: '700006',
        grade_level: 7,
        entry_date: '2025-08-18',
        exit_date: '2025-10-31',
        enrollment_status: 'withdrawn',
        school: 'org-ms',
        birth_date: '2012-09-12',
      },
    ]);
    const staff = store.sqlite
      .prepare(
        `SELECT f.source_id, f.role, o.source_id AS school, f.email FROM staff f
           LEFT JOIN schools o ON o.id = f.school_id ORDER BY f.source_id`,
      )
      .all();
    expect(staff).toEqual([
      {
        source_id: 'adm-001',
        role: 'school_admin',
        school: 'org-hs',
        email: 'kolsen@rusd.example',
      }, // principal, also teaches
      { source_id: 'adm-002', role: 'district_admin', school: null, email: 'lmoreno@rusd.example' },
      { source_id: 'cns-001', role: 'counselor', school: 'org-hs', email: 'jreed@rusd.example' },
      { source_id: 'tch-001', role: 'teacher', school: 'org-hs', email: 'glee@rusd.example' },
      { source_id: 'tch-002', role: 'teacher', school: 'org-hs', email: 'hpark@rusd.example' },
      { source_id: 'tch-003', role: 'teacher', school: 'org-ms', email: 'icruz@rusd.example' },
    ]);
    expect(value("SELECT count(*) FROM students WHERE source_id = 'gdn-001'")).toBe(0);
    expect(value("SELECT count(*) FROM staff WHERE source_id = 'gdn-001'")).toBe(0);
  });

  it('turns race flags into one reporting category in the seed vocabulary', () => {
    const rows = store.sqlite
      .prepare(
        `SELECT s.source_id, d.sex, d.race_ethnicity, d.hispanic_latino FROM demographics d
           JOIN students s ON s.id = d.student_id ORDER BY s.source_id`,
      )
      .all();
    expect(rows).toEqual([
      { source_id: 'stu-001', sex: 'female', race_ethnicity: 'white', hispanic_latino: 0 },
      { source_id: 'stu-002', sex: 'male', race_ethnicity: 'black', hispanic_latino: 0 },
      { source_id: 'stu-003', sex: 'female', race_ethnicity: 'two_or_more', hispanic_latino: 0 }, // asian + white
      { source_id: 'stu-004', sex: 'male', race_ethnicity: 'hispanic_latino', hispanic_latino: 1 },
      { source_id: 'stu-005', sex: 'female', race_ethnicity: 'two_or_more', hispanic_latino: 0 },
      { source_id: 'stu-006', sex: 'unspecified', race_ethnicity: null, hispanic_latino: null },
    ]);
  });

  it('links students to sections and teachers to sections, and marks students for recompute', () => {
    expect(value('SELECT count(*) FROM enrollments WHERE deleted_at IS NULL')).toBe(12);
    expect(one(`SELECT begin_date, end_date FROM enrollments WHERE source_id = 'enr-001'`)).toEqual(
      {
        begin_date: '2025-08-18', // no beginDate: the class's first term starts it
        end_date: null,
      },
    );
    expect(one(`SELECT begin_date, end_date FROM enrollments WHERE source_id = 'enr-012'`)).toEqual(
      {
        begin_date: '2025-08-18',
        end_date: '2025-10-31',
      },
    );
    expect(value('SELECT count(*) FROM section_teachers WHERE deleted_at IS NULL')).toBe(9);
    expect(
      one(
        `SELECT t.is_primary, f.source_id AS staff FROM section_teachers t JOIN staff f ON f.id = t.staff_id WHERE t.source_id = 'enr-t09'`,
      ),
    ).toEqual({ is_primary: 0, staff: 'adm-001' });
    expect(value('SELECT count(*) FROM feature_dirty')).toBe(6);
    expect(
      value(
        'SELECT from_date FROM feature_dirty WHERE student_id = ?',
        idOf('students', 'stu-002'),
      ),
    ).toBe('2025-09-02');
  });

  it('says nothing changed when the same bulk bundle comes again', async () => {
    const again = await importOneRosterBundle(store.sqlite, { path: BULK });
    expect(again.status).toBe('committed');
    const unchanged = Object.fromEntries(
      Object.entries(BULK_COUNTS).map(([file, [a, u, same, d, quarantined, ignored]]) => [
        file,
        [0, 0, a + u + same - d, 0, quarantined, ignored] as Counts,
      ]),
    );
    expect(counts(again)).toEqual(unchanged);
    expect(again.schoolsUpdated).toBe(0);
    for (const file of again.files.filter((f) => f.file !== 'userProfiles.csv')) {
      expect(file.summary).toMatch(/^Nothing changed/);
    }
  });

  it('applies a delta: updates, adds and tombstones exactly what it says', async () => {
    store.sqlite.exec('DELETE FROM feature_dirty');
    const before = {
      staff: value<number>('SELECT count(*) FROM staff WHERE deleted_at IS NULL'),
      sections: value<number>('SELECT count(*) FROM sections WHERE deleted_at IS NULL'),
      teachers: value<number>('SELECT count(*) FROM section_teachers WHERE deleted_at IS NULL'),
    };
    const delta = await importOneRosterBundle(store.sqlite, { path: DELTA });
    expect(delta.status).toBe('committed');
    expect(delta.problems).toEqual([]);
    expect(counts(delta)).toEqual({
      'users.csv': [1, 1, 0, 1, 1, 0],
      'roles.csv': [1, 0, 0, 0, 0, 0],
      'demographics.csv': [1, 0, 0, 0, 0, 0],
      'enrollments.csv': [1, 0, 0, 1, 0, 0],
    });

    expect(value("SELECT given_name FROM students WHERE source_id = 'stu-002'")).toBe('Benjamin');
    expect(value("SELECT deleted_at IS NOT NULL FROM students WHERE source_id = 'stu-004'")).toBe(
      1,
    );
    expect(
      one(
        `SELECT s.grade_level, s.entry_date, o.source_id AS school, s.birth_date FROM students s
           JOIN schools o ON o.id = s.school_id WHERE s.source_id = 'stu-007'`,
      ),
    ).toEqual({
      grade_level: 9,
      entry_date: '2025-10-06',
      school: 'org-hs',
      birth_date: '2010-04-22',
    });
    expect(value("SELECT race_ethnicity FROM demographics WHERE source_id = 'stu-007'")).toBe(
      'asian',
    );
    expect(
      value("SELECT deleted_at IS NOT NULL FROM enrollments WHERE source_id = 'enr-005'"),
    ).toBe(1);
    expect(value("SELECT deleted_at IS NULL FROM enrollments WHERE source_id = 'enr-013'")).toBe(1);
    expect(value('SELECT count(*) FROM students WHERE deleted_at IS NULL')).toBe(6);
    expect(value('SELECT count(*) FROM enrollments WHERE deleted_at IS NULL')).toBe(12);
    // A delta is not the full set: nothing it leaves out is touched.
    expect({
      staff: value<number>('SELECT count(*) FROM staff WHERE deleted_at IS NULL'),
      sections: value<number>('SELECT count(*) FROM sections WHERE deleted_at IS NULL'),
      teachers: value<number>('SELECT count(*) FROM section_teachers WHERE deleted_at IS NULL'),
    }).toEqual(before);

    const quarantined = one<{ source_file: string; line_number: number; reason: string }>(
      "SELECT source_file, line_number, reason FROM quarantine WHERE source_file LIKE '%users.csv'",
    );
    expect(quarantined.line_number).toBe(5);
    expect(quarantined.reason).toMatch(/no status/);
    expect(value("SELECT count(*) FROM students WHERE source_id = 'stu-008'")).toBe(0);

    // Enrollment changes reach the feature pipeline: the new student and the dropped class.
    const dirty = Object.fromEntries(
      store.sqlite.prepare('SELECT student_id, from_date FROM feature_dirty').raw().all() as [
        string,
        string,
      ][],
    );
    expect(dirty[idOf('students', 'stu-007')]).toBe('2025-10-06');
    expect(dirty[idOf('students', 'stu-002')]).toBe('2025-08-18');
  });

  it('gives the existing screens an imported district: indicators for its students', async () => {
    // OneRoster has no calendar or attendance: a week of school days and one absence.
    const hs = idOf('schools', 'org-hs');
    const district = idOf('districts', 'org-dist');
    const days = ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12'];
    const insertDay = store.sqlite.prepare(
      `INSERT INTO calendar_days (id, district_id, school_id, created_at, updated_at, date, is_instructional)
       VALUES (?, ?, ?, 0, 0, ?, 1)`,
    );
    expect(district).toBeTruthy();
    days.forEach((d, i) => insertDay.run(`cal-${i}`, district, hs, d));
    const attendance = path.join(t.dir, 'attendance.csv');
    fs.writeFileSync(
      attendance,
      'Student ID,Date,Code\nstu-001,2025-09-10,A\nstu-002,2025-09-12,T\n',
    );
    const imported = await importCsvFile(store.sqlite, {
      path: attendance,
      importer: attendanceImporter,
    });
    expect(imported.added).toBe(2);

    await refreshIndicators(store);
    const ava = one<{ school_id: string; days_enrolled: number; days_absent: number }>(
      'SELECT school_id, days_enrolled, days_absent FROM student_indicators WHERE student_id = ?',
      idOf('students', 'stu-001'),
    );
    expect(ava).toEqual({ school_id: hs, days_enrolled: 5, days_absent: 1 });
    expect(
      value(
        'SELECT tardies FROM student_indicators WHERE student_id = ?',
        idOf('students', 'stu-002'),
      ),
    ).toBe(1);
  });
});

describe('OneRoster zips', () => {
  it('imports a zip of the bulk folder exactly like the folder', async () => {
    const zip = path.join(t.dir, 'rusd-oneroster.zip');
    zipFolder(BULK, zip, 'rusd-oneroster'); // zipping a folder puts the files one level down
    expect(await isOneRosterBundle(zip)).toBe(true);
    expect(await isOneRosterBundle(BULK)).toBe(true);
    expect(await isOneRosterBundle(path.join(BULK, 'users.csv'))).toBe(false);

    const store = await freshStore();
    const report = await importOneRosterBundle(store.sqlite, { path: zip });
    expect(report.status).toBe('committed');
    expect(counts(report)).toEqual(BULK_COUNTS);
    expect(report.files[0]!.fileName).toBe('rusd-oneroster.zip/orgs.csv');
    expect(store.sqlite.prepare('SELECT count(*) FROM students').pluck().get()).toBe(6);
  });

  it('refuses a zip whose entries would land outside the bundle folder', async () => {
    const zip = path.join(t.dir, 'slip.zip');
    fs.writeFileSync(
      zip,
      zipBuffer([
        { name: 'manifest.csv', data: fs.readFileSync(path.join(BULK, 'manifest.csv')) },
        { name: '../escaped.csv', data: Buffer.from('sourcedId\nx\n') },
      ]),
    );
    const store = await freshStore();
    const report = await importOneRosterBundle(store.sqlite, { path: zip });
    expect(report.status).toBe('rejected');
    expect(report.problems[0]).toMatchObject({ code: 'unreadable_zip' });
    expect(report.problems[0]!.message).toMatch(/outside the bundle/);
    expect(fs.existsSync(path.join(t.dir, 'escaped.csv'))).toBe(false);
  });

  it('refuses a zip holding a symbolic link', async () => {
    const zip = path.join(t.dir, 'link.zip');
    fs.writeFileSync(
      zip,
      zipBuffer([
        { name: 'manifest.csv', data: Buffer.from('/etc/passwd'), mode: 0o120777, store: true },
      ]),
    );
    const report = await importOneRosterBundle((await freshStore()).sqlite, { path: zip });
    expect(report.status).toBe('rejected');
    expect(report.problems[0]!.message).toMatch(/symbolic link/);
  });
  it('caps how far a zip may expand and how many entries it may hold', async () => {
    const bomb = path.join(t.dir, 'bomb.zip');
    // 8 MB of zeros deflates to a few KB: the cap counts bytes inflated, not the zip's size.
    fs.writeFileSync(bomb, zipBuffer([{ name: 'users.csv', data: Buffer.alloc(8 * 1024 ** 2) }]));
    expect(fs.statSync(bomb).size).toBeLessThan(64 * 1024);
    const out = path.join(t.dir, 'bomb-out');
    await expect(
      extractZip(bomb, out, { maxEntries: 10, maxTotalBytes: 1024 ** 2 }),
    ).rejects.toThrow(/expands to more than 1 MB/);
    const many = path.join(t.dir, 'many.zip');
    fs.writeFileSync(
      many,
      zipBuffer(
        Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('x') })),
      ),
    );
    await expect(
      extractZip(many, path.join(t.dir, 'many-out'), { maxEntries: 10, maxTotalBytes: 1024 }),
    ).rejects.toBeInstanceOf(ZipRejected);
  });
});

describe('OneRoster bundles with problems', () => {
  it('says clearly that a bundle without manifest.csv is not a OneRoster bundle', async () => {
    const dir = bulkCopy((d) => fs.rmSync(path.join(d, 'manifest.csv')));
    expect(await isOneRosterBundle(dir)).toBe(false);
    const store = await freshStore();
    const report = await importOneRosterBundle(store.sqlite, { path: dir });
    expect(report.status).toBe('rejected');
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ code: 'missing_manifest', file: 'manifest.csv' });
    expect(report.summary).toMatch(/^Nothing was imported\. .*manifest\.csv is missing/);
    expect(store.sqlite.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
  });

  it('refuses a OneRoster 1.1 bundle by name', async () => {
    const dir = bulkCopy((d) => {
      const file = path.join(d, 'manifest.csv');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('oneroster.version,1.2', 'oneroster.version,1.1'),
      );
    });
    const report = await importOneRosterBundle((await freshStore()).sqlite, { path: dir });
    expect(report.status).toBe('rejected');
    expect(report.problems[0]).toMatchObject({ code: 'unsupported_version' });
    expect(report.problems[0]!.message).toMatch(/OneRoster 1\.1; Sightline reads OneRoster 1\.2/);
  });

  it('quarantines an enrollment in an unknown class, naming classes.csv', async () => {
    const dir = bulkCopy((d) =>
      fs.appendFileSync(
        path.join(d, 'enrollments.csv'),
        'enr-999,,,cls-nope,org-hs,stu-001,student,false,,\n',
      ),
    );
    const store = await freshStore();
    const report = await importOneRosterBundle(store.sqlite, { path: dir });
    expect(report.status).toBe('committed');
    expect(counts(report)['enrollments.csv']).toEqual([21, 0, 0, 0, 1, 1]);
    const row = store.sqlite
      .prepare(
        "SELECT line_number, raw, reason FROM quarantine WHERE source_file LIKE '%enrollments.csv'",
      )
      .get() as { line_number: number; raw: string; reason: string };
    expect(row.line_number).toBe(24);
    expect(row.raw).toBe('enr-999,,,cls-nope,org-hs,stu-001,student,false,,');
    expect(row.reason).toMatch(/“cls-nope” is not in classes\.csv/);
  });

  it('reports files the manifest and the folder disagree about', async () => {
    const dir = bulkCopy((d) => {
      fs.rmSync(path.join(d, 'demographics.csv'));
      fs.writeFileSync(path.join(d, 'lineItems.csv'), 'sourcedId\nli-1\n'); // listed as absent
      fs.writeFileSync(path.join(d, 'notes.txt'), 'exported by hand\n');
    });
    const report = await importOneRosterBundle((await freshStore()).sqlite, { path: dir });
    expect(report.status).toBe('committed');
    expect(report.problems.map((p) => [p.code, p.file])).toEqual([
      ['missing_file', 'demographics.csv'],
      ['unexpected_file', 'lineItems.csv'],
      ['unexpected_file', 'notes.txt'],
    ]);
    expect(report.files.map((f) => f.file)).not.toContain('demographics.csv');
  });

  it('tombstones what a later bulk file no longer lists, and counts it as deleted', async () => {
    const store = await freshStore();
    await importOneRosterBundle(store.sqlite, { path: BULK });
    const dir = bulkCopy((d) => {
      const file = path.join(d, 'enrollments.csv');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^enr-011,.*\n/m, ''));
    });
    const report = await importOneRosterBundle(store.sqlite, { path: dir });
    const enrollments = report.files.find((f) => f.file === 'enrollments.csv')!;
    expect(enrollments.deleted).toBe(1);
    expect(enrollments.absentFromBulk).toBe(1);
    expect(
      store.sqlite
        .prepare('SELECT deleted FROM imports WHERE id = ?')
        .pluck()
        .get(enrollments.importId),
    ).toBe(1);
    expect(
      store.sqlite
        .prepare("SELECT deleted_at IS NOT NULL FROM enrollments WHERE source_id = 'enr-011'")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('keeps one enrollment when the SIS re-creates it under a new sourcedId', async () => {
    const store = await freshStore();
    await importOneRosterBundle(store.sqlite, { path: BULK });
    const idOfEnrollment = (sourcedId: string) =>
      store.sqlite
        .prepare('SELECT id FROM enrollments WHERE source_id = ? AND deleted_at IS NULL')
        .pluck()
        .get(sourcedId);
    const before = idOfEnrollment('enr-001');
    const dir = bulkCopy((d) => {
      const file = path.join(d, 'enrollments.csv');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace(/^enr-001,/m, 'enr-001-readded,'),
      );
    });
    const report = await importOneRosterBundle(store.sqlite, { path: dir });
    expect(counts(report)['enrollments.csv']).toEqual([0, 1, 20, 0, 0, 1]);
    expect(idOfEnrollment('enr-001-readded')).toBe(before);
  });

  it('pairs read-ahead rows with imported rows even around trailing delimiters', async () => {
    // The importer accepts a row with empty extra fields; the read-ahead must too, or the
    // school would be paired with the wrong row when its district is written first.
    const dir = bulkCopy((d) => {
      const file = path.join(d, 'orgs.csv');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('RHS,org-dist\n', 'RHS,org-dist,,\n'),
      );
    });
    const store = await freshStore();
    const report = await importOneRosterBundle(store.sqlite, { path: dir });
    expect(counts(report)['orgs.csv']).toEqual(BULK_COUNTS['orgs.csv']);
    expect(store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
  });
});
