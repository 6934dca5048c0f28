import type BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Database, SyncedColumns, SyncedTableName } from '../schema';
import type { CommonColumns } from './rows';

/** A row's own columns; the synced columns every row shares travel separately (see `insert`). */
export type RowFields<T extends SyncedTableName> = Omit<
  Insertable<Database[T]>,
  keyof SyncedColumns
>;

const COMMON_COLUMNS: readonly (keyof SyncedColumns)[] = [
  'id',
  'district_id',
  'school_id',
  'source_system',
  'source_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'version',
];

interface Prepared {
  statement: BetterSqlite3.Statement;
  columns: string[];
  fromCommon: boolean[];
}

/**
 * Bulk insert through the raw better-sqlite3 connection: one prepared statement per table with
 * positional parameters, committed every `batchRows` rows so the WAL stays small and a
 * 50,000-student run never holds one giant transaction.
 *
 * A row is passed as its common synced columns plus its own fields, both typed from
 * db/schema.ts, rather than one object spread together: V8 turns `{ ...common, ...fields }`
 * into a slow dictionary-mode object, which cost ~5 µs a row (more than SQLite's insert).
 * Column lists come from the live table (PRAGMA table_info), so statements always match the
 * migrated schema; a column absent from both objects is written as NULL.
 */
export class SeedWriter {
  readonly counts: Record<string, number> = {};
  private readonly prepared = new Map<string, Prepared>();
  private pending = 0;
  private open = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly batchRows = 50_000,
  ) {}

  insert<T extends SyncedTableName>(table: T, common: CommonColumns, fields: RowFields<T>): void {
    const p = this.prepared.get(table) ?? this.prepare(table);
    const a = common as unknown as Record<string, unknown>;
    const b = fields as unknown as Record<string, unknown>;
    const values = new Array<unknown>(p.columns.length);
    for (let i = 0; i < p.columns.length; i++) {
      const column = p.columns[i] as string;
      values[i] = (p.fromCommon[i] ? a[column] : b[column]) ?? null;
    }
    if (!this.open) {
      this.sqlite.exec('BEGIN');
      this.open = true;
    }
    p.statement.run(values);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
    if (++this.pending >= this.batchRows) this.commit();
  }

  commit(): void {
    if (!this.open) return;
    this.sqlite.exec('COMMIT');
    this.open = false;
    this.pending = 0;
  }

  rollback(): void {
    if (!this.open) return;
    this.sqlite.exec('ROLLBACK');
    this.open = false;
    this.pending = 0;
  }

  private prepare(table: string): Prepared {
    const info = this.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    const columns = info.map((c) => c.name);
    if (columns.length === 0) throw new Error(`table ${table} does not exist; was it migrated?`);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const statement = this.sqlite.prepare(
      `INSERT INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const common = new Set<string>(COMMON_COLUMNS);
    const prepared = { statement, columns, fromCommon: columns.map((c) => common.has(c)) };
    this.prepared.set(table, prepared);
    return prepared;
  }
}
