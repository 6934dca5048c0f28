/**
 * The job runner's edge cases with real worker threads: a queued job cancelled while another
 * job holds SQLite's write lock (never a wait on the lock, never a lost row), and a pipeline run
 * cut short by the host closing (its run row must not stay 'running').
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtWithAttendanceCsv } from '../fixtures/period-attendance';
import { bindCore, type Core } from '../../main/app/start';
import { openStore } from '../../main/store/open';
import { tempDir, waitFor } from '../helpers';

const t = tempDir();
let core: Core;
const csv = path.join(t.dir, 'attendance.csv');
const dbFile = path.join(t.dir, 'sightline.sqlite');

describe('job runner: held jobs and closing', () => {
  beforeAll(async () => {
    const store = await openStore(dbFile);
    districtWithAttendanceCsv(store, csv);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('cancels a queued job without waiting on the running job’s write lock', async () => {
    const file = { path: csv, name: 'attendance.csv', kind: 'attendance' as const };
    const first = core.jobs.start('import', { files: [file], runPipeline: false });
    await waitFor(() => (core.jobs.get(first)?.progress ?? 0) > 0);
    // Two jobs asked for while the first runs; the first then stops, the second starts.
    const second = core.jobs.start('import', { files: [file], runPipeline: false });
    const third = core.jobs.start('pipeline', { mode: 'incremental', trigger: 'manual' });
    core.jobs.cancel(first);
    await core.jobs.wait(first);
    await waitFor(() => (core.jobs.get(second)?.progress ?? 0) > 0);
    expect(core.jobs.get(second)?.status).toBe('running');

    // The second import holds the write lock now: cancelling the third must not wait on it.
    const before = Date.now();
    expect(core.jobs.cancel(third)).toBe(true);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(core.jobs.get(third)?.status).toBe('cancelled');
    expect((await core.jobs.wait(third)).status).toBe('cancelled');
    expect(core.jobs.list(10).filter((j) => j.id === third)).toHaveLength(1);

    core.jobs.cancel(second);
    expect((await core.jobs.wait(second)).status).toBe('cancelled');
    expect(
      core.store.sqlite.prepare('SELECT status FROM jobs WHERE id = ?').pluck().get(third),
    ).toBe('cancelled');
  }, 120_000);

  it('leaves no pipeline run "running" when the host closes mid-run', async () => {
    const job = core.jobs.start('pipeline', { mode: 'backfill', trigger: 'manual' });
    await waitFor(
      () =>
        core.store.sqlite
          .prepare("SELECT count(*) FROM pipeline_runs WHERE job_id = ? AND status = 'running'")
          .pluck()
          .get(job) === 1,
    );
    await core.close();
    const store = await openStore(dbFile);
    try {
      expect(store.sqlite.prepare('SELECT status FROM jobs WHERE id = ?').pluck().get(job)).toBe(
        'cancelled',
      );
      expect(
        store.sqlite.prepare('SELECT status FROM pipeline_runs WHERE job_id = ?').pluck().all(job),
      ).toEqual(['cancelled']);
    } finally {
      core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    }
  }, 120_000);
});

describe('job runner: recovery at start', () => {
  it('marks a job left running under this same pid (a restarted process) as interrupted', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir.dir, 'sightline.sqlite'));
    store.sqlite
      .prepare(
        `INSERT INTO jobs (id, kind, status, progress, input_json, created_at, started_at, owner_pid)
         VALUES ('0190a000-0000-7000-8000-000000000001', 'pipeline', 'running', 0.5, '{}', 1, 1, ?)`,
      )
      .run(process.pid);
    const restarted = bindCore(store, { host: 'cli', dataDir: dir.dir, log: () => {} });
    try {
      expect(restarted.jobs.get('0190a000-0000-7000-8000-000000000001')?.status).toBe(
        'interrupted',
      );
    } finally {
      await restarted.close();
      dir.cleanup();
    }
  });
});
