import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { ImportSetupError } from './errors';
import type { RowImporter, RowResult } from './importer';
import { autoMap, missingRequired, sourceKey, type ColumnMapping } from './mapping';
import { isProblem, openCsv, type CsvOptions } from './read/csv';
import type { FileReport } from './report';
import { runFileImport, type RunOptions } from './run-file';

export interface FileImportOptions extends RunOptions {
  path: string;
  /** Name shown in reports and quarantine rows (default: the file's base name). */
  fileName?: string;
  importer: RowImporter;
  /**
   * The mapping the user confirmed; it is remembered for exports with the same headers. By
   * default the one remembered for this source is used, else the automatic one.
   */
  mapping?: ColumnMapping;
  csv?: CsvOptions;
}

/** The mapping a user confirmed for exports with exactly these headers, if any. */
export function rememberedMapping(
  sqlite: SQLite.Database,
  importer: RowImporter,
  headers: readonly string[],
): ColumnMapping | null {
  const raw = sqlite
    .prepare('SELECT mapping_json FROM import_mappings WHERE source_key = ?')
    .pluck()
    .get(sourceKey(importer.kind, headers)) as string | undefined;
  return raw ? (JSON.parse(raw) as ColumnMapping) : null;
}

export function mappingFor(
  sqlite: SQLite.Database,
  importer: RowImporter,
  headers: readonly string[],
): ColumnMapping {
  return rememberedMapping(sqlite, importer, headers) ?? autoMap(headers, importer.fields);
}

function rememberMapping(
  sqlite: SQLite.Database,
  importer: RowImporter,
  headers: readonly string[],
  mapping: ColumnMapping,
  now: number,
): void {
  sqlite
    .prepare(
      `INSERT INTO import_mappings (source_key, kind, headers_json, mapping_json, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (source_key) DO UPDATE SET mapping_json = excluded.mapping_json,
         updated_at = excluded.updated_at`,
    )
    .run(
      sourceKey(importer.kind, headers),
      importer.kind,
      JSON.stringify(headers),
      JSON.stringify(mapping),
      now,
    );
}

function checkMapping(
  fileName: string,
  mapping: ColumnMapping,
  importer: RowImporter,
  headers: string[],
) {
  for (const [key, index] of Object.entries(mapping)) {
    if (index !== null && (!Number.isInteger(index) || index < 0 || index >= headers.length)) {
      throw new ImportSetupError(
        `${fileName}: the mapping points “${key}” at column ${index}, but the file has ${headers.length} columns. Map the columns again.`,
      );
    }
  }
  const missing = missingRequired(mapping, importer.fields);
  if (missing.length > 0) {
    throw new ImportSetupError(
      `${fileName}: no column was found for ${missing.map((f) => f.label).join(', ')}. ` +
        `The file's columns are: ${headers.join(', ')}. Map them in the import wizard.`,
    );
  }
}

/** Extra fields past the header are harmless when empty: many exports end rows with a delimiter. */
export function fitsWidth(values: string[], width: number): boolean {
  if (values.length === width) return true;
  if (values.length < width) return false;
  for (let i = width; i < values.length; i++) if (values[i] !== '') return false;
  return true;
}

/**
 * Imports one CSV file in one transaction together with its quarantine rows, its report row
 * and the pipeline's dirty marks: after a crash the database is exactly as before the file.
 * Needs a connection of its own (a worker's or the CLI's): the transaction stays open across
 * the awaits of the streaming parser.
 */
export async function importCsvFile(
  sqlite: SQLite.Database,
  options: FileImportOptions,
): Promise<FileReport> {
  const { importer } = options;
  const fileName = options.fileName ?? path.basename(options.path);
  const reader = await openCsv(options.path, options.csv);
  if (reader.headers.length === 0) throw new ImportSetupError(`${fileName} is empty.`);
  const mapping = options.mapping ?? mappingFor(sqlite, importer, reader.headers);
  checkMapping(fileName, mapping, importer, reader.headers);
  const width = reader.headers.length;
  const delimiter = reader.delimiter === '\t' ? 'tab' : `“${reader.delimiter}”`;

  return runFileImport(
    sqlite,
    {
      ...options,
      kind: importer.kind,
      fileName,
      totalBytes: reader.totalBytes,
      bytesRead: reader.bytesRead,
      defaultSourceSystem: importer.defaultSourceSystem,
      mapping,
      detail: () => ({
        encoding: reader.encoding,
        delimiter: reader.delimiter,
        headers: reader.headers,
      }),
    },
    async (run) => {
      const write = importer.open(run.ctx);
      for await (const batch of reader.batches()) {
        for (const rec of batch) {
          let result: RowResult;
          if (isProblem(rec)) {
            result = { reason: rec.reason };
          } else if (!fitsWidth(rec.values, width)) {
            result = {
              reason: `This row has ${rec.values.length} fields but the header has ${width}. Check for a missing or extra delimiter (${delimiter}), or a comma inside a value that is not in quotes.`,
            };
          } else {
            result = run.guard(() => write(rec.values, mapping));
          }
          run.account(rec.line, rec.raw, result);
        }
      }
      // Only a mapping the user confirmed is remembered; an automatic one is recomputed each
      // time, so better aliases in a later release still apply.
      if (options.mapping) rememberMapping(sqlite, importer, reader.headers, mapping, run.ctx.now);
    },
  );
}
