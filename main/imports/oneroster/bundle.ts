/**
 * Imports a OneRoster 1.2 CSV bundle (a folder or a .zip): reads the manifest, then each file
 * the manifest lists, in dependency order, each in its own transaction (importCsvFile), and
 * finally re-derives the schools' grade spans from the roster now on record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import type { RowImporter } from '../importer';
import { summarize, type FileReport } from '../report';
import { importCsvFile } from '../run-csv';
import { bundleRoot, isZipPath } from './detect';
import { FileSession } from './file-session';
import { academicSessionsImporter } from './files/academic-sessions';
import { classesImporter } from './files/classes';
import { coursesImporter } from './files/courses';
import { demographicsImporter } from './files/demographics';
import { enrollmentsImporter } from './files/enrollments';
import { ignoredFileImporter } from './files/ignored';
import { orgsImporter } from './files/orgs';
import { rolesImporter } from './files/roles';
import { usersImporter } from './files/users';
import { readManifest, type DataFile } from './manifest';
import { RoleIndex } from './people';
import { notImported, planFiles } from './plan';
import { preRead } from './pre-read';
import {
  summarizeBundle,
  type BundleFileReport,
  type BundleProblem,
  type BundleReport,
} from './report';
import type { FileEnv } from './row-frame';
import { deriveSchoolProfiles } from './school-profile';
import { emptyBundleState } from './state';
import { extractZip, ZipRejected } from './zip';

export interface BundleImportOptions {
  /** A folder holding manifest.csv, or a .zip of one. */
  path: string;
  jobId?: string | null;
  onProgress?: (fraction: number, message: string) => void;
  isCancelled?: () => boolean;
  /** `source_system` for every row (default "oneroster"): one per roster feed. */
  sourceSystem?: string;
  /** Where a zip is unpacked for the import (default the OS temp folder); removed after. */
  tempDir?: string;
  /**
   * The bundle's name in front of each file's name ("roster.zip/users.csv"): the name the user
   * knows it by (an upload's original name). Default: the last part of `path`.
   */
  label?: string;
}

const IMPORTERS: Partial<Record<DataFile, (env: FileEnv) => RowImporter>> = {
  orgs: orgsImporter,
  academicSessions: academicSessionsImporter,
  courses: coursesImporter,
  classes: classesImporter,
  users: usersImporter,
  roles: rolesImporter,
  demographics: demographicsImporter,
  enrollments: enrollmentsImporter,
};

/** Adds what only the bundle knows to the shared file report (and to its `imports` row). */
function bundleFileReport(
  sqlite: SQLite.Database,
  report: FileReport,
  session: FileSession,
): BundleFileReport {
  const committed = report.status === 'committed';
  const ignoredReasons = committed ? Object.fromEntries(session.ignored) : {};
  const absentFromBulk = committed ? session.absentDeleted : 0;
  if (committed) {
    // Until the shared importer can count rows deleted after the last row and keep ignore
    // reasons (see README), they are added to the committed report row here.
    sqlite
      .prepare(
        `UPDATE imports SET deleted = deleted + ?,
           detail_json = json_set(coalesce(detail_json, '{}'), '$.oneroster', json(?))
         WHERE id = ?`,
      )
      .run(
        absentFromBulk,
        JSON.stringify({
          file: `${session.file}.csv`,
          mode: session.mode,
          ignoredReasons,
          absentFromBulk,
        }),
        report.importId,
      );
  }
  const counts = { ...report, deleted: report.deleted + absentFromBulk };
  return {
    ...counts,
    summary: summarize(counts, report.status, report.error),
    file: `${session.file}.csv`,
    mode: session.mode,
    ignoredReasons,
    absentFromBulk,
  };
}

