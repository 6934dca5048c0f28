import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations';
import { Kysely, SqliteDialect } from 'kysely';
import * as m0001 from '../../db/migrations/0001_initial';
import { SYNCED_TABLES, type Database } from '../../db/schema';
import { bindCore } from '../../main/app/start';
import { refreshIndicators } from '../../main/indicators/refresh';
import { DatabaseOpenError } from '../../main/store/errors';
import { createStoreKey, ownerOnlyFile } from '../../main/store/key';
import { APPLICATION_ID, openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const sha = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('local store', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('migrates an empty file to the latest schema with WAL and foreign keys on', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = await openStore(path.join(t.dir, 'a.sqlite'));
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    for (const t of [
      ...SYNCED_TABLES,
      'jobs',
      'audit_log',
      'settings',
      'quarantine',
      'outbox',
      'sync_state',
    ]) {
      expect(tables).toContain(t);
    }
    // Every synced table carries the sync-ready columns.
    for (const table of SYNCED_TABLES) {
      const cols = (
        store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
      ).map((c) => c.name);
      expect(cols).toEqual(
        expect.arrayContaining([
          'id',
          'district_id',
          'school_id',
          'source_system',
          'source_id',
          'created_at',
          'updated_at',
          'deleted_at',
          'version',
        ]),
      );
    }
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    await store.close();
    // Opening again is a no-op.
    const again = await openStore(path.join(t.dir, 'a.sqlite'));
    expect(again.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it("migrates the previous release's file (schema 1, with data) forward", async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'release-0.1.sqlite');
    // Exactly what release 0.1 wrote: migration 0001 and its user_version.
    const raw = new SQLite(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await m0001.up(old);
    raw.pragma('user_version = 1');
    await buildTinyDistrict(old);
    const before = raw.prepare('SELECT count(*) FROM attendance_events').pluck().get();
    await old.destroy();

    const store = await openStore(file);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.sqlite.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(
      before,
    );
    const indexes = store.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attendance_events'",
      )
      .pluck()
      .all();
    expect(indexes).toContain('attendance_identity');
    expect(indexes).not.toContain('attendance_student_date');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await store.close();
  });

  it('enforces CHECK constraints on enumerations and dates', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = await openStore(path.join(t.dir, 'a.sqlite'));
    const insert = (date: string, category: string) =>
      store.sqlite
        .prepare(
          `INSERT INTO calendar_days (id, district_id, school_id, created_at, updated_at, date, is_instructional)
           VALUES (?, 'd', 's', 0, 0, ?, ?)`,
        )
        .run(crypto.randomUUID(), date, category === 'ok' ? 1 : 2);
    expect(() => insert('2025-09-01', 'ok')).not.toThrow();
    expect(() => insert('2025-9-1', 'ok')).toThrow(/CHECK/);
    expect(() => insert('2025-02-30', 'ok')).toThrow(/CHECK/);
    expect(() => insert('2025-09-02', 'bad')).toThrow(/CHECK/);
    await store.close();
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'newer.sqlite');
    const store = await openStore(file);
    store.sqlite.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const before = sha(file);
    await expect(openStore(file)).rejects.toMatchObject({ code: 'newer_version' });
    await expect(openStore(file)).rejects.toThrow(/newer Sightline/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a corrupt file and leaves it untouched', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'corrupt.sqlite');
    // Its key is present, so the file itself is what is wrong.
    await createStoreKey(file, ownerOnlyFile);
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = sha(file);
    const error = await openStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('corrupt');
    expect((error as Error).message).toMatch(/left untouched/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a damaged page inside a real database', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'damaged.sqlite');
    const store = await openStore(file);
    const insert = store.sqlite.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, '"${'x'.repeat(400)}"', 0)`,
    );
    for (let i = 0; i < 500; i++) insert.run(`k${i}`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6); // scribble over interior pages
    fs.writeFileSync(file, bytes);
    const before = sha(file);
    await expect(openStore(file)).rejects.toMatchObject({ code: 'corrupt' });
    expect(sha(file)).toBe(before);
  });

  it("refuses another program's SQLite database", async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'other.sqlite');
    const other = new SQLite(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    await expect(openStore(file)).rejects.toMatchObject({ code: 'not_sightline' });
  });
});

describe('damage found after open', () => {
  it('is named in words by the router, and the host keeps answering', async () => {
    const t = tempDir();
    const file = path.join(t.dir, 'big.sqlite');
    const store = await openStore(file);
    await buildTinyDistrict(store.db);
    await refreshIndicators(store);
    const root = store.sqlite
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'student_indicators'")
      .pluck()
      .get() as number;
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, (root - 1) * 4096, root * 4096);
    fs.writeFileSync(file, bytes);

    // As for a file too large to check at open.
    const damaged = await openStore(file, { quickCheckMaxBytes: 0 });
    const { router } = bindCore(damaged, { host: 'cli', dataDir: t.dir, log: () => {} });
    const signIn = await router.call('auth.signIn', { staffId: ids.admin }, null);
    expect(signIn.ok).toBe(true);
    const sessionId = signIn.ok ? (signIn.value as { sessionId: string }).sessionId : null;
    const list = await router.call('students.list', {}, sessionId);
    expect(list).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(list.ok ? '' : list.error.message).toMatch(/database file is damaged/);
    expect((await router.call('auth.me', {}, sessionId)).ok).toBe(true);
    await damaged.close();
    t.cleanup();
  });
});
