/**
 * The import job: the files a user chose, each imported in its own transaction, in order,
 * then (by default) an incremental pipeline run so every dashboard reflects the new data.
 * Runs in a worker thread (main/jobs) or directly from the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../db/schema';
import { runPipeline, type PipelineRunSummary } from '../pipeline';
import type { JobContext } from '../jobs/types';
import { JobCancelled } from '../jobs/types';
import { ImportCancelled } from './errors';
import { JSON_IMPORTERS, ROW_IMPORTERS } from './kinds';
import { importOneRosterBundle, type BundleReport } from './oneroster';
import { inferSchoolDays, markSchoolsDirty } from './calendar';
import { loadImportScope } from './scope';
import { scoreAfterPipeline } from '../risk/after-pipeline';
import { importJsonLinesFile } from './run-jsonl';
import type { ColumnMapping } from './mapping';
import type { FileReport } from './report';
import { importCsvFile } from './run-csv';

export interface ImportFileRequest {
  path: string;
  /** Name shown to the user (an upload's original name). */
  name: string;
  kind: ImportKind;
  mapping?: ColumnMapping | null;
}

export interface ImportJobInput {
  files: ImportFileRequest[];
  sourceSystem?: string;
  /** Run the incremental feature pipeline after the files (default true). */
  runPipeline?: boolean;
  /** The staff member who started it: their scope is applied when the job runs. */
  requestedBy?: string;
}

export interface ImportJobResult {
  files: FileReport[];
  /** OneRoster bundles: their manifest version, problems and summary (files are in `files`). */
  bundles: Omit<BundleReport, 'files'>[];
  pipeline: PipelineRunSummary | null;
  /** School days added to calendars inferred from attendance (schools with no calendar of their own). */
  inferredSchoolDays: number;
}

/** A bundle that could not be read, or stopped at a file, fails the job with its words. */
class BundleFailed extends Error {
  override readonly name = 'BundleFailed';
}

export async function runImportJob(ctx: JobContext<ImportJobInput>): Promise<ImportJobResult> {
  const { files } = ctx.input;
  const sizes = files.map((f) => Math.max(1, fs.statSync(f.path).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const pipelineShare = ctx.input.runPipeline === false ? 0 : 0.15;
  const reports: FileReport[] = [];
  let done = 0;
  const bundles: Omit<BundleReport, 'files'>[] = [];
  const scope = ctx.input.requestedBy
    ? loadImportScope(ctx.store.sqlite, ctx.input.requestedBy)
    : null;
  for (const [i, file] of files.entries()) {
    const base = done;
    const share = (fraction: number) =>
      ((base + fraction * sizes[i]!) / total) * (1 - pipelineShare);
    const common = {
      jobId: ctx.jobId,
      isCancelled: ctx.isCancelled,
      onProgress: (fraction: number, rows: number) =>
        ctx.progress(share(fraction), `${file.name}: ${rows.toLocaleString('en-US')} rows read`),
      ...(ctx.input.sourceSystem ? { sourceSystem: ctx.input.sourceSystem } : {}),
      scope,
    };
    if (file.kind === 'oneroster') {
      // The API refuses this already; a scoped roster import would tombstone rows out of scope.
      if (scope)
        throw new BundleFailed(`${file.name}: rosters are imported by a district administrator.`);
      const bundle = await importOneRosterBundle(ctx.store.sqlite, {
        path: file.path,
        jobId: ctx.jobId,
        isCancelled: ctx.isCancelled,
        onProgress: (fraction, message) =>
          ctx.progress(share(fraction), `${file.name}: ${message}`),
        tempDir: path.dirname(ctx.store.path),
        // The staged upload is stored as "upload.zip"; the report names the user's file.
        label: file.name,
        ...(ctx.input.sourceSystem ? { sourceSystem: ctx.input.sourceSystem } : {}),
      });
      const { files: bundleFiles, ...rest } = bundle;
      reports.push(...bundleFiles);
      bundles.push(rest);
      if (bundle.status === 'cancelled') throw new JobCancelled();
      if (bundle.status !== 'committed') throw new BundleFailed(`${file.name}: ${bundle.summary}`);
    } else if (JSON_IMPORTERS[file.kind]) {
      const report = await importJsonLinesFile(ctx.store.sqlite, {
        ...common,
        path: file.path,
        fileName: file.name,
        importer: JSON_IMPORTERS[file.kind]!,
      });
      reports.push(report);
      if (report.status === 'cancelled') throw new JobCancelled();
    } else {
      const importer = ROW_IMPORTERS[file.kind];
      if (!importer) throw new Error(`${file.name}: Sightline cannot import “${file.kind}” files.`);
      const report = await importCsvFile(ctx.store.sqlite, {
        ...common,
        path: file.path,
        fileName: file.name,
        importer,
        ...(file.mapping ? { mapping: file.mapping } : {}),
      });
      reports.push(report);
      if (report.status === 'cancelled') throw new JobCancelled();
    }
    done += sizes[i]!;
  }
  // Rosters carry no calendar: schools without one get school days from their attendance.
  const { sqlite } = ctx.store;
  const calendar = sqlite.transaction(() => {
    const inferred = inferSchoolDays(sqlite);
    markSchoolsDirty(sqlite, inferred.added);
    return inferred;
  })();
  let pipeline: PipelineRunSummary | null = null;
  if (pipelineShare > 0) {
    pipeline = await runPipeline(ctx.store, {
      mode: 'incremental',
      trigger: 'import',
      jobId: ctx.jobId,
      isCancelled: ctx.isCancelled,
      onProgress: (fraction, message) =>
        ctx.progress(1 - pipelineShare + fraction * pipelineShare * 0.8, message),
    });
    if (pipeline.status === 'succeeded') await scoreAfterPipeline(ctx, 1 - pipelineShare * 0.2);
  }
  return { files: reports, bundles, pipeline, inferredSchoolDays: calendar.days };
}

export function isCancellation(error: unknown): boolean {
  return error instanceof ImportCancelled || error instanceof JobCancelled;
}
