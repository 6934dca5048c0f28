/**
 * Crash safety: a real CLI child process imports a large attendance file and is killed with
 * SIGKILL at random moments. After every kill the database must be intact, hold nothing from
 * the half-imported file, and show the job as interrupted; a re-run must end in exactly the
 * state an uninterrupted run reaches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { bindCore } from '../../main/app/start';
import { storeKeyPath } from '../../main/store/key';
import { openStore } from '../../main/store/open';
import { tempDir } from '../helpers';

const t = tempDir('sightline-crash-');
const seedDb = path.join(t.dir, 'seed.sqlite');
const csv = path.join(t.dir, 'period-attendance.csv');
const CLI = path.resolve('main/cli/main.ts');

function startImport(dataDir: string): ChildProcess {
  // One process (not the tsx wrapper, which would leave its child running after SIGKILL).
  return spawn(process.execPath, ['--import', 'tsx', CLI, 'import', csv, '--kind', 'attendance'], {
    env: { ...process.env, SIGHTLINE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves once the child reports import progress, i.e. the file's transaction is open. */
function importing(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (/period-attendance\.csv: [\d,]+ rows read/.test(seen)) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before importing:\n${seen}`)));
  });
}

function freshDataDir(name: string): string {
  const dir = path.join(t.dir, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(seedDb, path.join(dir, 'sightline.sqlite'));
  fs.copyFileSync(storeKeyPath(seedDb), storeKeyPath(path.join(dir, 'sightline.sqlite')));
  return dir;
}

/** Everything an import and the pipeline produce, without ids and timestamps. */
async function finalState(dataDir: string) {
  const store = await openStore(path.join(dataDir, 'sightline.sqlite'), { readonly: true });
  const db = store.sqlite;
  try {
    return {
      attendance: db
        .prepare(
          `SELECT student_id, ifnull(section_id, ''), date, category, ifnull(minutes, -1)
           FROM attendance_events WHERE source_system = 'sis' ORDER BY 1, 2, 3, 4`,
        )
        .raw()
        .all(),
      features: db
        .prepare(
          `SELECT student_id, week_start, days_absent_ytd, attendance_rate_ytd, flag_count
           FROM student_features ORDER BY 1, 2`,
        )
        .raw()
        .all(),
      indicators: db
        .prepare('SELECT student_id, days_absent, flag_count FROM student_indicators ORDER BY 1')
        .raw()
        .all(),
      dirty: db.prepare('SELECT count(*) FROM feature_dirty').pluck().get(),
    };
  } finally {
    await store.close();
  }
}

describe('import crash safety (kill -9 mid-import)', () => {
  let expected: Awaited<ReturnType<typeof finalState>>;
  let rowCount = 0;

  beforeAll(async () => {
    const store = await openStore(seedDb);
    generateDemoDistrict(store.sqlite, { students: 100, seed: 11 });
    // Period attendance for every student, section and school day: ~100k rows.
    const rows = store.sqlite
      .prepare(
        `SELECT s.student_number, e.section_id, d.date
         FROM students s JOIN enrollments e ON e.student_id = s.id
         JOIN sections sec ON sec.id = e.section_id
         JOIN academic_sessions term ON term.id = sec.term_id
         JOIN calendar_days d ON d.is_instructional = 1 AND d.date BETWEEN term.start_date AND term.end_date
           AND (d.school_id = s.school_id OR d.school_id IS NULL)
         ORDER BY d.date, s.student_number, e.section_id`,
      )
      .raw()
      .iterate() as IterableIterator<[string, string, string]>;
    const out = fs.openSync(csv, 'w');
    fs.writeSync(out, 'Student_Number,Section ID,Date,Code\n');
    let chunk = '';
    for (const [student, section, date] of rows) {
      rowCount++;
      const code = rowCount % 29 === 0 ? 'A' : rowCount % 41 === 0 ? 'T' : 'P';
      chunk += `${student},${section},${date},${code}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(out, chunk);
        chunk = '';
      }
    }
    fs.writeSync(out, chunk);
    fs.closeSync(out);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();

    const clean = freshDataDir('uninterrupted');
    const child = startImport(clean);
    expect(await exited(child)).toBe(0);
    expected = await finalState(clean);
  }, 240_000);

  afterAll(() => t.cleanup());

  it('leaves the database intact and the job resumable after each kill', async () => {
    expect(rowCount).toBeGreaterThan(50_000);
    expect(expected.attendance.length).toBe(rowCount);
    expect(expected.dirty).toBe(0);

    const dir = freshDataDir('killed');
    const kills = 3;
    let midFile = 0;
    for (let i = 0; i < kills; i++) {
      const child = startImport(dir);
      await importing(child);
      // Somewhere inside the file's transaction (it takes seconds on this machine).
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 800)));
      child.kill('SIGKILL');
      await exited(child);

      const store = await openStore(path.join(dir, 'sightline.sqlite'), { quickCheckMaxBytes: 0 });
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // All or nothing: the killed file left no rows behind.
      const landed = store.sqlite
        .prepare("SELECT count(*) FROM attendance_events WHERE source_system = 'sis'")
        .pluck()
        .get() as number;
      expect([0, rowCount]).toContain(landed);
      if (landed === 0) midFile++;
      // The next start finds the dead job and says so.
      const core = bindCore(store, { host: 'cli', dataDir: dir, log: () => {} });
      const last = core.jobs.list(1)[0]!;
      expect(last.status).toBe('interrupted');
      expect(last.error).toMatch(/stopped while this job was running/);
      const imports = store.sqlite
        .prepare("SELECT count(*) FROM imports WHERE status = 'running'")
        .pluck()
        .get();
      expect(imports).toBe(0);
      await core.close();
    }

    // The kills must really have landed inside the file's transaction.
    expect(midFile).toBeGreaterThan(0);
    const rerun = startImport(dir);
    expect(await exited(rerun)).toBe(0);
    expect(await finalState(dir)).toEqual(expected);
  }, 240_000);
});
