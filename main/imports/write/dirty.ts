import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../../db/schema';

/**
 * Collects, per student, the earliest date an import touched, and writes it to
 * `feature_dirty` in the import's own transaction so the incremental pipeline recomputes
 * exactly those students from those weeks on.
 */
export class DirtyMarks {
  readonly #from = new Map<string, IsoDate>();

  mark(studentId: string, date: IsoDate): void {
    const prev = this.#from.get(studentId);
    if (prev === undefined || date < prev) this.#from.set(studentId, date);
  }

  get size(): number {
    return this.#from.size;
  }

  flush(sqlite: SQLite.Database): void {
    const upsert = sqlite.prepare(
      `INSERT INTO feature_dirty (student_id, from_date) VALUES (?, ?)
       ON CONFLICT (student_id) DO UPDATE SET from_date = min(from_date, excluded.from_date)`,
    );
    for (const [studentId, date] of this.#from) upsert.run(studentId, date);
    this.#from.clear();
  }
}
