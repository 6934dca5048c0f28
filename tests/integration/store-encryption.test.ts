/**
 * Student data is encrypted at rest: the bytes on disk never contain a student's name, a file
 * copied without its key cannot be opened, and a plaintext database from before encryption is
 * encrypted in place without losing a row.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../db/migrations/0001_initial';
import type { Database } from '../../db/schema';
import { bindCore } from '../../main/app/start';
import { DatabaseOpenError } from '../../main/store/errors';
import {
  createStoreKey,
  isPlaintextDatabase,
  ownerOnlyFile,
  storeKeyPath,
  type KeyProtector,
} from '../../main/store/key';
import { APPLICATION_ID, openStore } from '../../main/store/open';
import { buildTinyDistrict } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const sha = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every byte Sightline keeps for a database: the file and its WAL. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );
}

/**
 * A keychain with the shape of Electron's safeStorage, sealing with AES-256-GCM under a secret
 * of its own, so the tests can follow a key from a key file into a keychain and back out.
 */
function testKeychain(secret = crypto.randomBytes(32)): KeyProtector {
  return {
    kind: 'os-keychain',
    wrap: (key) => {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(key), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    unwrap: (sealed) => {
      const decipher = crypto.createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Promise.resolve(
        Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]),
      );
    },
  };
}

const NAME = 'Fixture'; // every tiny-district student's family name

