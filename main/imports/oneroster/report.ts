import type { FileReport } from '../report';

export type BundleProblemCode =
  | 'not_a_bundle'
  | 'missing_manifest'
  | 'unreadable_manifest'
  | 'unsupported_version'
  | 'invalid_mode'
  | 'missing_file'
  | 'unexpected_file'
  | 'unreadable_zip'
  | 'file_failed'
  | 'not_imported';

/** Something about the bundle as a whole, as opposed to one row of one file. */
export interface BundleProblem {
  code: BundleProblemCode;
  /** The file it concerns, e.g. "users.csv". */
  file?: string;
  message: string;
}

/** One CSV of the bundle: the shared file report plus what only OneRoster has. */
export interface BundleFileReport extends FileReport {
  /** The data file, e.g. "users.csv" (fileName may carry the bundle's name in front). */
  file: string;
  mode: 'bulk' | 'delta';
  /** Rows deliberately not stored, by reason (e.g. guardians), so "ignored" is never silent. */
  ignoredReasons: Record<string, number>;
  /** Of `deleted`: rows on record that a bulk file no longer lists (bulk replaces the set). */
  absentFromBulk: number;
}

export interface BundleReport {
  /**
   * committed: every file in the manifest was imported (rows may still be quarantined);
   * rejected: the bundle could not be read, nothing was imported;
   * failed: a file could not be imported, files before it stay imported, files after were not;
   * cancelled: stopped by the user after the files listed.
   */
  status: 'committed' | 'rejected' | 'failed' | 'cancelled';
  oneRosterVersion: string | null;
  sourceSystem: string;
  files: BundleFileReport[];
  problems: BundleProblem[];
  /** Schools whose type or grade span was re-derived from the students and courses imported. */
  schoolsUpdated: number;
  summary: string;
}

export function summarizeBundle(report: Omit<BundleReport, 'summary'>): string {
  if (report.status === 'rejected') {
    return `Nothing was imported. ${report.problems.map((p) => p.message).join(' ')}`;
  }
  const total = (key: 'added' | 'updated' | 'deleted' | 'quarantined' | 'ignored') =>
    report.files.reduce((n, f) => n + f[key], 0);
  const parts = [
    `${report.files.length} file${report.files.length === 1 ? '' : 's'} imported`,
    `${total('added')} added`,
    `${total('updated')} updated`,
    `${total('deleted')} deleted`,
    `${total('ignored')} ignored`,
    `${total('quarantined')} quarantined`,
  ];
  const lead =
    report.status === 'cancelled'
      ? 'Cancelled: the files listed were imported, the rest were not. '
      : report.status === 'failed'
        ? 'Stopped at a file that could not be imported; the files before it were imported. '
        : '';
  const problems =
    report.problems.length > 0 ? ` ${report.problems.length} bundle problem(s).` : '';
  return `${lead}${parts.join(', ')}.${problems}`;
}
