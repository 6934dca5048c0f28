/**
 * manifest.csv: the bundle's table of contents. A `propertyName,value` file with
 * `manifest.version` (1.0), `oneroster.version` (1.2), one `file.<name>` per data file set to
 * absent | bulk | delta, and optional `source.systemName` / `source.systemCode`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeHeader } from '../mapping';
import { isProblem, openCsv } from '../read/csv';
import type { BundleProblem } from './report';

export type FileMode = 'absent' | 'bulk' | 'delta';

/**
 * The data files the OneRoster 1.2 CSV binding defines, in the order Sightline imports them:
 * every file after one it references, so a sourcedId always resolves to a row already on
 * record. userProfiles and the gradebook and resources files come last; their rows are read
 * and counted as ignored.
 */
export const DATA_FILES = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'roles',
  'demographics',
  'enrollments',
  'userProfiles',
  'categories',
  'classResources',
  'courseResources',
  'lineItemLearningObjectiveIds',
  'lineItems',
  'lineItemScoreScales',
  'resources',
  'resultLearningObjectiveIds',
  'results',
  'resultScoreScales',
  'scoreScales',
  'userResources',
] as const;
export type DataFile = (typeof DATA_FILES)[number];

export function isDataFile(name: string): name is DataFile {
  return (DATA_FILES as readonly string[]).includes(name);
}

export interface Manifest {
  manifestVersion: string | null;
  oneRosterVersion: string;
  /** Every data file the manifest names with bulk or delta. */
  files: Partial<Record<DataFile, 'bulk' | 'delta'>>;
  sourceSystemName: string | null;
  sourceSystemCode: string | null;
}

/** A parsed manifest, or the problems that stop the bundle (nothing is imported then). */
export type ManifestResult =
  | { ok: true; manifest: Manifest; problems: BundleProblem[] }
  | { ok: false; problems: BundleProblem[] };

/** Files in a folder by lower-cased name, so "Users.csv" from a careless zip tool still counts. */
export function filesByLowerName(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) map.set(entry.name.toLowerCase(), entry.name);
  }
  return map;
}

const SUPPORTED_VERSION = /^1\.2(\.\d+)?$/;

export async function readManifest(dir: string): Promise<ManifestResult> {
  const actual = filesByLowerName(dir).get('manifest.csv');
  if (!actual) {
    return {
      ok: false,
      problems: [
        {
          code: 'missing_manifest',
          file: 'manifest.csv',
          message:
            'This is not a OneRoster bundle: manifest.csv is missing. A OneRoster CSV export is a zip or folder with manifest.csv beside orgs.csv, users.csv and the other files; export it again from the SIS with the manifest included.',
        },
      ],
    };
  }
  const reader = await openCsv(path.join(dir, actual));
  const header = reader.headers.map(normalizeHeader);
  if (header[0] !== 'propertyname' || header[1] !== 'value') {
    return {
      ok: false,
      problems: [
        {
          code: 'unreadable_manifest',
          file: 'manifest.csv',
          message: `manifest.csv must start with the header "propertyName,value"; it starts with "${reader.headers.join(',')}".`,
        },
      ],
    };
  }

  const properties = new Map<string, string>();
  const problems: BundleProblem[] = [];
  for await (const batch of reader.batches()) {
    for (const rec of batch) {
      if (isProblem(rec)) {
        problems.push({
          code: 'unreadable_manifest',
          file: 'manifest.csv',
          message: `Line ${rec.line}: ${rec.reason}`,
        });
        continue;
      }
      const [name = '', value = ''] = rec.values;
      if (name !== '') properties.set(name, value);
    }
  }

  const version = properties.get('oneroster.version') ?? '';
  if (version === '') {
    return {
      ok: false,
      problems: [
        ...problems,
        {
          code: 'unreadable_manifest',
          file: 'manifest.csv',
          message:
            'manifest.csv does not say which OneRoster version it is (the oneroster.version property is missing). Sightline reads OneRoster 1.2 CSV bundles.',
        },
      ],
    };
  }
  if (!SUPPORTED_VERSION.test(version)) {
    return {
      ok: false,
      problems: [
        ...problems,
        {
          code: 'unsupported_version',
          file: 'manifest.csv',
          message: `This bundle is OneRoster ${version}; Sightline reads OneRoster 1.2 CSV. Ask for a OneRoster 1.2 export (in 1.2, users' roles are in roles.csv).`,
        },
      ],
    };
  }

  const files: Manifest['files'] = {};
  for (const [name, value] of properties) {
    if (!name.startsWith('file.')) continue;
    const file = name.slice('file.'.length);
    const mode = value.trim().toLowerCase();
    if (!isDataFile(file)) {
      if (mode !== 'absent') {
        problems.push({
          code: 'unexpected_file',
          file: `${file}.csv`,
          message: `manifest.csv lists ${file}.csv, which is not a OneRoster 1.2 file; it was not imported.`,
        });
      }
      continue;
    }
    if (mode === 'bulk' || mode === 'delta') files[file] = mode;
    else if (mode !== 'absent') {
      problems.push({
        code: 'invalid_mode',
        file: `${file}.csv`,
        message: `manifest.csv gives ${name} the value "${value}"; it must be absent, bulk or delta. ${file}.csv was not imported.`,
      });
    }
  }
  return {
    ok: true,
    manifest: {
      manifestVersion: properties.get('manifest.version') ?? null,
      oneRosterVersion: version,
      files,
      sourceSystemName: properties.get('source.systemName') || null,
      sourceSystemCode: properties.get('source.systemCode') || null,
    },
    problems,
  };
}
