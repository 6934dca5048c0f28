/**
 * The preview checks the first rows with the importer's own rules: a row ending in an extra,
 * empty field (many exports end every row with a delimiter) is accepted by the import, so the
 * preview must not call it a problem.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Output } from '../../main/api/contract';
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

describe('import preview: row width', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('agrees with the import about rows that end with a delimiter', async () => {
    const admin = (await call('auth.signIn', { staffId: ids.districtAdmin }, null)).sessionId;
    const bytes = Buffer.from(
      ['Student_Number,Attendance Date,Code', 'ANA,09/15/2025,A,', 'BEN,09/15/2025,E,'].join(
        '\r\n',
      ),
    );
    const { stagedId } = await call(
      'imports.stage',
      { fileName: 'attendance.csv', size: bytes.length },
      admin,
    );
    await call('imports.append', { stagedId, offset: 0, data: bytes.toString('base64') }, admin);
    const preview = await call('imports.preview', { stagedId }, admin);
    expect(core.store.sqlite.inTransaction).toBe(false);

    const { jobId } = await call(
      'imports.start',
      { files: [{ stagedId, kind: 'attendance', mapping: preview.mapping }], runPipeline: false },
      admin,
    );
    const job = await core.jobs.wait(jobId);
    const file = (job.result as ImportJobResult).files[0]!;
    expect(file).toMatchObject({ added: 2, quarantined: 0 });
    expect(preview.check).toMatchObject({ rows: 2, wouldAdd: file.added, problems: [] });
  });
});
