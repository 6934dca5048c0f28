import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatCount } from '../../format/format';
import { useFetch } from '../../hooks/useFetch';
import { dataOf } from '../../stores/asyncState';
import { fetchQuarantinePage, QUARANTINE_PAGE_SIZE } from '../../stores/imports/quarantine';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';
import { AS_IS } from './asIs';

/** A file's quarantined rows, a page at a time: line number, reason, and the row as it was. */
export function QuarantineTable({ importId, fileName }: { importId: string; fileName: string }) {
  const { t } = useTranslation('imports');
  const [offset, setOffset] = useState(0);
  const { state, reload } = useFetch(fetchQuarantinePage, { importId, offset });
  const page = dataOf(state);
  if (state.status === 'error') {
    return (
      <ErrorPanel
        error={state.error}
        action={t('quarantine.errorLoad', { file: fileName })}
        headingLevel={3}
        onRetry={reload}
      />
    );
  }
  if (!page) return <LoadingState what={t('quarantine.loading')} lines={3} />;
  const first = page.total === 0 ? 0 : offset + 1;
  const last = Math.min(page.total, offset + page.rows.length);
  return (
    <div className="quarantine">
      <div className="table-scroll">
        <table className="data-table quarantine-table" aria-busy={state.status === 'loading'}>
          <caption>
            <Trans
              t={t}
              i18nKey="quarantine.caption"
              values={{
                file: fileName,
                first: formatCount(first),
                last: formatCount(last),
                total: formatCount(page.total),
              }}
              components={AS_IS}
            />
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('quarantine.line')}
              </th>
              <th scope="col">{t('quarantine.reason')}</th>
              <th scope="col">{t('quarantine.raw')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="num">
                  {row.line ?? '—'}
                </th>
                <td>{row.reason}</td>
                <td translate="no">
                  <code className="raw-row">{row.raw ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.total > QUARANTINE_PAGE_SIZE && (
        <nav className="pagination" aria-label={t('quarantine.pagesLabel', { file: fileName })}>
          <p className="pagination-status">
            {t('quarantine.page', {
              page: formatCount(Math.floor(offset / QUARANTINE_PAGE_SIZE) + 1),
              pages: formatCount(Math.ceil(page.total / QUARANTINE_PAGE_SIZE)),
            })}
          </p>
          <div className="pagination-buttons">
            <button
              type="button"
              className="button button-secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - QUARANTINE_PAGE_SIZE))}
            >
              <span aria-hidden="true">← </span>
              {t('quarantine.previous')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={offset + QUARANTINE_PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + QUARANTINE_PAGE_SIZE)}
            >
              {t('quarantine.next')}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </nav>
      )}
    </div>
  );
}
