import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { ImportSetupError } from './errors';
import type { JsonImporter } from './importer';
import { isJsonProblem, openJsonRecords } from './read/json';
import type { FileReport } from './report';
import { runFileImport, type RunOptions } from './run-file';

export interface JsonFileImportOptions extends RunOptions {
  path: string;
  /** Name shown in reports and quarantine rows (default: the file's base name). */
  fileName?: string;
  importer: JsonImporter;
}

/**
 * Imports one JSON-lines file (or one JSON array of records) in one transaction with its
 * quarantine rows, report row and dirty marks, exactly as importCsvFile does for CSV: a line
 * that is not JSON is quarantined with its line number, never dropped.
 */
export async function importJsonLinesFile(
  sqlite: SQLite.Database,
  options: JsonFileImportOptions,
): Promise<FileReport> {
  const { importer } = options;
  const fileName = options.fileName ?? path.basename(options.path);
  const reader = openJsonRecords(options.path);
  if (reader.totalBytes === 0) throw new ImportSetupError(`${fileName} is empty.`);

  return runFileImport(
    sqlite,
    {
      ...options,
      kind: importer.kind,
      fileName,
      totalBytes: reader.totalBytes,
      bytesRead: reader.bytesRead,
      defaultSourceSystem: importer.defaultSourceSystem,
      mapping: null,
      detail: () => ({ format: reader.format }),
    },
    async (run) => {
      const writer = importer.open(run.ctx);
      for await (const batch of reader.batches()) {
        for (const rec of batch) {
          const result = isJsonProblem(rec)
            ? { reason: rec.reason }
            : run.guard(() => writer.write(rec.value));
          run.account(rec.line, rec.raw, result);
        }
      }
      writer.finish?.();
    },
  );
}
