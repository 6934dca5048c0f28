/**
 * The import flow through the real router, as the wizard drives it: upload in chunks, preview
 * (kind, mapping, first-rows check), start a job that runs in a real worker thread, read the
 * report and the quarantine, export it (audited), and re-import to see "nothing changed".
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary, Method, Output } from '../../main/api/contract';
import { bindCore, type Core } from '../../main/app/start';
import type { ImportJobResult } from '../../main/imports/job';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir();
let core: Core;

async function call<M extends Method>(method: M, input: unknown, session: string | null) {
  const result = await core.router.call(method, input, session);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as Output<M>;
}

async function signIn(staffId: string): Promise<string> {
  return (await call('auth.signIn', { staffId }, null)).sessionId;
}

/** Uploads text the way the renderer does: stage, then base64 chunks in order. */
async function upload(session: string, fileName: string, text: string, chunk = 64) {
  const bytes = Buffer.from(text, 'utf8');
  const { stagedId } = await call('imports.stage', { fileName, size: bytes.length }, session);
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const data = bytes.subarray(offset, offset + chunk).toString('base64');
    await call('imports.append', { stagedId, offset, data }, session);
  }
  return stagedId;
}

const CSV = [
  'Student_Number,Attendance Date,Code',
  'ANA,09/15/2025,A',
  'BEN,09/15/2025,E',
  'NOBODY,09/15/2025,A',
  'CARA,15/09/2025,T',
  'ANA,09/16/2025,T',
].join('\r\n');

