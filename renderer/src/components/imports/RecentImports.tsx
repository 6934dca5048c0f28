import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import type { ImportSummary } from '../../api/types';
import { IMPORT_KIND_LABELS, IMPORT_STATUS_LABELS } from '../../domain/jobLabels';
import { formatCount, formatDateTime } from '../../format/format';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { downloadImportCsv } from '../../stores/imports/download';
import { recentImports } from '../../stores/imports/recentImportsStore';
import { retryImport } from '../../stores/imports/wizardStore';
import { toApiError } from '../../stores/request';
import { EmptyState } from '../feedback/EmptyState';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';
import { importOutcomeText } from '../../stores/imports/importWords';

const RETRYABLE: ImportSummary['status'][] = ['failed', 'cancelled', 'interrupted'];

/** The latest imports, with a way to run a failed one again or download its quarantined rows. */
export function RecentImports() {
  const { t } = useTranslation('imports');
  const { state, reload } = useQuery(recentImports, null);
  const rows = dataOf(state);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const retry = async (row: ImportSummary) => {
    if (!row.jobId) return;
    // On success the wizard above shows the new run and takes focus.
    setProblem(await retryImport(row.jobId));
  };
  const download = async (row: ImportSummary) => {
    try {
      setProblem(null);
      await downloadImportCsv({ what: 'quarantine', importId: row.importId });
    } catch (err) {
      setProblem(toApiError(err));
    }
  };

  return (
    <section className="card" aria-labelledby="recent-imports-title">
      <h2 id="recent-imports-title" className="card-title">
        {t('recent.title')}
      </h2>
      {problem && <ErrorPanel error={problem} action={t('recent.errorAction')} headingLevel={3} />}
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('recent.errorList')}
          headingLevel={3}
          onRetry={reload}
        />
      ) : !rows ? (
        <LoadingState what={t('recent.loading')} lines={3} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('recent.emptyTitle')}>
          <p>{t('recent.emptyBody')}</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table recent-imports" aria-busy={state.status === 'loading'}>
            <caption className="visually-hidden">{t('recent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recent.file')}</th>
                <th scope="col">{t('recent.started')}</th>
                <th scope="col">{t('recent.kind')}</th>
                <th scope="col">{t('recent.status')}</th>
                <th scope="col" className="num">
                  {t('recent.rows')}
                </th>
                <th scope="col" className="num">
                  {t('outcome.added')}
                </th>
                <th scope="col" className="num">
                  {t('outcome.updated')}
                </th>
                <th scope="col" className="num">
                  {t('outcome.unchanged')}
                </th>
                <th scope="col" className="num">
                  {t('outcome.quarantined')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('recent.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.importId}>
                  <th scope="row">
                    <span translate="no">{row.fileName}</span>
                    <span className="cell-note">{importOutcomeText(row)}</span>
                  </th>
                  <td>{formatDateTime(row.startedAt)}</td>
                  <td>{IMPORT_KIND_LABELS[row.kind]}</td>
                  <td>
                    <span className={`status-badge status-${row.status}`}>
                      {IMPORT_STATUS_LABELS[row.status]}
                    </span>
                  </td>
                  <td className="num">{formatCount(row.rowsTotal)}</td>
                  <td className="num">{formatCount(row.added)}</td>
                  <td className="num">{formatCount(row.updated)}</td>
                  <td className="num">{formatCount(row.unchanged)}</td>
                  <td className="num">{formatCount(row.quarantined)}</td>
                  <td className="row-actions">
                    {row.jobId && RETRYABLE.includes(row.status) && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('recent.runAgainLabel', { file: row.fileName })}
                        onClick={() => void retry(row)}
                      >
                        {t('recent.runAgain')}
                      </button>
                    )}
                    {row.quarantined > 0 && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('recent.quarantineCsvLabel', { file: row.fileName })}
                        onClick={() => void download(row)}
                      >
                        {t('recent.quarantineCsv')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
