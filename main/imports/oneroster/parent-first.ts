import type { RowResult } from '../importer';
import type { PreRow } from './pre-read';
import { q } from './values';

/**
 * Writes a row's parent before the row, within one file. The file is read ahead (PreRow); when
 * a row needs a parent that comes later in the same file, the parent is written at once and its
 * result kept, and when the import reaches the parent's row it reports the kept result instead
 * of writing again. So every row still ends in exactly one outcome, counted once.
 *
 * Rows are matched by ordinal: the import hands the row writer the same readable rows, in the
 * same order, that the read-ahead kept (the RowWriter contract carries no line number).
 */
export class ParentFirst {
  readonly #rows: readonly PreRow[];
  readonly #first = new Map<string, number>();
  readonly #done = new Map<number, RowResult>();
  readonly #inProgress = new Set<number>();
  readonly #write: (row: PreRow) => RowResult;

  constructor(rows: readonly PreRow[], write: (row: PreRow) => RowResult) {
    this.#rows = rows;
    rows.forEach((row, i) => {
      const id = row.get('sourcedId');
      // A repeated sourcedId is the later row's problem (duplicate/conflict), not the parent's.
      if (id !== '' && !this.#first.has(id)) this.#first.set(id, i);
    });
    this.#write = write;
  }

  /** True when this file has a row with that sourcedId. */
  has(sourcedId: string): boolean {
    return this.#first.has(sourcedId);
  }

  /**
   * Makes sure the file's row for `sourcedId` has been written. Returns null when it has (or
   * the file has no such row), else why it could not be.
   */
  ensure(sourcedId: string): string | null {
    const index = this.#first.get(sourcedId);
    if (index === undefined) return null;
    const result = this.#resultOf(index);
    return 'reason' in result
      ? `its row (line ${this.#rows[index]!.line}) could not be imported: ${result.reason}`
      : null;
  }

  /**
   * The outcome for the `ordinal`-th row the import reads: kept from an early write, or written
   * now. A row repeating an earlier row's sourcedId is written as it is, so the upsert reports
   * it as a duplicate or a conflict.
   */
  take(ordinal: number, row: PreRow): RowResult {
    const id = row.get('sourcedId');
    const index = this.#first.get(id);
    if (index === undefined) return this.#write(row);
    // Should the read-ahead ever disagree with the import about which row this is, a row
    // already written early still reports that write rather than failing as its own duplicate.
    const aligned = this.#rows[ordinal]?.get('sourcedId') === id;
    if (index === ordinal || (!aligned && this.#done.has(index))) return this.#resultOf(index);
    return this.#write(row);
  }

  #resultOf(index: number): RowResult {
    const kept = this.#done.get(index);
    if (kept) return kept;
    const row = this.#rows[index]!;
    if (this.#inProgress.has(index)) {
      return {
        reason: `parentSourcedId leads back to ${q(row.get('sourcedId'))} (a cycle). Fix the parentSourcedId chain.`,
      };
    }
    this.#inProgress.add(index);
    try {
      const result = this.#write(row);
      this.#done.set(index, result);
      return result;
    } finally {
      this.#inProgress.delete(index);
    }
  }
}