describe('encryption at rest', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps no student data in plaintext on disk, with an owner-only key file beside it', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'sightline.sqlite');
    const store = await openStore(file);
    await buildTinyDistrict(store.db);
    expect(
      store.sqlite.prepare('SELECT count(*) FROM students WHERE family_name = ?').pluck().get(NAME),
    ).toBe(4);
    // Before the checkpoint the rows live in the WAL; it is encrypted too.
    expect(bytesOnDisk(file).includes(NAME)).toBe(false);
    const { router } = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    const info = await router.call('system.info', {}, null);
    expect(info).toMatchObject({ ok: true, value: { storage: 'owner-only-file' } });
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();

    expect(isPlaintextDatabase(file)).toBe(false);
    expect(bytesOnDisk(file).includes(NAME)).toBe(false);
    expect(fs.statSync(storeKeyPath(file)).mode & 0o777).toBe(0o600);
    // SQLite itself, without the key, sees no database.
    const raw = new SQLite(file, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM students').get()).toThrow(/not a database/);
    raw.close();

    const again = await openStore(file);
    expect(again.sqlite.prepare('SELECT count(*) FROM students').pluck().get()).toBeGreaterThan(0);
    await again.close();
  });

  it('refuses a database whose key file is missing or belongs to another database', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'a.sqlite');
    const store = await openStore(file);
    await buildTinyDistrict(store.db);
    await store.close();
    const before = sha(file);
    const key = fs.readFileSync(storeKeyPath(file));

    fs.rmSync(storeKeyPath(file));
    const missing = await openStore(file).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DatabaseOpenError);
    expect(missing).toMatchObject({ code: 'key_missing' });
    expect((missing as Error).message).toMatch(/key file .*a\.sqlite\.key is missing/);
    // Refusing never makes a new key that would orphan the data.
    expect(fs.existsSync(storeKeyPath(file))).toBe(false);

    const other = await openStore(path.join(t.dir, 'b.sqlite'));
    await other.close();
    fs.copyFileSync(storeKeyPath(path.join(t.dir, 'b.sqlite')), storeKeyPath(file));
    const wrong = await openStore(file).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'corrupt' });
    expect((wrong as Error).message).toMatch(/encrypted with a key other than/);

    fs.writeFileSync(storeKeyPath(file), key);
    expect(sha(file)).toBe(before);
    const back = await openStore(file);
    await back.close();
  });

  it('encrypts a plaintext database from an earlier release in place, keeping every row', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'sightline.sqlite');
    const raw = new SQLite(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('journal_mode = WAL');
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await m0001.up(old);
    raw.pragma('user_version = 1');
    await buildTinyDistrict(old);
    const students = raw
      .prepare('SELECT id, given_name, family_name FROM students ORDER BY id')
      .all();
    await old.destroy();
    expect(isPlaintextDatabase(file)).toBe(true);
    expect(fs.readFileSync(file).includes(NAME)).toBe(true);
    // What a crash during an earlier attempt leaves behind.
    fs.writeFileSync(`${file}.encrypting`, crypto.randomBytes(4096));

    const store = await openStore(file);
    expect(
      store.sqlite.prepare('SELECT id, given_name, family_name FROM students ORDER BY id').all(),
    ).toEqual(students);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    expect(isPlaintextDatabase(file)).toBe(false);
    expect(bytesOnDisk(file).includes(NAME)).toBe(false);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
  });

  it('leaves a plaintext database it refuses exactly as it was, without making a key', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'other.sqlite');
    const other = new SQLite(file);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const before = sha(file);
    await expect(openStore(file)).rejects.toMatchObject({ code: 'not_sightline' });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(storeKeyPath(file))).toBe(false);
  });

  it('moves a key into the OS keychain when the desktop app opens a browser-host database', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'sightline.sqlite');
    const fromWeb = await openStore(file);
    await buildTinyDistrict(fromWeb.db);
    const key = fromWeb.key!;
    await fromWeb.close();
    const plainKeyFile = fs.readFileSync(storeKeyPath(file), 'utf8');
    expect(plainKeyFile).toContain(key.toString('base64'));

    // A keychain that cannot give back what it sealed never replaces the readable key.
    const forgetful: KeyProtector = {
      ...testKeychain(),
      unwrap: () => Promise.resolve(Buffer.alloc(32)),
    };
    await expect(openStore(file, { keyProtector: forgetful })).rejects.toThrow(/did not give back/);
    expect(fs.readFileSync(storeKeyPath(file), 'utf8')).toBe(plainKeyFile);

    const keychain = testKeychain();
    const desktop = await openStore(file, { keyProtector: keychain });
    expect(desktop.keyProtection).toBe('os-keychain');
    expect(desktop.key!.equals(key)).toBe(true);
    await desktop.close();
    const sealed = JSON.parse(fs.readFileSync(storeKeyPath(file), 'utf8')) as {
      protection: string;
      key: string;
    };
    expect(sealed.protection).toBe('os-keychain');
    // The key itself is no longer written anywhere on disk.
    expect(fs.readFileSync(storeKeyPath(file), 'utf8')).not.toContain(key.toString('base64'));

    // The browser host cannot reach the keychain and says what to do instead.
    const web = await openStore(file).catch((e: unknown) => e);
    expect(web).toMatchObject({ code: 'key_unusable' });
    expect((web as Error).message).toMatch(
      /Open it with the desktop app once the keychain is unlocked/,
    );
    // Another user's keychain cannot unseal it.
    const stranger = await openStore(file, { keyProtector: testKeychain() }).catch(
      (e: unknown) => e,
    );
    expect(stranger).toMatchObject({ code: 'key_unusable' });

    const reopened = await openStore(file, { keyProtector: keychain });
    expect(reopened.sqlite.prepare('SELECT count(*) FROM students').pluck().get()).toBeGreaterThan(
      0,
    );
    await reopened.close();
  });

  it('runs background jobs in workers that open the encrypted file with the host key', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    const core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    // As under the desktop app, a worker cannot read the key itself: the host hands it over.
    fs.rmSync(storeKeyPath(store.path));
    const job = core.jobs.start('pipeline', { mode: 'backfill', trigger: 'manual' });
    const done = await core.jobs.wait(job);
    expect(done.status).toBe('succeeded');
    expect(
      store.sqlite.prepare('SELECT count(*) FROM student_features').pluck().get(),
    ).toBeGreaterThan(0);
    await core.close();
  });

  it('makes a fresh key for each new database', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const a = await createStoreKey(path.join(t.dir, 'a.sqlite'), ownerOnlyFile);
    const b = await createStoreKey(path.join(t.dir, 'b.sqlite'), ownerOnlyFile);
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(b.key)).toBe(false);
  });
});
