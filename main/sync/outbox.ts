import type SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { OutboxTable, SyncedTableName } from '../../db/schema';

/**
 * Queues a local write for the district (ARCHITECTURE.md, write path). Call it inside the same
 * transaction as the change itself, so a row is never changed without its outbox entry or the
 * other way round. The uploader (sync) sends pending rows in order.
 */
export function recordLocalChange(
  sqlite: SQLite.Database,
  change: {
    table: SyncedTableName;
    rowId: string;
    operation: OutboxTable['operation'];
    /** Changed columns by their database names. */
    changes: Record<string, unknown>;
    /** The server version the change was made against (0 for a row the server has not seen). */
    baseVersion: number;
  },
): void {
  const now = Date.now();
  sqlite
    .prepare(
      `INSERT INTO outbox (id, table_name, row_id, operation, changes_json, base_version, status,
         reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, ?, ?)`,
    )
    .run(
      uuidv7(),
      change.table,
      change.rowId,
      change.operation,
      JSON.stringify(change.changes),
      change.baseVersion,
      now,
      now,
    );
}

/** Inserts a new row written on this laptop, with its outbox entry, in one transaction. */
export function insertLocal(
  sqlite: SQLite.Database,
  table: SyncedTableName,
  row: { id: string } & Record<string, unknown>,
): void {
  const columns = Object.keys(row);
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      .run(row);
    recordLocalChange(sqlite, {
      table,
      rowId: row.id,
      operation: 'insert',
      changes: row,
      baseVersion: 0,
    });
  })();
}

/** Updates columns of a row on this laptop, with its outbox entry, in one transaction. */
export function updateLocal(
  sqlite: SQLite.Database,
  table: SyncedTableName,
  id: string,
  changes: Record<string, unknown>,
  baseVersion: number,
): void {
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `UPDATE ${table} SET ${Object.keys(changes)
          .map((c) => `${c} = @${c}`)
          .join(', ')} WHERE id = @id`,
      )
      .run({ ...changes, id });
    recordLocalChange(sqlite, { table, rowId: id, operation: 'update', changes, baseVersion });
  })();
}
