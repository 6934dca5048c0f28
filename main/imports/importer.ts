import type SQLite from 'better-sqlite3';
import type { ImportKind } from '../../db/schema';
import type { Lookups } from './lookups';
import type { ColumnMapping, FieldSpec } from './mapping';
import type { DateOrder } from './read/dates';
import type { DirtyMarks } from './write/dirty';

/** What happened to one input row. Every row ends in exactly one of these. */
export type RowResult =
  { outcome: 'added' | 'updated' | 'unchanged' | 'deleted' | 'ignored' } | { reason: string };

/** Everything a row importer needs while one file's transaction is open. */
export interface ImportContext {
  sqlite: SQLite.Database;
  /** This file's timestamp: rows it adds or changes get it as updated_at. */
  now: number;
  /** Whose ids these are (`source_system`), e.g. "sis", "lms" or "oneroster". */
  sourceSystem: string;
  dateOrder: DateOrder;
  /** OneRoster's file mode: a delta file's rows carry status (active / tobedeleted). */
  mode: 'bulk' | 'delta' | null;
  lookups: Lookups;
  dirty: DirtyMarks;
  /** The `imports` row this file is recorded under (set by the file runners). */
  importId?: string;
}

/** Reads one mapped record of a file and writes it, or says why it cannot. */
export type RowWriter = (values: readonly string[], mapping: ColumnMapping) => RowResult;

/** A CSV format Sightline imports row by row (xAPI statements use JsonImporter below). */
export interface RowImporter {
  kind: ImportKind;
  /** Plain name shown in the wizard, e.g. "Attendance events". */
  title: string;
  fields: readonly FieldSpec[];
  /** Lower-case words in a file name that suggest this kind, e.g. ["attendance", "absences"]. */
  fileNameHints: readonly string[];
  /** `source_system` when the user does not name one. */
  defaultSourceSystem: string;
  open(ctx: ImportContext): RowWriter;
}

/** Writes one parsed JSON record (an xAPI statement) or says why it cannot. */
export interface JsonRecordWriter {
  write(value: unknown): RowResult;
  /** After the last record, inside the file's transaction: e.g. roll statements up per day. */
  finish?(): void;
}

/** A JSON-lines format (xAPI statements): no header, no mapping; one value per record. */
export interface JsonImporter {
  kind: ImportKind;
  title: string;
  fileNameHints: readonly string[];
  defaultSourceSystem: string;
  open(ctx: ImportContext): JsonRecordWriter;
}

/** Maps a store outcome onto the report's words: duplicates and conflicts become reasons. */
export function fromUpsert(
  outcome: 'added' | 'updated' | 'unchanged' | 'duplicate' | 'conflict',
  what: string,
): RowResult {
  switch (outcome) {
    case 'duplicate':
      return { reason: `Exact duplicate of an earlier row in this file (${what}); kept once.` };
    case 'conflict':
      return {
        reason: `Another row earlier in this file has the same ${what} with different values; the earlier row was kept. Remove one of them.`,
      };
    default:
      return { outcome };
  }
}
