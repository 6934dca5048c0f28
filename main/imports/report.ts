import type { ImportStatus } from '../../db/schema';
import type { ImportSummary } from '../api/contract';
import type { RowResult } from './importer';

/** What one file's import did, row by row accounted for (the API's ImportSummary, as the job sees it). */
export type FileReport = Omit<ImportSummary, 'jobId' | 'mode' | 'startedAt' | 'finishedAt'>;

export type Counts = Pick<
  FileReport,
  'rowsTotal' | 'added' | 'updated' | 'unchanged' | 'deleted' | 'quarantined' | 'ignored'
>;

export function emptyCounts(): Counts {
  return {
    rowsTotal: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    quarantined: 0,
    ignored: 0,
  };
}

export function count(counts: Counts, result: RowResult): void {
  counts.rowsTotal++;
  if ('reason' in result) counts.quarantined++;
  else counts[result.outcome]++;
}

export function summarize(c: Counts, status: ImportStatus, error: string | null): string {
  if (status === 'cancelled') return 'Cancelled: nothing from this file was saved.';
  if (status === 'failed') return `Failed: nothing from this file was saved. ${error ?? ''}`.trim();
  if (status === 'interrupted')
    return 'Interrupted (the app stopped): nothing from this file was saved. Run it again.';
  if (c.rowsTotal === 0) return 'The file has no data rows.';
  const changed = c.added + c.updated + c.deleted;
  const parts = [
    c.added && `${c.added.toLocaleString('en-US')} added`,
    c.updated && `${c.updated.toLocaleString('en-US')} updated`,
    c.deleted && `${c.deleted.toLocaleString('en-US')} deleted`,
    c.unchanged && `${c.unchanged.toLocaleString('en-US')} unchanged`,
    c.ignored && `${c.ignored.toLocaleString('en-US')} ignored`,
    c.quarantined && `${c.quarantined.toLocaleString('en-US')} quarantined`,
  ].filter(Boolean);
  // A re-import that changes nothing says so first, whatever else it has to report.
  const lead =
    changed > 0
      ? ''
      : c.quarantined === 0 && c.ignored === 0
        ? 'Nothing changed: every row was already imported. '
        : 'Nothing changed. ';
  return `${lead}${parts.join(', ')}.`;
}
