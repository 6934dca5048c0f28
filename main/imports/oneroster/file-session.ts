/**
 * What one bundle file's import keeps beside the shared file import: the sourcedIds it saw
 * (a bulk file replaces the set, so rows it no longer lists are tombstoned), the reasons rows
 * were ignored, and a hook that runs after the last row inside the file's transaction.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate, SyncedTableName } from '../../../db/schema';
import type { ImportContext, RowResult } from '../importer';
import { DirtyMarks } from '../write/dirty';
import type { DataFile } from './manifest';

export class FileSession {
  readonly file: DataFile;
  readonly mode: 'bulk' | 'delta';
  /** Every sourcedId the file lists, whatever became of its row. */
  readonly seen = new Set<string>();
  readonly ignored = new Map<string, number>();
  /** Rows tombstoned because a bulk file no longer lists them. */
  absentDeleted = 0;
  /** The file's `now` (its rows' updated_at), known once the import opens. */
  now = 0;

  constructor(file: DataFile, mode: 'bulk' | 'delta') {
    this.file = file;
    this.mode = mode;
  }

  /** A row read and deliberately not stored: counted, with its reason kept for the report. */
  ignore(reason: string): RowResult {
    this.ignored.set(reason, (this.ignored.get(reason) ?? 0) + 1);
    return { outcome: 'ignored' };
  }
}

/**
 * Adapter until the shared importer has an end-of-file hook: importCsvFile flushes
 * `ctx.dirty` exactly once, after the last row and inside the file's transaction, so a
 * DirtyMarks whose flush first runs `finish` gives the importer that hook. Installed in
 * `open`, before any row is marked.
 */
class FinishingMarks extends DirtyMarks {
  readonly #finish: () => void;
  #finished = false;

  constructor(finish: () => void) {
    super();
    this.#finish = finish;
  }

  override flush(sqlite: SQLite.Database): void {
    if (!this.#finished) {
      this.#finished = true;
      this.#finish();
    }
    super.flush(sqlite);
  }
}

export function onFileEnd(ctx: ImportContext, finish: () => void): void {
  if (ctx.dirty.size > 0) throw new Error('onFileEnd must be installed before any row is marked');
  ctx.dirty = new FinishingMarks(finish);
}

/**
 * Bulk means "this is the whole set": rows of this source system that the file does not list
 * are tombstoned (never hard-deleted, so sync and history keep them). Rows listed but
 * quarantined are kept: a fixable mistake in one row must not delete the record.
 * `onTombstone` sees each tombstoned row (enrollments use it to mark students for recompute).
 */
export function tombstoneAbsent(
  ctx: ImportContext,
  table: SyncedTableName,
  seen: ReadonlySet<string>,
  onTombstone?: (row: { id: string; studentId: string | null; beginDate: IsoDate | null }) => void,
): number {
  const extra =
    table === 'enrollments'
      ? ', student_id, begin_date'
      : ', NULL AS student_id, NULL AS begin_date';
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, source_id${extra} FROM ${table}
        WHERE source_system = ? AND source_id IS NOT NULL AND deleted_at IS NULL`,
    )
    .all(ctx.sourceSystem) as {
    id: string;
    source_id: string;
    student_id: string | null;
    begin_date: IsoDate | null;
  }[];
  const tombstone = ctx.sqlite.prepare(
    `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`,
  );
  let n = 0;
  for (const row of rows) {
    if (seen.has(row.source_id)) continue;
    tombstone.run(ctx.now, ctx.now, row.id);
    onTombstone?.({ id: row.id, studentId: row.student_id, beginDate: row.begin_date });
    n++;
  }
  return n;
}
