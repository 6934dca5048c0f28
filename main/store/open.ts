import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { KeyProtection } from '../api/contract';
import { migrations, SCHEMA_VERSION } from '../../db/migrations';
import { DatabaseOpenError } from './errors';
import {
  createStoreKey,
  isPlaintextDatabase,
  keyPragmas,
  ownerOnlyFile,
  readStoreKey,
  storeKeyPath,
  syncFolder,
  type KeyProtector,
  type StoreKey,
} from './key';

/** "SLIN" — marks a SQLite file as Sightline's, so we never migrate someone else's database. */
export const APPLICATION_ID = 0x534c494e;

export interface Store {
  path: string;
  sqlite: SQLite.Database;
  db: Kysely<Database>;
  /** The encryption key, for job workers that open their own connection; null in memory. */
  key: Buffer | null;
  /** What guards the key on this machine; null when the caller supplied the key. */
  keyProtection: KeyProtection | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Skip migrations (workers open a database the host has already migrated). */
  migrate?: boolean;
  /** Files up to this size get a full quick_check at open. */
  quickCheckMaxBytes?: number;
  /** The key, when the caller already holds it (job workers get it from their host). */
  key?: Buffer;
  /** What guards the key file: the desktop host passes the OS keychain. */
  keyProtector?: KeyProtector;
}

/**
 * Opens (creating if absent) a Sightline database, encrypted at rest (see key.ts): WAL, foreign
 * keys, busy timeout, then checks that the file is healthy and not from a newer release before
 * migrating it forward. A plaintext database from before encryption is checked, then encrypted
 * in place. Never overwrites a file it refuses.
 */
export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const inMemory = file === ':memory:';
  const isNew = inMemory || !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const quickCheckMaxBytes = options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES;
  const protector = options.keyProtector ?? ownerOnlyFile;

  let storeKey: StoreKey | null = null;
  if (!inMemory && options.key) {
    storeKey = { key: options.key, protection: protector.kind };
  } else if (!inMemory) {
    const plaintext = !isNew && isPlaintextDatabase(file);
    if (plaintext && !options.readonly) {
      storeKey = await encryptInPlace(file, protector, quickCheckMaxBytes);
    } else if (!plaintext) {
      storeKey =
        (await readStoreKey(file, protector)) ??
        (isNew ? await createStoreKey(file, protector) : null);
      if (!storeKey) throw keyMissing(file);
    }
  }

  const sqlite = connect(file, options, storeKey?.key ?? null);
  try {
    checkHealth(sqlite, file, isNew, quickCheckMaxBytes);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Encrypted pages are decrypted on every read from disk and mmap is off under a cipher, so
    // a larger page cache (64 MB, SQLite's default is 2 MB) keeps hot pages decrypted.
    sqlite.pragma('cache_size = -65536');
    if (isNew && !options.readonly) sqlite.pragma(`application_id = ${APPLICATION_ID}`);

    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    if (options.migrate !== false && !options.readonly) await migrateToLatest(db, sqlite);
    return {
      path: file,
      sqlite,
      db,
      key: storeKey?.key ?? null,
      keyProtection: options.key ? null : (storeKey?.protection ?? null),
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** A connection with the key applied; SQLite's verdict on the header is checked here. */
function connect(
  file: string,
  options: Pick<OpenOptions, 'readonly'>,
  key: Buffer | null,
): SQLite.Database {
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, {
      readonly: options.readonly ?? false,
      fileMustExist: false,
      // Electron needs the native module built for its own ABI; scripts/start-electron.mjs builds it.
      ...(process.env.SIGHTLINE_SQLITE_BINDING
        ? { nativeBinding: process.env.SIGHTLINE_SQLITE_BINDING }
        : {}),
    });
  } catch (error) {
    throw classifyOpenError(error, file, key);
  }
  try {
    if (key) for (const pragma of keyPragmas(key)) sqlite.pragma(pragma);
    // Reading the schema makes SQLite read (and decrypt) the header: garbage fails here.
    sqlite.pragma('schema_version');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw classifyOpenError(error, file, key);
  }
}

function classifyOpenError(error: unknown, file: string, key: Buffer | null): unknown {
  const code = (error as { code?: unknown }).code;
  // Only SQLite's own verdict means a bad file; anything else (a missing native module,
  // permissions) is reported as it is, never as "move the file aside".
  if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') return error;
  const cause = key
    ? `is damaged, or was encrypted with a key other than the one in ${storeKeyPath(file)}`
    : 'is damaged or is not a SQLite database';
  return new DatabaseOpenError(
    'corrupt',
    `The database file ${file} ${cause} (${(error as Error).message}). ` +
      'It was left untouched; restore it from a backup or move it aside to start fresh.',
    file,
  );
}

