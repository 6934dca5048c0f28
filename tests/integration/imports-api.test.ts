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

  it('is for district administrators only, refused at the router', async () => {
    for (const staffId of [ids.tran, ids.counselor, ids.admin]) {
      const session = await signIn(staffId);
      const result = await core.router.call(
        'imports.stage',
        { fileName: 'a.csv', size: 1 },
        session,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
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
});
