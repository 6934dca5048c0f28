import path from 'node:path';
import type { ImportKind } from '../../../db/schema';
import type { JsonImporter, RowImporter } from '../importer';
import { autoMap, missingRequired } from '../mapping';
import { assessmentsImporter } from './assessments';
import { assignmentsImporter } from './assignments';
import { attendanceImporter } from './attendance';
import { gradesImporter } from './grades';
import { incidentsImporter } from './incidents';
import { lmsActivityImporter } from './lms-activity';
import { submissionsImporter } from './submissions';
import { xapiImporter } from './xapi';

/**
 * The CSV kinds imported row by row, by kind; undefined for `oneroster` (bundles have their own
 * importer) and `xapi` (JSON, see JSON_IMPORTERS).
 */
export const ROW_IMPORTERS: Readonly<Partial<Record<ImportKind, RowImporter>>> = {
  attendance: attendanceImporter,
  grades: gradesImporter,
  assignments: assignmentsImporter,
  submissions: submissionsImporter,
  incidents: incidentsImporter,
  lms_activity: lmsActivityImporter,
  assessments: assessmentsImporter,
};

/** Kinds read as JSON lines (or one JSON array) with importJsonLinesFile rather than CSV. */
export const JSON_IMPORTERS: Readonly<Partial<Record<ImportKind, JsonImporter>>> = {
  xapi: xapiImporter,
};

/** File names of a OneRoster 1.x CSV bundle. */
const ONEROSTER_FILES = new Set([
  'manifest',
  'orgs',
  'academicsessions',
  'courses',
  'classes',
  'users',
  'roles',
  'userprofiles',
  'enrollments',
  'demographics',
]);

const JSON_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

export interface KindScore {
  kind: ImportKind;
  score: number;
  /** Required fields no header maps to: the wizard asks for these. */
  missing: string[];
}

/**
 * How well each kind fits a file: required fields that auto-map weigh most (all of them mapped
 * is worth more than any name), optional ones a little, and a hint in the file name settles
 * close calls. Best first.
 */
export function scoreKinds(fileName: string, headers: readonly string[]): KindScore[] {
  const base = path.basename(fileName).toLowerCase();
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length).replace(/[^a-z0-9]/g, '');
  if (ext === '.zip' || (ext === '.csv' && ONEROSTER_FILES.has(stem))) {
    return [{ kind: 'oneroster', score: 100, missing: [] }];
  }
  if (JSON_EXTENSIONS.has(ext)) return [{ kind: 'xapi', score: 100, missing: [] }];
  const named = base.replace(/[^a-z0-9]+/g, ' ');
  const importers = Object.values(ROW_IMPORTERS) as RowImporter[];
  const scores = importers.map((importer): KindScore => {
    const mapping = autoMap(headers, importer.fields);
    const missing = missingRequired(mapping, importer.fields);
    const required = importer.fields.filter((f) => f.required);
    const optional = importer.fields.filter((f) => !f.required && mapping[f.key] != null).length;
    const hinted = importer.fileNameHints.some((hint) => named.includes(hint));
    const score =
      (missing.length === 0 ? 20 : 0) +
      4 * (required.length - missing.length) +
      optional +
      (hinted ? 6 : 0);
    return { kind: importer.kind, score, missing: missing.map((f) => f.label) };
  });
  return scores.sort((a, b) => b.score - a.score || a.missing.length - b.missing.length);
}

/**
 * The kind the wizard proposes for a file, or null when nothing fits well enough to guess: a
 * kind needs all its required columns, or a file name that says what it is.
 */
export function detectKind(fileName: string, headers: readonly string[]): ImportKind | null {
  const [best] = scoreKinds(fileName, headers);
  if (!best) return null;
  const named = ROW_IMPORTERS[best.kind]?.fileNameHints.some((hint) =>
    path
      .basename(fileName)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .includes(hint),
  );
  return best.missing.length === 0 || named || best.score >= 100 ? best.kind : null;
}