export async function importOneRosterBundle(
  sqlite: SQLite.Database,
  options: BundleImportOptions,
): Promise<BundleReport> {
  const sourceSystem = options.sourceSystem ?? 'oneroster';
  const files: BundleFileReport[] = [];
  const problems: BundleProblem[] = [];
  const done = (
    status: BundleReport['status'],
    oneRosterVersion: string | null,
    schoolsUpdated = 0,
  ): BundleReport => {
    const report = { status, oneRosterVersion, sourceSystem, files, problems, schoolsUpdated };
    return { ...report, summary: summarizeBundle(report) };
  };
  const progress = options.onProgress ?? (() => undefined);
  const label = options.label ?? path.basename(options.path);

  let temp: string | null = null;
  try {
    let dir = options.path;
    const stat = fs.statSync(options.path, { throwIfNoEntry: false });
    if (!stat || (!stat.isDirectory() && !(stat.isFile() && isZipPath(options.path)))) {
      problems.push({
        code: 'not_a_bundle',
        message: `${options.path} is not a folder or a .zip file; a OneRoster bundle is one of the two.`,
      });
      return done('rejected', null);
    }
    if (stat.isFile()) {
      progress(0, 'Unpacking the zip');
      temp = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'sightline-oneroster-'));
      try {
        await extractZip(options.path, temp);
      } catch (error) {
        if (!(error instanceof ZipRejected)) throw error;
        problems.push({
          code: 'unreadable_zip',
          file: label,
          message: error.message,
        });
        return done('rejected', null);
      }
      dir = temp;
    }
    const root = bundleRoot(dir) ?? dir;
    const read = await readManifest(root);
    problems.push(...read.problems);
    if (!read.ok) return done('rejected', null);
    const { manifest } = read;

    const plan = planFiles(root, manifest);
    const { steps } = plan;
    problems.push(...plan.problems);

    // Read ahead what later files depend on: parents within orgs and sessions, users' roles.
    const state = emptyBundleState(sourceSystem);
    for (const step of steps) {
      if (step.file === 'orgs') state.orgRows = await preRead(step.path);
      if (step.file === 'academicSessions') state.sessionRows = await preRead(step.path);
      if (step.file === 'roles') state.roles = new RoleIndex(await preRead(step.path), step.mode);
    }

    const totalBytes = Math.max(
      1,
      steps.reduce((n, s) => n + s.bytes, 0),
    );
    let bytesDone = 0;
    // Each file's timestamp is later than any import before it: the upsert reads
    // "updated_at = now" as "written by this file".
    let lastNow =
      (sqlite.prepare('SELECT max(started_at) FROM imports').pluck().get() as number | null) ?? 0;
    for (const [i, step] of steps.entries()) {
      const message = `Importing ${step.file}.csv (${i + 1} of ${steps.length})`;
      if (options.isCancelled?.()) {
        problems.push(...notImported(steps.slice(i), 'the import was cancelled'));
        return done('cancelled', manifest.oneRosterVersion);
      }
      progress(bytesDone / totalBytes, message);
      const session = new FileSession(step.file, step.mode);
      const importer = (IMPORTERS[step.file] ?? ignoredFileImporter)({ bundle: state, session });
      const now = Math.max(Date.now(), lastNow + 1);
      lastNow = now;
      let report: FileReport;
      try {
        report = await importCsvFile(sqlite, {
          path: step.path,
          fileName: `${label}/${step.file}.csv`,
          importer,
          sourceSystem,
          mode: step.mode,
          jobId: options.jobId ?? null,
          now,
          isCancelled: options.isCancelled,
          onProgress: (fraction) =>
            progress((bytesDone + fraction * step.bytes) / totalBytes, message),
        });
      } catch (error) {
        problems.push({
          code: 'file_failed',
          file: `${step.file}.csv`,
          message: `${step.file}.csv could not be imported, so nothing from it was saved: ${(error as Error).message}`,
        });
        problems.push(...notImported(steps.slice(i + 1), `${step.file}.csv failed first`));
        return done('failed', manifest.oneRosterVersion);
      }
      files.push(bundleFileReport(sqlite, report, session));
      if (report.status === 'cancelled') {
        problems.push(...notImported(steps.slice(i + 1), 'the import was cancelled'));
        return done('cancelled', manifest.oneRosterVersion);
      }
      bytesDone += step.bytes;
    }

    const schoolsUpdated = deriveSchoolProfiles(
      sqlite,
      sourceSystem,
      Math.max(Date.now(), lastNow + 1),
    );
    progress(1, 'OneRoster import finished');
    return done('committed', manifest.oneRosterVersion, schoolsUpdated);
  } finally {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}
