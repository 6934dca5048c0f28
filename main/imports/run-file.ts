import type SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { ImportKind, ImportStatus } from '../../db/schema';
import { ImportCancelled } from './errors';
import { sha256File } from './hash';
import type { ImportContext, RowResult } from './importer';
import { Lookups } from './lookups';
import type { DateOrder } from './read/dates';
import { count, emptyCounts, summarize, type FileReport } from './report';
import type { ImportScope } from './scope';
import { loadDateOrder } from './settings';
import { DirtyMarks } from './write/dirty';
import { prepareQuarantine } from './write/quarantine';

/** The part of an import's options every file format shares (see FileImportOptions). */
export interface RunOptions {
  sourceSystem?: string;
  mode?: 'bulk' | 'delta' | null;
  dateOrder?: DateOrder;
  jobId?: string | null;
  /** Called every few thousand rows with the share of the file read. */
  onProgress?: (fraction: number, rowsRead: number) => void;
  isCancelled?: () => boolean;
  now?: number;
  /** A teacher's or school admin's import: rows outside it are quarantined (scope.ts). */
  scope?: ImportScope | null;
}

/** What a format's reader tells the run about the file before the first row. */
export interface RunSetup extends RunOptions {
  kind: ImportKind;
  path: string;
  fileName: string;
  totalBytes: number;
  bytesRead: () => number;
  defaultSourceSystem: string;
  mapping: unknown;
  /** Written with the import row; read again at the end (a reader may learn more as it goes). */
  detail: () => Record<string, unknown>;
}

/** Handed to a format's row loop while the file's transaction is open. */
export interface RunHandle {
  ctx: ImportContext;
  importId: string;
  /** Accounts for one input record: counts it, and quarantines it when it carries a reason. */
  account(line: number | null, raw: string | null, result: RowResult): void;
  /** Runs one row's write; a constraint the importer did not foresee becomes that row's reason. */
  guard(write: () => RowResult): RowResult;
}

const CHECK_EVERY = 2000;
const IMPORT_CACHE_KIB = 256 * 1024;

/**
 * A constraint message in words a person can act on; the raw message stays in brackets for
 * whoever reads the logs.
 */
export function describeConstraint(message: string): string {
  if (/UNIQUE constraint failed.*(source_id|_source\b)/.test(message)) {
    return `Another row already has this record ID with a different student, date or class, so this row was not saved. Check the ID column: every row needs its own ID (${message}).`;
  }
  if (/FOREIGN KEY/.test(message)) {
    return `This row refers to a student, class, grading period or assignment that is not on record (${message}). Import the roster first.`;
  }
  if (/CHECK constraint/.test(message)) {
    return `A value in this row is outside what Sightline accepts (${message}). Check the numbers and dates in the row.`;
  }
  return `The database refused this row (${message}).`;
}

/**
 * This import's timestamp. Rows it writes carry it as updated_at, and the upsert reads
 * "updated_at = now" as "already written by this file", so two imports must never share one:
 * two small files can finish within the same millisecond.
 */
function importClock(sqlite: SQLite.Database, now: number | undefined): number {
  if (now !== undefined) return now;
  const last = sqlite.prepare('SELECT max(started_at) FROM imports').pluck().get() as number | null;
  return Math.max(Date.now(), (last ?? 0) + 1);
}

/**
 * Runs one file's import in one transaction together with its quarantine rows, its report
 * row and the pipeline's dirty marks: after a crash or a cancel the database is exactly as
 * before the file. Needs a connection of its own (a worker's or the CLI's): the transaction
 * stays open across the awaits of the streaming reader. `rows` is the format's loop; it calls
 * `account` once per input record and may write more (e.g. roll-ups) before it returns.
 */
export async function runFileImport(
  sqlite: SQLite.Database,
  setup: RunSetup,
  rows: (run: RunHandle) => Promise<void>,
): Promise<FileReport> {
  const now = importClock(sqlite, setup.now);
  const importId = uuidv7();
  const jobId = setup.jobId ?? null;
  const sha256 = await sha256File(setup.path);
  sqlite
    .prepare(
      `INSERT INTO imports (id, job_id, kind, file_name, file_sha256, file_bytes, mode, status,
         mapping_json, detail_json, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
    )
    .run(
      importId,
      jobId,
      setup.kind,
      setup.fileName,
      sha256,
      setup.totalBytes,
      setup.mode ?? null,
      setup.mapping === null ? null : JSON.stringify(setup.mapping),
      JSON.stringify(setup.detail()),
      now,
    );

  const counts = emptyCounts();
  const finish = sqlite.prepare(
    `UPDATE imports SET status = ?, rows_total = ?, added = ?, updated = ?, unchanged = ?,
       deleted = ?, quarantined = ?, ignored = ?, error = ?, detail_json = ?, finished_at = ?
     WHERE id = ?`,
  );
  const record = (status: ImportStatus, error: string | null) =>
    finish.run(
      status,
      counts.rowsTotal,
      counts.added,
      counts.updated,
      counts.unchanged,
      counts.deleted,
      counts.quarantined,
      counts.ignored,
      error,
      JSON.stringify(setup.detail()),
      Date.now(),
      importId,
    );

  const ctx: ImportContext = {
    sqlite,
    now,
    sourceSystem: setup.sourceSystem ?? setup.defaultSourceSystem,
    dateOrder: setup.dateOrder ?? loadDateOrder(sqlite),
    mode: setup.mode ?? null,
    lookups: new Lookups(sqlite, setup.scope ?? null),
    dirty: new DirtyMarks(),
    importId,
  };
  // Random index inserts over millions of rows thrash SQLite's default 2 MB page cache.
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const quarantine = prepareQuarantine(sqlite, { jobId, importId }, setup.fileName, now);
    const handle: RunHandle = {
      ctx,
      importId,
      account(line, raw, result) {
        if ('reason' in result) quarantine(line, raw, result.reason);
        count(counts, result);
        if (counts.rowsTotal % CHECK_EVERY === 0) {
          if (setup.isCancelled?.()) throw new ImportCancelled();
          setup.onProgress?.(setup.bytesRead() / Math.max(1, setup.totalBytes), counts.rowsTotal);
        }
      },
      guard(write) {
        try {
          return write();
        } catch (error) {
          // A constraint the importer did not foresee still names the row, never aborts the file.
          if (!(error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw error;
          return { reason: describeConstraint((error as Error).message) };
        }
      },
    };
    await rows(handle);
    if (setup.isCancelled?.()) throw new ImportCancelled();
    ctx.dirty.flush(sqlite);
    record('committed', null);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    const cancelled = error instanceof ImportCancelled;
    const message = cancelled ? null : (error as Error).message;
    Object.assign(counts, emptyCounts());
    record(cancelled ? 'cancelled' : 'failed', message);
    if (!cancelled) throw error;
    return report('cancelled', null);
  }
  setup.onProgress?.(1, counts.rowsTotal);
  return report('committed', null);

  function report(status: ImportStatus, error: string | null): FileReport {
    return {
      importId,
      kind: setup.kind,
      fileName: setup.fileName,
      status,
      ...counts,
      summary: summarize(counts, status, error),
      error,
    };
  }
}
