/**
 * Plain-language names for imports, background jobs and pipeline runs, in the current language
 * (i18n/locales/<language>/pipeline.json, `jobLabels`). Full `Record`s over the contract's unions,
 * so a new status or kind fails the type check until it has words.
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
import { i18n } from '../i18n';
import { translated } from '../i18n/translated';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = translated(
  {
    oneroster: 1,
    attendance: 1,
    grades: 1,
    assignments: 1,
    submissions: 1,
    incidents: 1,
    lms_activity: 1,
    xapi: 1,
    assessments: 1,
  },
  (kind) => i18n.t(`pipeline:jobLabels.importKind.${kind}`),
);

/** How a OneRoster bundle's manifest says a file is sent: the full set, or only changes. */
export const ONEROSTER_MODE_LABELS: Record<'bulk' | 'delta', string> = translated(
  { bulk: 1, delta: 1 },
  (mode) => i18n.t(`pipeline:jobLabels.oneRosterMode.${mode}`),
);

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = translated(
  { running: 1, committed: 1, failed: 1, cancelled: 1, interrupted: 1 },
  (status) => i18n.t(`pipeline:jobLabels.importStatus.${status}`),
);

export const JOB_STATUS_LABELS: Record<JobStatus, string> = translated(
  { queued: 1, running: 1, succeeded: 1, failed: 1, cancelled: 1, interrupted: 1 },
  (status) => i18n.t(`pipeline:jobLabels.jobStatus.${status}`),
);

/** What a job waiting in the queue is waiting for (jobs run one at a time). */
export function queuedMessage(): string {
  return i18n.t('pipeline:jobLabels.queued');
}

/** The progress line under a job's bar: the core's latest words, or its status in words. */
export function jobMessage(status: JobStatus, message: string | null): string {
  if (status === 'queued') return queuedMessage();
  return message ?? JOB_STATUS_LABELS[status];
}

export const FINISHED_JOB_STATUSES: readonly JobStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

export function isFinished(status: JobStatus): boolean {
  return FINISHED_JOB_STATUSES.includes(status);
}

export const PIPELINE_STATUS_LABELS: Record<PipelineStatus, string> = translated(
  { running: 1, succeeded: 1, failed: 1, cancelled: 1, interrupted: 1 },
  (status) => i18n.t(`pipeline:jobLabels.pipelineStatus.${status}`),
);

export const PIPELINE_TRIGGER_LABELS: Record<PipelineTrigger, string> = translated(
  { manual: 1, import: 1, scheduled: 1, catch_up: 1, cli: 1, seed: 1 },
  (trigger) => i18n.t(`pipeline:jobLabels.pipelineTrigger.${trigger}`),
);

export const PIPELINE_MODE_LABELS: Record<PipelineMode, string> = translated(
  { incremental: 1, backfill: 1 },
  (mode) => i18n.t(`pipeline:jobLabels.pipelineMode.${mode}`),
);

export const DATE_ORDER_LABELS: Record<DateOrder, string> = translated(
  { MDY: 1, DMY: 1, YMD: 1 },
  (order) => i18n.t(`pipeline:jobLabels.dateOrder.${order}`),
);

export const DATE_ORDERS = Object.keys(DATE_ORDER_LABELS) as DateOrder[];

const DELIMITERS: Record<string, 'comma' | 'semicolon' | 'tab' | 'bar'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'bar',
};

/** "comma", "tab", … for a detected CSV delimiter. */
export function delimiterLabel(delimiter: string | null): string | null {
  if (delimiter === null) return null;
  const name = DELIMITERS[delimiter];
  return name
    ? i18n.t(`pipeline:jobLabels.delimiter.${name}`)
    : i18n.t('pipeline:jobLabels.delimiter.other', { delimiter });
}
