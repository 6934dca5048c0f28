import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { migrations, SCHEMA_VERSION } from '../../db/migrations';
import { DatabaseOpenError } from './errors';

/** "SLIN" — marks a SQLite file as Sightline's, so we never migrate someone else's database. */
export const APPLICATION_ID = 0x534c494e;

export interface Store {
  path: string;
  sqlite: SQLite.Database;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Skip migrations (workers open a database the host has already migrated). */
  migrate?: boolean;
  /** Files up to this size get a full quick_check at open. */
  quickCheckMaxBytes?: number;
}

/**
 * Opens (creating if absent) a Sightline database: WAL, foreign keys, busy timeout, then
 * checks that the file is healthy and not from a newer release before migrating it forward.
 * Never overwrites a file it refuses.
 */
export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const isNew = file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });

  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, {
      readonly: options.readonly ?? false,
      fileMustExist: false,
      // Electron needs better-sqlite3 built for its own ABI; scripts/start-electron.mjs builds it.
      ...(process.env.SIGHTLINE_SQLITE_BINDING
        ? { nativeBinding: process.env.SIGHTLINE_SQLITE_BINDING }
        : {}),
    });
    // Reading the schema forces SQLite to parse the header: garbage fails here.
    sqlite.pragma('schema_version');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Only SQLite's own verdict means a bad file; anything else (a missing native module,
    // permissions) is reported as it is, never as "move the file aside".
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw error;
    throw new DatabaseOpenError(
      'corrupt',
      `The database file ${file} is damaged or is not a SQLite database (${(error as Error).message}). ` +
        'It was left untouched; restore it from a backup or move it aside to start fresh.',
      file,
    );
  }
  try {
    checkHealth(sqlite, file, isNew, options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (isNew && !options.readonly) sqlite.pragma(`application_id = ${APPLICATION_ID}`);

    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    if (options.migrate !== false && !options.readonly) await migrateToLatest(db, sqlite);
    return {
      path: file,
      sqlite,
      db,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
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