function keyMissing(file: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'key_missing',
    `The database file ${file} is encrypted (or damaged), and its key file ${storeKeyPath(file)} is missing. ` +
      'It was left untouched; restore the key file from the backup you made with the database, or move the database aside to start fresh.',
    file,
  );
}

/**
 * A database from before encryption: checked as it is (a file we would refuse stays as it was),
 * then encrypted into a copy that replaces it by rename, so a crash leaves either the plaintext
 * file or the encrypted one, never a mix. The key is written first and reused on a retry.
 */
async function encryptInPlace(
  file: string,
  protector: KeyProtector,
  quickCheckMaxBytes: number,
): Promise<StoreKey> {
  const plain = connect(file, {}, null);
  try {
    checkHealth(plain, file, false, quickCheckMaxBytes);
    // Held until the encrypted copy has replaced the file, so no other process can write to
    // the plaintext file (writes the rename would lose) or start a second migration.
    plain.pragma('locking_mode = EXCLUSIVE');
    try {
      plain.pragma('wal_checkpoint(TRUNCATE)');
      // Leaving WAL needs every other connection closed; SQLITE_BUSY says another copy is running.
      plain.pragma('journal_mode = DELETE');
      plain.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
      throw new DatabaseOpenError(
        'in_use',
        `The database ${file} needs to be encrypted once, and another program has it open. Close other Sightline windows and try again.`,
        file,
      );
    }
    const storeKey =
      (await readStoreKey(file, protector)) ?? (await createStoreKey(file, protector));
    const temp = `${file}.encrypting`;
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    fs.copyFileSync(file, temp);
    const encrypted = new SQLite(temp, {
      ...(process.env.SIGHTLINE_SQLITE_BINDING
        ? { nativeBinding: process.env.SIGHTLINE_SQLITE_BINDING }
        : {}),
    });
    try {
      encrypted.pragma(`cipher = 'aegis'`);
      encrypted.pragma(`rekey = 'raw:${storeKey.key.toString('hex')}'`);
    } finally {
      encrypted.close();
    }
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
    syncFolder(path.dirname(file));
    plain.exec('ROLLBACK');
    return storeKey;
  } finally {
    plain.close();
  }
}

/**
 * quick_check reads every page (~1.5 ms per MB here): affordable at open for a school-sized file,
 * not for a 50,000-student one. Past this size damage surfaces when a query touches it, and
 * the router names it (see router.ts); `npm run cli -- check` runs the full check on demand.
 */
export const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

/** PRAGMA quick_check's verdict: 'ok' or what is wrong. */
export function quickCheck(sqlite: SQLite.Database): string {
  try {
    return String(sqlite.pragma('quick_check', { simple: true }));
  } catch (error) {
    return (error as Error).message;
  }
}

function checkHealth(
  sqlite: SQLite.Database,
  file: string,
  isNew: boolean,
  quickCheckMaxBytes: number,
): void {
  if (isNew) return;
  const check = fs.statSync(file).size <= quickCheckMaxBytes ? quickCheck(sqlite) : 'ok';
  if (check !== 'ok') {
    throw new DatabaseOpenError(
      'corrupt',
      `The database file ${file} failed its integrity check (${check}). It was left untouched; ` +
        'restore it from a backup or move it aside to start fresh.',
      file,
    );
  }
  const appId = Number(sqlite.pragma('application_id', { simple: true }));
  const hasTables = Number(
    sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get(),
  );
  if (appId !== APPLICATION_ID && hasTables > 0) {
    throw new DatabaseOpenError(
      'not_sightline',
      `The file ${file} is a SQLite database that Sightline did not create. It was left untouched; ` +
        'point SIGHTLINE_DATA_DIR at another folder.',
      file,
    );
  }
  const userVersion = Number(sqlite.pragma('user_version', { simple: true }));
  if (userVersion > SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      'newer_version',
      `The database ${file} was written by a newer Sightline (schema ${userVersion}; this version knows ` +
        `${SCHEMA_VERSION}). It was left untouched; update Sightline to open it.`,
      file,
    );
  }
}

/**
 * Runs each pending migration and its `user_version` bump in one transaction, so a crash leaves
 * the file at a whole schema version. (Kysely's Migrator does not wrap SQLite DDL in transactions.)
 */
async function migrateToLatest(db: Kysely<Database>, sqlite: SQLite.Database): Promise<void> {
  const current = Number(sqlite.pragma('user_version', { simple: true }));
  const names = Object.keys(migrations).sort();
  for (const [index, name] of names.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migrations[name]!.up(trx);
      await sql.raw(`PRAGMA user_version = ${version}`).execute(trx);
    });
  }
}
