/**
 * The student list's CSV export through the router, on a generated, scored district in real
 * SQLite: the file holds exactly the rows the list shows for the same filters and sort (every
 * column), each role only within its scope (a filter pointing outside it adds nothing), formulas
 * are defused, and every export leaves an audit row with its filters and row count.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method, Output, StudentListRow } from '../../main/api/contract';
import { bindCore, installAndScore, type Core } from '../../main/app/start';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline/run';
import { openStore } from '../../main/store/open';
import { STUDENT_CSV_COLUMNS } from '../../main/students/export';
import { tempDir } from '../helpers';

const t = tempDir('sightline-student-export-');
let core: Core;

async function call<M extends Method>(method: M, input: Input<M>, session: string) {
  const result = await core.router.call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as Output<M>;
}
async function signIn(staffId: string): Promise<string> {
  return (await call('auth.signIn', { staffId }, '')).sessionId;
}
const one = <T>(sql: string, ...params: unknown[]) =>
  core.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

type Filters = Omit<Input<'students.list'>, 'offset' | 'limit'>;
type CsvRow = Record<(typeof STUDENT_CSV_COLUMNS)[number], string>;

/** Every row of the list for these filters, paged through students.list as the screen does. */
async function wholeList(filters: Filters, session: string): Promise<StudentListRow[]> {
  const rows: StudentListRow[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = await call('students.list', { ...filters, offset, limit: 50 }, session);
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

async function exportCsv(filters: Filters, session: string) {
  const file = await call('students.exportCsv', filters, session);
  expect(file.fileName).toMatch(/^sightline-students-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.csv.startsWith('\uFEFF')).toBe(true);
  const records = parse(file.csv.slice(1), { columns: false }) as string[][];
  expect(records[0]).toEqual([...STUDENT_CSV_COLUMNS]);
  const rows = records
    .slice(1)
    .map((r) => Object.fromEntries(STUDENT_CSV_COLUMNS.map((c, i) => [c, r[i]])) as CsvRow);
  return { file, rows };
}

/** What the list row should read as in the file. */
function expectedCsvRow(r: StudentListRow): CsvRow {
  const fixed = (v: number | null, digits: number) =>
    v === null ? '' : String(Number(v.toFixed(digits)));
  return {
    student_number: r.studentNumber,
    name: `${r.familyName}, ${r.givenName}`,
    school: r.schoolName,
    grade: r.gradeLevel < 0 ? 'PK' : r.gradeLevel === 0 ? 'K' : String(r.gradeLevel),
    attendance_rate: fixed(r.attendanceRate, 4),
    days_absent: String(r.daysAbsent),
    gpa: fixed(r.gpa, 2),
    failing_courses: String(r.failingSections),
    incident_days: String(r.incidentDays),
    flags: r.flags.join('; '),
    risk_tier: r.riskTier ?? '',
    risk_score: fixed(r.riskScore, 3),
  };
}

function auditRows(staffId: string) {
  return (
    core.store.sqlite
      .prepare(
        "SELECT entity_type, detail_json FROM audit_log WHERE actor_staff_id = ? AND action = 'export.student_list' ORDER BY at, id",
      )
      .all(staffId) as { entity_type: string; detail_json: string }[]
  ).map((r) => ({ entityType: r.entity_type, detail: JSON.parse(r.detail_json) as unknown }));
}

let districtAdmin: string;
let teacherId: string;
let teacher: string;
let otherSchoolId: string;
let outsiderName: string;

describe('students.exportCsv', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 150, seed: 5 });
    await runPipeline(store, { mode: 'backfill', trigger: 'seed' });
    expect(await installAndScore(store)).toBe(true);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    const { sqlite } = store;
    districtAdmin = await signIn(
      sqlite
        .prepare("SELECT id FROM staff WHERE role = 'district_admin' AND deleted_at IS NULL")
        .pluck()
        .get() as string,
    );
    // A teacher with students, and a school they do not teach at.
    const pick = sqlite
      .prepare(
        `SELECT st.staff_id, sec.school_id FROM section_teachers st
         JOIN sections sec ON sec.id = st.section_id
         JOIN staff ON staff.id = st.staff_id AND staff.role = 'teacher'
         WHERE st.deleted_at IS NULL ORDER BY st.staff_id LIMIT 1`,
      )
      .get() as { staff_id: string; school_id: string };
    teacherId = pick.staff_id;
    teacher = await signIn(teacherId);
    otherSchoolId = sqlite
      .prepare('SELECT id FROM schools WHERE id != ? ORDER BY id LIMIT 1')
      .pluck()
      .get(pick.school_id) as string;
    const outsider = sqlite
      .prepare(
        `SELECT given_name, family_name FROM students WHERE id NOT IN (
           SELECT e.student_id FROM enrollments e
           JOIN section_teachers st ON st.section_id = e.section_id AND st.staff_id = ?
         ) ORDER BY id LIMIT 1`,
      )
      .get(teacherId) as { given_name: string; family_name: string };
    outsiderName = `${outsider.given_name} ${outsider.family_name}`;
  }, 120_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('holds exactly the list’s rows and order, every column, for a district admin', async () => {
    for (const filters of [
      {},
      { sort: 'risk', dir: 'desc' },
      { sort: 'name', dir: 'asc', flag: 'chronic_absence' },
      { sort: 'gpa', dir: 'asc', grade: 9 },
      { tier: 'high' },
    ] satisfies Filters[]) {
      const list = await wholeList(filters, districtAdmin);
      const { rows } = await exportCsv(filters, districtAdmin);
      expect(rows.length, JSON.stringify(filters)).toBe(list.length);
      expect(rows).toEqual(list.map(expectedCsvRow));
    }
    const everyone = one<number>('SELECT count(*) FROM students WHERE deleted_at IS NULL');
    expect((await exportCsv({}, districtAdmin)).rows.length).toBe(everyone);
    // The district is scored: tiers and scores are in the file.
    expect((await exportCsv({ tier: 'high' }, districtAdmin)).rows[0]).toMatchObject({
      risk_tier: 'high',
      risk_score: expect.stringMatching(/^0\.\d+$/),
    });
  });

  it('gives a teacher only their own students, and a filter outside their scope nothing more', async () => {
    const own = await wholeList({ sort: 'name', dir: 'asc' }, teacher);
    expect(own.length).toBeGreaterThan(0);
    const all = one<number>('SELECT count(*) FROM students WHERE deleted_at IS NULL');
    expect(own.length).toBeLessThan(all);
    const { rows } = await exportCsv({ sort: 'name', dir: 'asc' }, teacher);
    expect(rows.map((r) => r.student_number)).toEqual(own.map((r) => r.studentNumber));
    const taught = new Set(
      core.store.sqlite
        .prepare(
          `SELECT s.student_number FROM students s JOIN enrollments e ON e.student_id = s.id
           AND e.deleted_at IS NULL JOIN section_teachers st ON st.section_id = e.section_id
           AND st.staff_id = ? AND st.deleted_at IS NULL`,
        )
        .pluck()
        .all(teacherId) as string[],
    );
    expect(rows.every((r) => taught.has(r.student_number))).toBe(true);
    // Another school, or a student they do not teach: an empty file, not more students.
    expect((await exportCsv({ schoolId: otherSchoolId }, teacher)).rows).toEqual([]);
    expect((await exportCsv({ search: outsiderName }, teacher)).rows).toEqual([]);
    expect((await exportCsv({ search: outsiderName }, districtAdmin)).rows.length).toBe(1);
  });

  it('writes one audit row per export with its filters and row count', async () => {
    const before = auditRows(teacherId).length;
    const { rows } = await exportCsv(
      { flag: 'chronic_absence', sort: 'days_absent', dir: 'desc' },
      teacher,
    );
    const audit = auditRows(teacherId);
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)).toEqual({
      entityType: 'student_list',
      detail: {
        host: 'cli',
        rows: rows.length,
        filters: { flag: 'chronic_absence' },
        sort: 'days_absent',
        dir: 'desc',
        description: 'flag chronic_absence; sorted by days_absent desc',
      },
    });
    // A refused call (invalid input) exports nothing and logs nothing.
    const refused = await core.router.call('students.exportCsv', { sort: 'shoe_size' }, teacher);
    expect(refused.ok).toBe(false);
    expect(auditRows(teacherId).length).toBe(before + 1);
  });

  it('defuses cells that a spreadsheet would run as formulas', async () => {
    const id = one<string>('SELECT id FROM students WHERE deleted_at IS NULL ORDER BY id LIMIT 1');
    core.store.sqlite
      .prepare(
        "UPDATE students SET family_name = '=HYPERLINK(\"http://x.example\",\"y\")', given_name = 'Zed', student_number = '@SUM(1+1)' WHERE id = ?",
      )
      .run(id);
    const { file, rows } = await exportCsv({ search: '@SUM(1+1)' }, districtAdmin);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.student_number).toBe("'@SUM(1+1)");
    expect(rows[0]!.name).toBe('\'=HYPERLINK("http://x.example","y"), Zed');
    expect(file.csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // Windows line ends, so Excel on a school laptop reads the rows as rows.
    expect(file.csv).toContain('\r\n');
  });
});