describe('imports through the API', () => {
  let admin: string;

  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    admin = await signIn(ids.districtAdmin);
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('is refused to counselors at the router', async () => {
    const session = await signIn(ids.counselor);
    const result = await core.router.call('imports.stage', { fileName: 'a.csv', size: 1 }, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('previews, imports in a worker, reports every row and exports the quarantine', async () => {
    const stagedId = await upload(admin, 'attendance.csv', CSV);
    const preview: ImportPreview = await call('imports.preview', { stagedId }, admin);
    expect(preview).toMatchObject({
      kind: 'attendance',
      kindTitle: 'Attendance events',
      delimiter: ',',
      encoding: 'utf-8',
      headers: ['Student_Number', 'Attendance Date', 'Code'],
      mapping: { student: 0, date: 1, category: 2 },
      mappingSource: 'detected',
      missingRequired: [],
      alreadyImported: null,
    });
    expect(preview.check).toMatchObject({ rows: 5, wouldAdd: 3, unchanged: 0, skipped: null });
    expect(preview.check.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(preview.check.problems[0]!.reason).toMatch(
      /No student has the ID or student number “NOBODY”/,
    );
    expect(preview.check.problems[1]!.reason).toMatch(/“15\/09\/2025” is not a date/);
    // The preview saved nothing.
    expect(
      core.store.sqlite
        .prepare("SELECT count(*) FROM attendance_events WHERE source_system = 'sis'")
        .pluck()
        .get(),
    ).toBe(0);

    const { jobId } = await call(
      'imports.start',
      { files: [{ stagedId, kind: 'attendance', mapping: preview.mapping }] },
      admin,
    );
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('succeeded');
    const result = job.result as ImportJobResult;
    expect(result.files[0]).toMatchObject({
      status: 'committed',
      rowsTotal: 5,
      added: 3,
      quarantined: 2,
      summary: '3 added, 2 quarantined.',
    });
    expect(result.pipeline?.status).toBe('succeeded');

    const { imports } = await call('imports.list', {}, admin);
    const first: ImportSummary = imports[0]!;
    expect(first).toMatchObject({ jobId, fileName: 'attendance.csv', added: 3, quarantined: 2 });
    const quarantine = await call('imports.quarantine', { importId: first.importId }, admin);
    expect(quarantine.total).toBe(2);
    expect(quarantine.rows.map((r) => [r.line, r.raw])).toEqual([
      [4, 'NOBODY,09/15/2025,A'],
      [5, 'CARA,15/09/2025,T'],
    ]);

    const exported = await call('imports.exportCsv', { what: 'quarantine', jobId }, admin);
    expect(exported.fileName).toMatch(/^sightline-import-quarantine-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.csv).toContain('attendance.csv,4,');
    expect(exported.csv).toContain('NOBODY');
    const audit = core.store.sqlite
      .prepare(
        "SELECT actor_staff_id, entity_id FROM audit_log WHERE action = 'export.import_quarantine'",
      )
      .all();
    expect(audit).toEqual([{ actor_staff_id: ids.districtAdmin, entity_id: jobId }]);

    // A school admin sees pipeline jobs but not imports of district data, even by id.
    const schoolAdmin = await signIn(ids.admin);
    const visible = await call('jobs.list', {}, schoolAdmin);
    expect(visible.jobs.every((j) => j.kind === 'pipeline')).toBe(true);
    expect(await core.router.call('jobs.get', { jobId }, schoolAdmin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // The same bytes again: the preview says so, and the import changes nothing.
    const again = await upload(admin, 'attendance-copy.csv', CSV, 1 << 20);
    const preview2 = await call('imports.preview', { stagedId: again }, admin);
    expect(preview2.alreadyImported?.fileName).toBe('attendance.csv');
    expect(preview2.mappingSource).toBe('remembered');
    const rerun = await call(
      'imports.start',
      { files: [{ stagedId: again, kind: 'attendance' }] },
      admin,
    );
    const rerunJob = await core.jobs.wait(rerun.jobId);
    expect((rerunJob.result as ImportJobResult).files[0]).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
      quarantined: 2,
    });
  });

  it('refuses chunks out of order and files still uploading', async () => {
    const { stagedId } = await call('imports.stage', { fileName: 'x.csv', size: 10 }, admin);
    const skip = await core.router.call(
      'imports.append',
      { stagedId, offset: 5, data: Buffer.from('abc').toString('base64') },
      admin,
    );
    expect(skip).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const early = await core.router.call('imports.preview', { stagedId }, admin);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(early.ok ? '' : early.error.message).toMatch(/still uploading \(0 of 10 bytes\)/);
  });

  it("keeps a teacher's import to their own sections, row by row", async () => {
    const tran = await signIn(ids.tran); // teaches Algebra: Ana and Cara
    const csv = [
      'Student_Number,Date,Code,Section',
      `ANA,09/17/2025,A,${ids.algebraSection}`,
      `CARA,09/17/2025,T,${ids.algebraSection}`,
      `BEN,09/17/2025,A,${ids.algebraSection}`, // Ben takes English only
      `DEV,09/17/2025,A,${ids.algebraSection}`, // another school
      `NOBODY,09/17/2025,A,${ids.algebraSection}`,
      'ANA,09/18/2025,A,', // daily attendance is the school's
      `ANA,09/18/2025,T,${ids.englishSection}`, // Mr Okafor's section
    ].join('\n');
    const stagedId = await upload(tran, 'period-attendance.csv', csv);
    const preview: ImportPreview = await call('imports.preview', { stagedId }, tran);
    expect(preview).toMatchObject({ kind: 'attendance', notAllowed: null });
    expect(preview.candidates.map((c) => c.kind)).not.toContain('incidents');
    expect(preview.check).toMatchObject({ rows: 7, wouldAdd: 2 });
    const reasons = preview.check.problems.map((p) => p.reason);
    expect(reasons[0]).toMatch(/^No student in your sections has the ID or student number “BEN”/);
    // An existing student in another school reads exactly like a student who does not exist.
    expect(reasons[1]).toBe(reasons[0]!.replace('BEN', 'DEV'));
    expect(reasons[2]).toBe(reasons[0]!.replace('BEN', 'NOBODY'));
    expect(reasons[3]).toMatch(/names no section/);
    expect(reasons[4]).toMatch(/is not a section \(class\) you can import for \(your sections\)/);

    const refused = await core.router.call(
      'imports.start',
      { files: [{ stagedId, kind: 'incidents' }] },
      tran,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/discipline incidents.*administrator/);

    const { jobId } = await call(
      'imports.start',
      { files: [{ stagedId, kind: 'attendance', mapping: preview.mapping }] },
      tran,
    );
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('succeeded');
    expect((job.result as ImportJobResult).files[0]).toMatchObject({ added: 2, quarantined: 5 });
    const written = core.store.sqlite
      .prepare(
        "SELECT student_id, section_id FROM attendance_events WHERE date = '2025-09-17' ORDER BY student_id",
      )
      .all();
    expect(written).toEqual([
      { student_id: ids.ana, section_id: ids.algebraSection },
      { student_id: ids.cara, section_id: ids.algebraSection },
    ]);

    // The teacher sees their own import and job; another teacher sees neither; the district does.
    const own = await call('imports.list', {}, tran);
    expect(own.imports.map((i) => i.jobId)).toEqual([jobId]);
    expect((await call('jobs.list', {}, tran)).jobs.map((j) => j.id)).toEqual([jobId]);
    const okafor = await signIn(ids.okafor);
    expect((await call('imports.list', {}, okafor)).imports).toEqual([]);
    // An upload is its uploader's: another teacher cannot preview or import it.
    expect(await core.router.call('imports.preview', { stagedId }, okafor)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await core.router.call('imports.quarantine', { importId: own.imports[0]!.importId }, okafor),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.router.call('jobs.get', { jobId }, okafor)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const all = await call('imports.list', {}, admin);
    expect(all.imports.map((i) => i.jobId)).toContain(jobId);
    // A teacher's file cannot take over another class's assignment that shares its ID.
    const { sqlite: db } = core.store;
    db.prepare(
      `INSERT INTO assignments (id, district_id, school_id, source_system, source_id, created_at,
         updated_at, section_id, grading_period_id, title, due_date, points_possible)
       VALUES ('01900000-0000-7000-8000-0000000000a1', ?, ?, 'lms', 'HW1', 1, 1, ?, NULL,
         'Essay 1', '2025-09-19', 10)`,
    ).run(ids.district, ids.high, ids.englishSection);
    const hw = await upload(
      tran,
      'assignments.csv',
      [
        'Assignment ID,Section ID,Assignment Name,Due Date,Points Possible',
        `HW1,${ids.algebraSection},Quiz 1,2025-09-19,20`,
      ].join('\n'),
    );
    const hwPreview: ImportPreview = await call('imports.preview', { stagedId: hw }, tran);
    expect(hwPreview.kind).toBe('assignments');
    expect(hwPreview.check.problems[0]?.reason).toMatch(
      /“HW1” already belongs to an assignment outside your sections/,
    );
    expect(
      db.prepare("SELECT section_id, title FROM assignments WHERE source_id = 'HW1'").get(),
    ).toEqual({ section_id: ids.englishSection, title: 'Essay 1' });
    // A teacher cannot change the district's date order.
    expect(await core.router.call('imports.settings', { dateOrder: 'DMY' }, tran)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it("keeps a school admin's import to their school", async () => {
    const kim = await signIn(ids.middleAdmin); // the middle school: Dev only
    const csv = [
      'Student ID,Incident Date,Behavior,Action',
      'DEV,2025-09-19,Disruption,Detention',
      'ANA,2025-09-19,Disruption,Detention',
    ].join('\n');
    const stagedId = await upload(kim, 'incidents.csv', csv);
    const preview: ImportPreview = await call('imports.preview', { stagedId }, kim);
    expect(preview.kind).toBe('incidents');
    const { jobId } = await call(
      'imports.start',
      { files: [{ stagedId, kind: 'incidents', mapping: preview.mapping }], runPipeline: false },
      kim,
    );
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('succeeded');
    const file = (job.result as ImportJobResult).files[0]!;
    expect(file).toMatchObject({ added: 1, quarantined: 1 });
    const { rows } = await call('imports.quarantine', { importId: file.importId }, kim);
    expect(rows[0]!.reason).toMatch(
      /^No student in your school has the ID or student number “ANA”/,
    );
  });
});
