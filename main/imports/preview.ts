/**
 * The wizard's second step: what kind of file this is, how its columns map, and what its first
 * rows would do — checked by running the real importer on them inside a transaction that is
 * always rolled back, so the preview can never disagree with the import.
 */
import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import type { ImportKind, StaffRole } from '../../db/schema';
import type { ImportPreview, ParsedInput } from '../api/contract';
import type { ImportContext, RowImporter, RowResult } from './importer';
import { detectKind, ROW_IMPORTERS, scoreKinds } from './kinds';
import { previewBundle } from './preview-bundle';
import { Lookups } from './lookups';
import { autoMap, missingRequired, type ColumnMapping } from './mapping';
import { isProblem, openCsv, type CsvRecord } from './read/csv';
import { fitsWidth, rememberedMapping } from './run-csv';
import { kindNotAllowed, mayImport, type ImportScope } from './scope';
import { loadDateOrder } from './settings';
import type { StagedFile } from './staging';
import { DirtyMarks } from './write/dirty';
import { sha256File } from './hash';

const SAMPLE_ROWS = 10;
const CHECK_ROWS = 200;

/** Who is previewing: the kinds their role imports, and the scope their rows are checked in. */
export interface PreviewAccess {
  role: StaffRole;
  scope: ImportScope | null;
}

function candidates(fileName: string, headers: readonly string[], role: StaffRole) {
  const detected = detectKind(fileName, headers);
  return scoreKinds(fileName, headers)
    .filter((c) => ROW_IMPORTERS[c.kind] && mayImport(role, c.kind))
    .map((c) => ({ kind: c.kind, title: ROW_IMPORTERS[c.kind]!.title, score: c.score }))
    .sort((a, b) => Number(b.kind === detected) - Number(a.kind === detected));
}

function checkRows(
  sqlite: SQLite.Database,
  scope: ImportScope | null,
  importer: RowImporter,
  mapping: ColumnMapping,
  records: CsvRecord[],
  width: number,
): ImportPreview['check'] {
  const check: ImportPreview['check'] = {
    rows: 0,
    wouldAdd: 0,
    wouldUpdate: 0,
    unchanged: 0,
    problems: [],
    skipped: null,
  };
  // Barely wait on another writer: this runs on the host's own connection, whose event loop
  // a long wait would freeze.
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 300');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    sqlite.pragma(`busy_timeout = ${timeout}`);
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    check.skipped = 'Another import is writing right now, so the first rows could not be checked.';
    return check;
  }
  try {
    const ctx: ImportContext = {
      sqlite,
      now: Date.now(),
      sourceSystem: importer.defaultSourceSystem,
      dateOrder: loadDateOrder(sqlite),
      mode: null,
      lookups: new Lookups(sqlite, scope),
      dirty: new DirtyMarks(),
    };
    const write = importer.open(ctx);
    for (const rec of records) {
      let result: RowResult;
      try {
        result = fitsWidth(rec.values, width)
          ? write(rec.values, mapping)
          : { reason: `This row has ${rec.values.length} fields but the header has ${width}.` };
      } catch (error) {
        // SQLite rolled the whole check back (disk full, I/O error): later rows would commit.
        if (!sqlite.inTransaction) throw error;
        result = { reason: `The database refused this row (${(error as Error).message}).` };
      }
      check.rows++;
      if ('reason' in result) check.problems.push({ line: rec.line, reason: result.reason });
      else if (result.outcome === 'added') check.wouldAdd++;
      else if (result.outcome === 'updated' || result.outcome === 'deleted') check.wouldUpdate++;
      else check.unchanged++;
    }
  } finally {
    try {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    } finally {
      sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  }
  return check;
}

/** When the same bytes were imported before, re-importing them will change nothing. */
async function previousImport(sqlite: SQLite.Database, file: string) {
  if (fs.statSync(file).isDirectory()) return null;
  const row = sqlite
    .prepare(
      `SELECT started_at AS at, file_name AS fileName FROM imports
       WHERE status = 'committed' AND file_sha256 = ? ORDER BY started_at DESC LIMIT 1`,
    )
    .get(await sha256File(file)) as { at: number; fileName: string } | undefined;
  return row ?? null;
}

export async function previewStaged(
  sqlite: SQLite.Database,
  staged: StagedFile,
  input: ParsedInput<'imports.preview'>,
  access: PreviewAccess,
): Promise<ImportPreview> {
  const alreadyImported = await previousImport(sqlite, staged.path);
  const special = scoreKinds(staged.fileName, [])[0];
  if (special?.kind === 'oneroster' || special?.kind === 'xapi') {
    const preview = await previewBundle(sqlite, staged, special.kind, alreadyImported);
    return mayImport(access.role, special.kind)
      ? preview
      : { ...preview, notAllowed: kindNotAllowed(access.role, special.kind) };
  }
  const reader = await openCsv(staged.path);
  const options = candidates(staged.fileName, reader.headers, access.role);
  const chosen: ImportKind | null = input.kind ?? detectKind(staged.fileName, reader.headers);
  const notAllowed =
    chosen && !mayImport(access.role, chosen) ? kindNotAllowed(access.role, chosen) : null;
  const kind = notAllowed ? null : chosen;
  const importer = kind ? ROW_IMPORTERS[kind] : undefined;

  const records: CsvRecord[] = [];
  const readProblems: { line: number; reason: string }[] = [];
  outer: for await (const batch of reader.batches()) {
    for (const rec of batch) {
      if (isProblem(rec)) readProblems.push({ line: rec.line, reason: rec.reason });
      else records.push(rec);
      if (records.length + readProblems.length >= CHECK_ROWS) break outer;
    }
  }

  const remembered = importer ? rememberedMapping(sqlite, importer, reader.headers) : null;
  const mapping: ColumnMapping =
    input.mapping ?? remembered ?? (importer ? autoMap(reader.headers, importer.fields) : {});
  const missing = importer ? missingRequired(mapping, importer.fields) : [];
  const check =
    importer && missing.length === 0
      ? checkRows(sqlite, access.scope, importer, mapping, records, reader.headers.length)
      : {
          rows: 0,
          wouldAdd: 0,
          wouldUpdate: 0,
          unchanged: 0,
          problems: [],
          skipped: importer
            ? 'Map the required columns to check the first rows.'
            : (notAllowed ?? 'Choose what kind of file this is.'),
        };
  check.problems = [...readProblems, ...check.problems].sort((a, b) => a.line - b.line);

  return {
    stagedId: staged.id,
    fileName: staged.fileName,
    bytes: staged.size,
    format: 'csv',
    kind: importer ? importer.kind : null,
    kindTitle: importer?.title ?? null,
    candidates: options,
    encoding: reader.encoding,
    delimiter: reader.delimiter,
    headers: reader.headers,
    sample: records.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, values: r.values })),
    fields: (importer?.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      required: f.required,
      help: f.help ?? null,
    })),
    mapping,
    mappingSource: input.mapping ? 'yours' : remembered ? 'remembered' : 'detected',
    missingRequired: missing.map((f) => f.label),
    check,
    oneRoster: null,
    dateOrder: loadDateOrder(sqlite),
    alreadyImported,
    notAllowed,
  };
}
