/**
 * Plain-language names for imports, background jobs and pipeline runs. Full `Record`s over the
 * contract's unions, so a new status or kind fails the type check until it has words.
 */
import type {
  DateOrder,
  ImportKind,
  ImportStatus,
  JobStatus,
  PipelineMode,
  PipelineStatus,
  PipelineTrigger,
} from '../api/types';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  oneroster: 'OneRoster roster',
  attendance: 'Attendance events',
  grades: 'Grades',
  assignments: 'Assignments',
  submissions: 'Assignment submissions',
  incidents: 'Discipline incidents',
  lms_activity: 'LMS activity',
  xapi: 'xAPI activity statements',
  assessments: 'Assessments',
};

/** How a OneRoster bundle's manifest says a file is sent: the full set, or only changes. */
export const ONEROSTER_MODE_LABELS: Record<'bulk' | 'delta', string> = {
  bulk: 'Full set (bulk)',
  delta: 'Changes only (delta)',
};

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  running: 'Running',
  committed: 'Saved',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** What a job waiting in the queue is waiting for (jobs run one at a time). */
export const QUEUED_MESSAGE =
  'Waiting for another job (an import or a pipeline run) to finish first…';

/** The progress line under a job's bar: the core's latest words, or its status in words. */
export function jobMessage(status: JobStatus, message: string | null): string {
  if (status === 'queued') return QUEUED_MESSAGE;
  return message ?? JOB_STATUS_LABELS[status];
}

/** Statuses after which a job never changes again. */
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

export function isFinished(status: JobStatus): boolean {
  return FINISHED_JOB_STATUSES.includes(status);
}

export const PIPELINE_STATUS_LABELS: Record<PipelineStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const PIPELINE_TRIGGER_LABELS: Record<PipelineTrigger, string> = {
  manual: 'Manual',
  import: 'After an import',
  scheduled: 'Daily schedule',
  catch_up: 'Catch-up at start',
  cli: 'Command line',
  seed: 'Demo data set-up',
};

export const PIPELINE_MODE_LABELS: Record<PipelineMode, string> = {
  incremental: 'New data only',
  backfill: 'Everything',
};

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: 'Month/day/year (03/04/2025 is March 4)',
  DMY: 'Day/month/year (03/04/2025 is 3 April)',
  YMD: 'Year/month/day (2025/03/04 is March 4)',
};

export const DATE_ORDERS = Object.keys(DATE_ORDER_LABELS) as DateOrder[];

const DELIMITERS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar (|)',
};

/** "comma", "tab", … for a detected CSV delimiter. */
export function delimiterLabel(delimiter: string | null): string | null {
  if (delimiter === null) return null;
  return DELIMITERS[delimiter] ?? `“${delimiter}”`;
}
