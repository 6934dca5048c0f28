import type SQLite from 'better-sqlite3';
import { newId } from './ids';

/** Raw text kept per quarantined row: enough to find and fix it, bounded so a runaway row can't bloat the db. */
const MAX_RAW = 4096;

export type QuarantineWriter = (line: number | null, raw: string | null, reason: string) => void;

export function prepareQuarantine(
  sqlite: SQLite.Database,
  ids: { jobId: string | null; importId: string },
  sourceFile: string,
  now: number,
): QuarantineWriter {
  const insert = sqlite.prepare(
    `INSERT INTO quarantine (id, job_id, import_id, source_file, line_number, raw, reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (line, raw, reason) => {
    const text = raw === null ? null : raw.replace(/[\r\n]+$/, '');
    insert.run(
      newId(),
      ids.jobId,
      ids.importId,
      sourceFile,
      line,
      text !== null && text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text,
      reason,
      now,
    );
  };
}
