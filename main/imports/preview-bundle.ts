/**
 * Previews for files that are not a single CSV: a OneRoster bundle (its manifest and files,
 * in the order they will be imported) and an xAPI statement file (its first statements).
 * Their columns are fixed by their standards, so there is no mapping step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import type { ImportPreview } from '../api/contract';
import { JSON_IMPORTERS } from './kinds';
import { bundleRoot, isZipPath } from './oneroster/detect';
import { DATA_FILES, filesByLowerName, readManifest } from './oneroster/manifest';
import { planFiles } from './oneroster/plan';
import { extractZip, ZipRejected } from './oneroster/zip';
import { isProblem, openCsv } from './read/csv';
import { isJsonProblem, openJsonRecords } from './read/json';
import { loadDateOrder } from './settings';
import type { StagedFile } from './staging';

const SAMPLE_ROWS = 10;

async function countRows(file: string): Promise<number> {
  const reader = await openCsv(file);
  let rows = 0;
  for await (const batch of reader.batches()) rows += batch.filter((r) => !isProblem(r)).length;
  return rows;
}

async function oneRosterSummary(
  staged: StagedFile,
): Promise<NonNullable<ImportPreview['oneRoster']>> {
  const temp = fs.mkdtempSync(path.join(path.dirname(staged.path), 'preview-'));
  try {
    if (isZipPath(staged.path)) {
      try {
        await extractZip(staged.path, temp);
      } catch (error) {
        if (!(error instanceof ZipRejected)) throw error;
        return { version: null, files: [], problems: [error.message] };
      }
    }
    const root = bundleRoot(isZipPath(staged.path) ? temp : staged.path) ?? temp;
    const read = await readManifest(root);
    const problems = read.problems.map((p) => p.message);
    if (!read.ok) return { version: null, files: [], problems };
    // What the import will report about the folder: a listed file missing, a file left out.
    problems.push(...planFiles(root, read.manifest).problems.map((p) => p.message));
    const present = filesByLowerName(root);
    const files: NonNullable<ImportPreview['oneRoster']>['files'] = [];
    for (const name of DATA_FILES) {
      const mode = read.manifest.files[name] ?? 'absent';
      const actual = present.get(`${name.toLowerCase()}.csv`);
      files.push({
        name: `${name}.csv`,
        mode,
        rows: mode !== 'absent' && actual ? await countRows(path.join(root, actual)) : null,
      });
    }
    return { version: read.manifest.oneRosterVersion, files, problems };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

export async function previewBundle(
  sqlite: SQLite.Database,
  staged: StagedFile,
  kind: 'oneroster' | 'xapi',
  alreadyImported: ImportPreview['alreadyImported'],
): Promise<ImportPreview> {
  const base: ImportPreview = {
    stagedId: staged.id,
    fileName: staged.fileName,
    bytes: staged.size,
    format: kind === 'oneroster' ? 'oneroster' : 'jsonl',
    kind,
    kindTitle:
      kind === 'oneroster'
        ? 'OneRoster 1.2 roster'
        : (JSON_IMPORTERS.xapi?.title ?? 'xAPI statements'),
    candidates: [],
    notAllowed: null,
    encoding: null,
    delimiter: null,
    headers: [],
    sample: [],
    fields: [],
    mapping: {},
    mappingSource: 'detected',
    missingRequired: [],
    check: {
      rows: 0,
      wouldAdd: 0,
      wouldUpdate: 0,
      unchanged: 0,
      problems: [],
      skipped: 'Rows are checked as they are imported; the report lists every problem.',
    },
    oneRoster: null,
    dateOrder: loadDateOrder(sqlite),
    alreadyImported,
  };
  if (kind === 'oneroster') return { ...base, oneRoster: await oneRosterSummary(staged) };

  const reader = openJsonRecords(staged.path);
  const sample: ImportPreview['sample'] = [];
  const problems: { line: number; reason: string }[] = [];
  outer: for await (const batch of reader.batches()) {
    for (const rec of batch) {
      if (isJsonProblem(rec)) problems.push({ line: rec.line, reason: rec.reason });
      else sample.push({ line: rec.line, values: [rec.raw.slice(0, 500)] });
      if (sample.length + problems.length >= SAMPLE_ROWS) break outer;
    }
  }
  return {
    ...base,
    headers: ['statement'],
    sample,
    check: { ...base.check, problems },
  };
}
