/**
 * Reads a small bundle file (orgs, academic sessions, roles) whole, before it or a file that
 * depends on it is imported. The binding does not order rows, so a school may come before its
 * district and a semester before its school year; and in 1.2 a user's role is in roles.csv,
 * which users.csv needs in order to know whether a user is a student or staff.
 */
import { normalizeHeader } from '../mapping';
import { isProblem, openCsv } from '../read/csv';

export interface PreRow {
  line: number;
  /** Values by normalized header ("sourcedid", "parentsourcedid", …). */
  get(column: string): string;
}

/**
 * The width rule importCsvFile applies (run-csv.ts, not exported): the header's width, or wider
 * with only empty extras (a trailing delimiter). It must match exactly, or read-ahead rows and
 * imported rows would pair up wrongly (see ParentFirst).
 */
function fitsWidth(values: readonly string[], width: number): boolean {
  if (values.length < width) return false;
  for (let i = width; i < values.length; i++) if (values[i] !== '') return false;
  return true;
}

export async function preRead(path: string): Promise<PreRow[]> {
  const reader = await openCsv(path);
  const index = new Map(reader.headers.map((h, i) => [normalizeHeader(h), i]));
  const rows: PreRow[] = [];
  for await (const batch of reader.batches()) {
    for (const rec of batch) {
      // Rows the import will quarantine anyway (unreadable, wrong width) are not read ahead.
      if (isProblem(rec) || !fitsWidth(rec.values, reader.headers.length)) continue;
      const values = rec.values;
      rows.push({
        line: rec.line,
        get: (column) => {
          const i = index.get(normalizeHeader(column));
          return i === undefined ? '' : (values[i] ?? '');
        },
      });
    }
  }
  return rows;
}
