import type SQLite from 'better-sqlite3';
import type { SyncedTableName } from '../../../db/schema';
import { newId } from './ids';

export type UpsertOutcome = 'added' | 'updated' | 'unchanged' | 'duplicate' | 'conflict';

type Value = string | number | null;

export interface UpsertRow {
  sourceId: string | null;
  districtId: string;
  schoolId: string | null;
  /** The table's own columns (not the synced bookkeeping ones). */
  values: Record<string, Value>;
}

/**
 * How a row is recognised on re-import. The default is the outside system's id
 * (source_system, source_id); tables whose exports carry no id (attendance) name a natural key
 * backed by a unique index instead.
 */
export interface Identity {
  /** The ON CONFLICT target, matching a unique index exactly. */
  conflict: string;
  /** The same key as a WHERE clause over the table's columns, with `?` parameters. */
  where: string;
  args(row: UpsertRow, sourceSystem: string): Value[];
}

export const SOURCE_ID_IDENTITY: Identity = {
  conflict: '(source_system, source_id) WHERE source_id IS NOT NULL',
  where: 'source_system = ? AND source_id = ?',
  args: (row, sourceSystem) => [sourceSystem, row.sourceId],
};

export interface SyncedUpsert {
  (row: UpsertRow): { outcome: UpsertOutcome; id: string | null };
  /** Tombstones the row with this source id (OneRoster delta `tobedeleted`). */
  remove(sourceId: string): 'deleted' | 'unchanged' | 'missing';
}

/**
 * Row ids as a bitmap: rowids are small dense integers, so a million rows cost 128 KB where a
 * Set would cost tens of MB. Ids past the bitmap's sensible size go to a Set.
 */
export class RowSet {
  #bits = new Uint32Array(1024);
  readonly #far = new Set<number>();
  static readonly #MAX_BITS = 1 << 28;

  add(rowid: number): void {
    if (rowid < 0 || rowid >= RowSet.#MAX_BITS) {
      this.#far.add(rowid);
      return;
    }
    const word = rowid >>> 5;
    if (word >= this.#bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    this.#bits[word]! |= 1 << (rowid & 31);
  }

  has(rowid: number): boolean {
    if (rowid < 0 || rowid >= RowSet.#MAX_BITS) return this.#far.has(rowid);
    const word = rowid >>> 5;
    return word < this.#bits.length && (this.#bits[word]! & (1 << (rowid & 31))) !== 0;
  }
}

type Existing = Record<string, Value> & {
  rid: number;
  id: string;
  updated_at: number;
  deleted_at: number | null;
};

/** How fast the guess "rows are already on record" follows the file (about 30 rows). */
const DECAY = 31 / 32;

/**
 * Insert-or-update knowing what happened, so the import report can say "added 10, updated 2,
 * unchanged 988". A row is inserted (doing nothing on a conflict) or read and compared here,
 * whichever the recent rows suggest is likelier to be the only statement needed, and written
 * only when a value differs, so re-importing a file writes nothing. A row this file already wrote (updated_at = now) or
 * already found unchanged is never overwritten: a second row with the same identity is a
 * duplicate when identical and a conflict when not, and the first one wins, on the first
 * import and on every re-import alike.
 */
export function prepareSyncedUpsert(
  sqlite: SQLite.Database,
  table: SyncedTableName,
  columns: readonly string[],
  sourceSystem: string,
  now: number,
  identity: Identity = SOURCE_ID_IDENTITY,
): SyncedUpsert {
  const cols = columns.join(', ');
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (id, district_id, school_id, source_system, source_id, created_at,
       updated_at, deleted_at, version, ${cols})
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ${columns.map(() => '?').join(', ')})
     ON CONFLICT ${identity.conflict} DO NOTHING`,
  );
  const find = sqlite.prepare(
    `SELECT rowid AS rid, id, updated_at, deleted_at, district_id, school_id, source_id, ${cols}
     FROM ${table} WHERE ${identity.where}`,
  );
  const update = sqlite.prepare(
    `UPDATE ${table} SET district_id = ?, school_id = ?, source_id = ?, updated_at = ?,
       deleted_at = NULL, ${columns.map((c) => `${c} = ?`).join(', ')}
     WHERE rowid = ?`,
  );
  const findBySource = sqlite.prepare(
    `SELECT id, deleted_at FROM ${table} WHERE source_system = ? AND source_id = ?`,
  );
  const tombstone = sqlite.prepare(
    `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`,
  );
  // Rows on record this file has met and left alone: meeting one again is a duplicate.
  const seen = new RowSet();
  // Argument arrays reused for every row: a million rows, no million arrays.
  const args: Value[] = new Array<Value>(7 + columns.length);
  args[3] = sourceSystem;
  args[5] = now;
  args[6] = now;
  const changes: Value[] = new Array<Value>(5 + columns.length);
  changes[3] = now;

  // Share of recent rows already on record. A first import is mostly new rows, so inserting
  // first costs one statement; a nightly re-export is mostly old rows, so reading first does.
  let onRecord = 0;

  const decide = (row: UpsertRow, existing: Existing | undefined) => {
    if (!existing) return { outcome: 'conflict', id: null } as const;
    let same =
      existing.district_id === row.districtId &&
      existing.school_id === row.schoolId &&
      existing.source_id === row.sourceId;
    for (let i = 0; same && i < columns.length; i++) same = existing[columns[i]!] === args[7 + i];
    if (existing.updated_at === now || seen.has(existing.rid)) {
      return { outcome: same ? 'duplicate' : 'conflict', id: existing.id } as const;
    }
    if (same && existing.deleted_at === null) {
      seen.add(existing.rid);
      return { outcome: 'unchanged', id: existing.id } as const;
    }
    changes[0] = row.districtId;
    changes[1] = row.schoolId;
    changes[2] = row.sourceId;
    for (let i = 0; i < columns.length; i++) changes[4 + i] = args[7 + i]!;
    changes[4 + columns.length] = existing.rid;
    update.run(changes);
    return { outcome: 'updated', id: existing.id } as const;
  };

  /** Inserts the row unless its identity is taken; the new row's id, or null. */
  const tryInsert = (): string | null => {
    const id = newId();
    args[0] = id;
    if (insert.run(args).changes !== 1) return null;
    onRecord *= DECAY;
    return id;
  };

  const write = (row: UpsertRow) => {
    args[1] = row.districtId;
    args[2] = row.schoolId;
    args[4] = row.sourceId;
    for (let i = 0; i < columns.length; i++) args[7 + i] = row.values[columns[i]!] ?? null;
    const key = identity.args(row, sourceSystem);
    let existing: Existing | undefined;
    if (onRecord > 0.5) existing = find.get(key) as Existing | undefined;
    if (!existing) {
      const id = tryInsert();
      if (id) return { outcome: 'added', id } as const;
      existing = find.get(key) as Existing | undefined;
    }
    onRecord = onRecord * DECAY + (1 - DECAY);
    return decide(row, existing);
  };

  return Object.assign(write, {
    remove(sourceId: string) {
      const existing = findBySource.get(sourceSystem, sourceId) as
        { id: string; deleted_at: number | null } | undefined;
      if (!existing) return 'missing' as const;
      if (existing.deleted_at !== null) return 'unchanged' as const;
      tombstone.run(now, now, existing.id);
      return 'deleted' as const;
    },
  });
}
