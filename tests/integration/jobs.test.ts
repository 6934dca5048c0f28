/**
 * The job runner with real worker threads: one job at a time, later ones queued without
 * touching the locked database, cancel of a queued and of a running job (its file rolled
 * back), and audit rows written while an import holds SQLite's write lock.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtWithAttendanceCsv } from '../fixtures/period-attendance';
import { bindCore, type Core } from '../../main/app/start';
import { writeAudit } from '../../main/audit/log';
import { openStore } from '../../main/store/open';
import { tempDir, waitFor } from '../helpers';

const t = tempDir();
let core: Core;
const csv = path.join(t.dir, 'attendance.csv');

describe('job runner', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    districtWithAttendanceCsv(store, csv);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('queues, cancels and keeps the host writable while an import holds the lock', async () => {
    const file = { path: csv, name: 'attendance.csv', kind: 'attendance' as const };
    const importing = core.jobs.start('import', { files: [file], runPipeline: false });
    const queued = core.jobs.start('pipeline', { mode: 'incremental', trigger: 'manual' });
    expect(core.jobs.get(queued)?.status).toBe('queued');
    // Wait until the worker is inside the file's transaction.
    await waitFor(() => (core.jobs.get(importing)?.progress ?? 0) > 0);

    // An audit row while the lock is held: no error, no wait, written once the lock frees.
    const before = Date.now();
    writeAudit(core.store, { actor: null, action: 'test.during_import', entityType: 'test' });
    expect(Date.now() - before).toBeLessThan(500);

    expect(core.jobs.cancel(queued)).toBe(true);
    expect(core.jobs.get(queued)?.status).toBe('cancelled');
    expect(core.jobs.list(5).map((j) => j.id)).toEqual(expect.arrayContaining([importing, queued]));

    expect(core.jobs.cancel(importing)).toBe(true);
    const done = await core.jobs.wait(importing);
    expect(done.status).toBe('cancelled');
    const { sqlite } = core.store;
    expect(
      sqlite
        .prepare("SELECT count(*) FROM attendance_events WHERE source_system = 'sis'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(sqlite.prepare('SELECT status FROM imports').pluck().all()).toEqual(['cancelled']);
    // The queued job's row was written when the lock freed, as cancelled.
    expect(sqlite.prepare('SELECT status FROM jobs WHERE id = ?').pluck().get(queued)).toBe(
      'cancelled',
    );
    await waitFor(
      () =>
        sqlite
          .prepare("SELECT count(*) FROM audit_log WHERE action = 'test.during_import'")
          .pluck()
          .get() === 1,
    );
  }, 120_000);

  it('runs queued jobs one after another, each logged', async () => {
    const first = core.jobs.start('pipeline', { mode: 'backfill', trigger: 'manual' });
    const second = core.jobs.start('pipeline', { mode: 'incremental', trigger: 'manual' });
    const [a, b] = await Promise.all([core.jobs.wait(first), core.jobs.wait(second)]);
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    expect(b.startedAt).toBeGreaterThanOrEqual(a.finishedAt!);
    const runs = core.store.sqlite
      .prepare('SELECT job_id, status FROM pipeline_runs ORDER BY started_at')
      .all();
    expect(runs).toEqual([
      { job_id: first, status: 'succeeded' },
      { job_id: second, status: 'succeeded' },
    ]);
  }, 120_000);
});
