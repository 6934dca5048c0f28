import { useState } from 'react';
import { formatCount } from '../../format/format';
import { useFetch } from '../../hooks/useFetch';
import { dataOf } from '../../stores/asyncState';
import { fetchQuarantinePage, QUARANTINE_PAGE_SIZE } from '../../stores/imports/quarantine';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';

/** A file's quarantined rows, a page at a time: line number, reason, and the row as it was. */
export function QuarantineTable({ importId, fileName }: { importId: string; fileName: string }) {
  const [offset, setOffset] = useState(0);
  const { state, reload } = useFetch(fetchQuarantinePage, { importId, offset });
  const page = dataOf(state);
  if (state.status === 'error') {
    return (
      <ErrorPanel
        error={state.error}
        action={`load the quarantined rows of ${fileName}`}
        headingLevel={3}
        onRetry={reload}
      />
    );
  }
  if (!page) return <LoadingState what="the quarantined rows" lines={3} />;
  const first = page.total === 0 ? 0 : offset + 1;
  const last = Math.min(page.total, offset + page.rows.length);
  return (
    <div className="quarantine">
      <div className="table-scroll">
        <table className="data-table quarantine-table" aria-busy={state.status === 'loading'}>
          <caption>
            Quarantined rows in {fileName}: rows {formatCount(first)}–{formatCount(last)} of{' '}
            {formatCount(page.total)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Reason</th>
              <th scope="col">Row as it was in the file</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="num">
                  {row.line ?? '—'}
                </th>
                <td>{row.reason}</td>
                <td>
                  <code className="raw-row">{row.raw ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.total > QUARANTINE_PAGE_SIZE && (
        <nav className="pagination" aria-label={`Quarantined rows of ${fileName}, pages`}>
          <p className="pagination-status">
            Page {Math.floor(offset / QUARANTINE_PAGE_SIZE) + 1} of{' '}
            {Math.ceil(page.total / QUARANTINE_PAGE_SIZE)}
          </p>
          <div className="pagination-buttons">
            <button
              type="button"
              className="button button-secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - QUARANTINE_PAGE_SIZE))}
            >
              <span aria-hidden="true">← </span>Previous rows
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={offset + QUARANTINE_PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + QUARANTINE_PAGE_SIZE)}
            >
              Next rows<span aria-hidden="true"> →</span>
            </button>
          </div>
        </nav>
      )}
    </div>
  );
}
