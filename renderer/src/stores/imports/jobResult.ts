/**
 * An import job's result arrives as `unknown` (JobSummary.result). This is what the renderer
 * reads of it, declared here and checked field by field, so a change on the core's side shows as
 * "the report could not be read" instead of a broken page.
 *
 * Core shapes (main/imports/job.ts ImportJobResult, main/imports/report.ts FileReport,
 * main/pipeline/run.ts PipelineRunSummary): `{ files: FileReport[], pipeline: PipelineRunSummary
 * | null }`. A FileReport has ImportSummary's fields minus jobId, mode, startedAt, finishedAt;
 * a OneRoster file's adds its mode (bulk/delta) and why rows were ignored.
 */
import type {
  ImportKind,
  ImportStatus,
  ImportSummary,
  IsoDate,
  PipelineMode,
  PipelineStatus,
} from '../../api/types';
import {
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  PIPELINE_MODE_LABELS,
  PIPELINE_STATUS_LABELS,
} from '../../domain/jobLabels';

export type FileReportView = Omit<ImportSummary, 'jobId' | 'mode' | 'startedAt' | 'finishedAt'> & {
  /** A OneRoster file (BundleFileReport): how its bundle sent it. */
  bundleMode?: 'bulk' | 'delta';
  /** A OneRoster file: rows deliberately not stored, by reason, so "ignored" is explained. */
  ignoredReasons?: Record<string, number>;
};

export interface PipelineResultView {
  runId: string;
  status: PipelineStatus;
  /** What was done (an incremental request becomes a backfill when it must; see `reason`). */
  mode: PipelineMode;
  reason: string | null;
  asOf: IsoDate | null;
  students: number;
  weeks: number;
  rowsWritten: number;
  anomalies: number;
  error: string | null;
}

export interface ImportJobResultView {
  files: FileReportView[];
  pipeline: PipelineResultView | null;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(o: Json, key: string): number | null {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(o: Json, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

function oneOf<T extends string>(value: string | null, known: Record<T, unknown>): T | null {
  return value !== null && Object.hasOwn(known, value) ? (value as T) : null;
}

const COUNT_KEYS = [
  'rowsTotal',
  'added',
  'updated',
  'unchanged',
  'deleted',
  'quarantined',
  'ignored',
] as const;

export function parseFileReport(value: unknown): FileReportView | null {
  if (!isRecord(value)) return null;
  const importId = str(value, 'importId');
  const fileName = str(value, 'fileName');
  const kind = oneOf<ImportKind>(str(value, 'kind'), IMPORT_KIND_LABELS);
  const status = oneOf<ImportStatus>(str(value, 'status'), IMPORT_STATUS_LABELS);
  const counts = COUNT_KEYS.map((k) => num(value, k));
  if (importId === null || fileName === null || kind === null || status === null) return null;
  if (counts.some((c) => c === null)) return null;
  const [rowsTotal, added, updated, unchanged, deleted, quarantined, ignored] = counts as number[];
  return {
    importId,
    fileName,
    kind,
    status,
    rowsTotal: rowsTotal!,
    added: added!,
    updated: updated!,
    unchanged: unchanged!,
    deleted: deleted!,
    quarantined: quarantined!,
    ignored: ignored!,
    summary: str(value, 'summary') ?? '',
    error: str(value, 'error'),
    ...bundleExtras(value),
  };
}

/** What a OneRoster file's report adds (main/imports/oneroster/report.ts BundleFileReport). */
function bundleExtras(o: Json): Pick<FileReportView, 'bundleMode' | 'ignoredReasons'> {
  const mode = str(o, 'mode');
  if (mode !== 'bulk' && mode !== 'delta') return {};
  const reasons = isRecord(o.ignoredReasons) ? o.ignoredReasons : {};
  const ignoredReasons = Object.fromEntries(
    Object.entries(reasons).filter(
      (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
    ),
  );
  return { bundleMode: mode, ignoredReasons };
}

export function parsePipelineResult(value: unknown): PipelineResultView | null {
  if (!isRecord(value)) return null;
  const runId = str(value, 'runId');
  const status = oneOf<PipelineStatus>(str(value, 'status'), PIPELINE_STATUS_LABELS);
  const mode = oneOf<PipelineMode>(str(value, 'mode'), PIPELINE_MODE_LABELS);
  if (runId === null || status === null || mode === null) return null;
  const asOf = str(value, 'asOf');
  return {
    runId,
    status,
    mode,
    reason: str(value, 'reason'),
    asOf: asOf !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    students: num(value, 'students') ?? 0,
    weeks: num(value, 'weeks') ?? 0,
    rowsWritten: num(value, 'rowsWritten') ?? 0,
    anomalies: num(value, 'anomalies') ?? 0,
    error: str(value, 'error'),
  };
}

/** The import job's result, or null when it is missing or not what the renderer expects. */
export function parseImportJobResult(value: unknown): ImportJobResultView | null {
  if (!isRecord(value) || !Array.isArray(value.files)) return null;
  const files = value.files.map(parseFileReport);
  if (files.some((f) => f === null)) return null;
  return {
    files: files as FileReportView[],
    pipeline: value.pipeline == null ? null : parsePipelineResult(value.pipeline),
  };
}
