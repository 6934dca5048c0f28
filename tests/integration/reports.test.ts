/**
 * Reports end to end on a generated, scored district: each PDF asked for through the router as a
 * real role, drawn by pdfkit in the reports worker, then read back with poppler (pdftotext,
 * pdfinfo, pdftoppm) for what a person and a screen reader get: the student's name, flags,
 * reasons, data date and model version on every page, tagged structure with figures' alt text,
 * private notes only for those allowed; scope refusals with no export row, an audit row per
 * student for every export. Page images land in test-results/pdf/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Output, ReportFile } from '../../main/api/contract';
import { bindCore, installAndScore, type Core } from '../../main/app/start';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline/run';
import { stopReportsWorker } from '../../main/reports/render-worker';
import { longDate, printable } from '../../main/reports/render/text';
import { openStore } from '../../main/store/open';
import { tempDir } from '../helpers';
import { wordMessage } from '../../main/i18n/messages';

const t = tempDir('sightline-reports-');
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/pdf');
let core: Core;

type Result = Awaited<ReturnType<Core['router']['call']>>;
async function call<M extends Method>(method: M, input: unknown, session: string) {
  const result = await core.router.call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as Output<M>;
}
const attempt = (method: Method, input: unknown, session: string): Promise<Result> =>
  core.router.call(method, input, session);
const signIn = async (staffId: string) =>
  ((await core.router.call('auth.signIn', { staffId }, null)) as { value: { sessionId: string } })
    .value.sessionId;
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
const one = <T>(sql: string, ...params: unknown[]) =>
  core.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

/** Writes the PDF, its page images (artifacts) and returns its path. */
function save(file: ReportFile, name: string): string {
  expect(file.mimeType).toBe('application/pdf');
  expect(file.fileName).toMatch(/^[a-z0-9-]+\.pdf$/);
  const pdf = path.join(t.dir, `${name}.pdf`);
  fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTIFACTS, name)]);
  return pdf;
}
/** The text as a reader gets it, whitespace collapsed so wrapped lines still match. */
const text = (pdf: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'])
    .toString('utf8')
    .replace(/\s+/g, ' ');
const info = (pdf: string) => execFileSync('pdfinfo', [pdf]).toString('utf8');
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function exportRows(staffId: string, action?: string): number {
  return one<number>(
    `SELECT count(*) FROM audit_log WHERE actor_staff_id = ? AND action ${action ? '= ?' : "LIKE 'export.%'"}`,
    staffId,
    ...(action ? [action] : []),
  );
}

/** Checks the data date and model version are on every page, and the PDF is tagged. */
function expectStampedAndTagged(pdf: string): void {
  expect(info(pdf)).toMatch(/Tagged:\s+yes/);
  const raw = fs.readFileSync(pdf).toString('latin1');
  expect(raw).toContain('/StructTreeRoot');
  expect(raw).toContain('/Lang (en-US)');
  const dataAsOf = one<string>('SELECT max(as_of) FROM student_indicators');
  const model = one<string>("SELECT name FROM model_versions WHERE status = 'active'");
  for (let page = 1; page <= pages(pdf); page++) {
    const words = text(pdf, page);
    expect(words, `page ${page}`).toContain(`Data as of ${longDate(dataAsOf)}`);
    expect(words, `page ${page}`).toContain(squash(model));
  }
}

let teacherId: string;
let counselorId: string;
let studentId: string;
let sectionId: string;
let teacher: string;
let counselor: string;
let planId: string;

describe('reports', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 150, seed: 11 });
    await runPipeline(store, { mode: 'backfill', trigger: 'seed' });
    expect(await installAndScore(store)).toBe(true);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    const { sqlite } = store;
    // A flagged, high-risk student with reasons, one of their teachers and their counselor.
    const pick = sqlite
      .prepare(
        `SELECT r.student_id, e.section_id, st.staff_id, s.counselor_id
         FROM student_risk r
         JOIN student_indicators i ON i.student_id = r.student_id AND i.flag_count > 0
         JOIN students s ON s.id = r.student_id AND s.counselor_id IS NOT NULL
         JOIN enrollments e ON e.student_id = r.student_id AND e.deleted_at IS NULL
         JOIN section_teachers st ON st.section_id = e.section_id AND st.deleted_at IS NULL
         WHERE r.tier = 'high' AND r.factors_json != '[]'
         ORDER BY r.score DESC, e.end_date DESC LIMIT 1`,
      )
      .get() as { student_id: string; section_id: string; staff_id: string; counselor_id: string };
    ({
      student_id: studentId,
      section_id: sectionId,
      staff_id: teacherId,
      counselor_id: counselorId,
    } = pick);
    // A name Helvetica cannot print as is: drawn without the marks, kept whole for screen readers.
    sqlite
      .prepare("UPDATE students SET given_name = 'Thảo', family_name = 'Nguyễn' WHERE id = ?")
      .run(studentId);
    teacher = await signIn(teacherId);
    counselor = await signIn(counselorId);
    planId = (
      await call(
        'interventions.create',
        {
          studentId,
          tier: 2,
          type: 'attendance',
          goal: 'Attend at least 95% of school days over the next six weeks.',
          strategies: 'Daily check-in with the counselor; call home after any absence.',
          ownerId: counselorId,
          startDate: day(-30),
          endDate: day(12),
          monitoring: 'biweekly',
        },
        counselor,
      )
    ).id;
    for (const [note, isPrivate] of [
      ['Came every day this week; walks in with a friend now.', false],
      ['Family situation discussed in confidence; see counselor.', true],
    ] as const) {
      await call(
        'interventions.checkIn',
        {
          studentId,
          interventionId: planId,
          date: day(-3),
          progress: 'improving',
          note,
          private: isPrivate,
        },
        counselor,
      );
    }
  }, 180_000);

  afterAll(async () => {
    await stopReportsWorker();
    await core.close();
    t.cleanup();
  });

  it('prints a tagged student report with flags, reasons, charts with alt text and tables', async () => {
    const before = exportRows(teacherId, 'export.student_report');
    const pdf = save(await call('reports.student', { studentId }, teacher), 'student-report');
    expectStampedAndTagged(pdf);
    const words = text(pdf);
    expect(words).toContain('Student report: Thao Nguyen');
    expect(info(pdf)).toMatch(/Title:\s+Student report: Thảo Nguyễn/);
    expect(fs.readFileSync(pdf).toString('latin1')).toContain('/ActualText');
    const profile = await call('students.profile', { studentId }, teacher);
    for (const flag of profile.flags.filter((f) => f.raised)) {
      expect(words).toContain(wordMessage(flag.label));
      expect(words).toContain(squash(wordMessage(flag.explanation)));
    }
    const reasons = [...profile.risk!.factors].sort((a, b) => b.delta - a.delta).slice(0, 5);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(words).toContain(squash(reason.sentence));
    expect(words).toContain('High risk');
    // Both charts are figures with alt text, each followed by a table of the same series.
    const raw = fs.readFileSync(pdf).toString('latin1');
    expect(raw.match(/\/S \/Figure/g)).toHaveLength(2);
    expect(raw).toMatch(/\/Alt \(Line chart of the weekly risk score over \d+ weeks/);
    expect(raw).toMatch(/\/Alt \(Bar chart of the share of enrolled days attended each week/);
    expect(raw).toMatch(/\/S \/Table/);
    expect(raw).toMatch(/\/S \/TH/);
    expect(words).toContain('Last score of the month');
    expect(words).toContain('Enrolled days');
    // The teacher sees the counselor's plan and open check-in, not the private note.
    expect(words).toContain('Attend at least 95% of school days');
    expect(words).toContain('walks in with a friend now');
    expect(words).not.toContain('Family situation discussed');
    expect(words).toContain('1 private check-in note is not shown');
    expect(exportRows(teacherId, 'export.student_report')).toBe(before + 1);
  });

  it('shows private notes to the counselor, in the student report and the plan', async () => {
    const report = text(
      save(await call('reports.student', { studentId }, counselor), 'student-report-counselor'),
    );
    expect(report).toContain('Private note: Family situation discussed in confidence');
    const pdf = save(
      await call('reports.interventionPlan', { studentId, interventionId: planId }, counselor),
      'intervention-plan',
    );
    expectStampedAndTagged(pdf);
    const words = text(pdf);
    for (const expected of [
      'Intervention plan:',
      'Tier 2 (targeted)',
      'Attend at least 95% of school days over the next six weeks.',
      'Daily check-in with the counselor; call home after any absence.',
      'Every two weeks',
      'Came every day this week',
      'Family situation discussed in confidence',
      'Open: the outcome is recorded when the intervention is closed.',
      'Parent or guardian: signature and date',
    ]) {
      expect(words).toContain(expected);
    }
    expect(
      one<number>(
        "SELECT count(*) FROM audit_log WHERE action = 'export.intervention_plan' AND entity_id = ? AND student_id = ?",
        planId,
        studentId,
      ),
    ).toBe(1);
  });

  it("prints a teacher's class report with a row per student and one audit row each", async () => {
    const pdf = save(await call('reports.classReport', { sectionId }, teacher), 'class-report');
    expectStampedAndTagged(pdf);
    expect(info(pdf)).toMatch(/Page size:\s+792 x 612/);
    const words = text(pdf);
    const section = one<string>('SELECT title FROM sections WHERE id = ?', sectionId);
    expect(words).toContain(`Class report: ${squash(section)}`);
    const listed = core.store.sqlite
      .prepare(
        'SELECT student_id, given_name, family_name FROM audit_log a JOIN students s ON s.id = a.student_id WHERE a.action = ? AND a.actor_staff_id = ?',
      )
      .all('export.class_report', teacherId) as { given_name: string; family_name: string }[];
    expect(listed.length).toBeGreaterThan(5);
    for (const s of listed) {
      expect(words).toContain(printable(`${s.family_name}, ${s.given_name}`));
    }
    // Enrolled on the report's date (the term's last day for a finished term) = rows = audit rows.
    const enrolled = one<number>(
      `SELECT count(DISTINCT e.student_id) FROM enrollments e JOIN sections s ON s.id = e.section_id
       JOIN academic_sessions t ON t.id = s.term_id
       WHERE e.section_id = ? AND e.deleted_at IS NULL
         AND e.begin_date <= min(t.end_date, (SELECT max(as_of) FROM student_indicators))
         AND (e.end_date IS NULL OR e.end_date >= min(t.end_date, (SELECT max(as_of) FROM student_indicators)))`,
      sectionId,
    );
    expect(listed).toHaveLength(enrolled);
    expect(words).toContain(`${enrolled} students:`);
    const raw = fs.readFileSync(pdf).toString('latin1');
    expect(raw).toMatch(/\/Alt \(Bar chart of the students in this class by risk tier: High \d+/);
    expect(words).toContain('Share of the class');
    expect(words).toContain('Change since last week');
  });

  it('lists only a counselor’s caseload in a class report of their school', async () => {
    // The demo gives each school one counselor; a student without one is off every caseload.
    const other = one<string>(
      `SELECT e.section_id FROM enrollments e JOIN sections x ON x.id = e.section_id
       WHERE x.school_id = (SELECT school_id FROM staff WHERE id = ?) AND e.section_id != ?
       GROUP BY e.section_id HAVING count(*) > 5 ORDER BY max(e.end_date) DESC LIMIT 1`,
      counselorId,
      sectionId,
    );
    core.store.sqlite
      .prepare(
        `UPDATE students SET counselor_id = NULL WHERE id = (
           SELECT student_id FROM enrollments WHERE section_id = @section AND student_id != @keep
             AND end_date = (SELECT max(end_date) FROM enrollments WHERE section_id = @section)
           ORDER BY student_id LIMIT 1)`,
      )
      .run({ section: other, keep: studentId });
    const before = exportRows(counselorId, 'export.class_report');
    const words = text(
      save(
        await call('reports.classReport', { sectionId: other }, counselor),
        'class-report-counselor',
      ),
    );
    expect(words).toMatch(/students are enrolled; only the \d+ students? you work with/);
    const audited = core.store.sqlite
      .prepare(
        "SELECT s.counselor_id FROM audit_log a JOIN students s ON s.id = a.student_id WHERE a.action = 'export.class_report' AND a.actor_staff_id = ? AND a.entity_id = ?",
      )
      .pluck()
      .all(counselorId, other) as string[];
    expect(audited.length).toBe(exportRows(counselorId, 'export.class_report') - before);
    expect(new Set(audited)).toEqual(new Set([counselorId]));
  });

  it("refuses a teacher another section's student or section, with no export row", async () => {
    const before = exportRows(teacherId);
    const outsider = one<string>(
      `SELECT id FROM students WHERE id NOT IN (
         SELECT e.student_id FROM enrollments e JOIN section_teachers st ON st.section_id = e.section_id
         WHERE st.staff_id = ?) LIMIT 1`,
      teacherId,
    );
    const notTheirs = one<string>(
      'SELECT id FROM sections WHERE id NOT IN (SELECT section_id FROM section_teachers WHERE staff_id = ?) LIMIT 1',
      teacherId,
    );
    for (const [method, input] of [
      ['reports.student', { studentId: outsider }],
      ['reports.interventionPlan', { studentId: outsider, interventionId: planId }],
      ['reports.classReport', { sectionId: notTheirs }],
      ['reports.classReport', { sectionId: 'no-such-section' }],
    ] as const) {
      const result = await attempt(method, input, teacher);
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    expect(exportRows(teacherId)).toBe(before);
    expect(
      one<number>(
        "SELECT count(*) FROM audit_log WHERE actor_staff_id = ? AND action = 'section.access.denied'",
        teacherId,
      ),
    ).toBe(2);
    // Another student's intervention id is refused as if it did not exist.
    const classmate = one<string>(
      `SELECT e.student_id FROM enrollments e WHERE e.section_id = ? AND e.student_id != ? LIMIT 1`,
      sectionId,
      studentId,
    );
    const wrong = await attempt(
      'reports.interventionPlan',
      { studentId: classmate, interventionId: planId },
      teacher,
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('not_found');
    expect(exportRows(teacherId)).toBe(before);
  });
});
