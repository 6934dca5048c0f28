import { useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { ORDER_SORTING, CaseloadTable } from '../components/caseload/CaseloadTable';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { CheckInsDuePanel } from '../components/interventions/CheckInsDuePanel';
import { PageHeading } from '../components/layout/PageHeading';
import {
  CASELOAD_ORDERS,
  CASELOAD_VIEWS,
  filterCaseload,
  isNew,
  needsAttention,
  type CaseloadOrder,
  type CaseloadViewFilter,
} from '../domain/caseload';
import { toApiError } from '../api/errors';
import { formatCount, formatDate } from '../format/format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { dataOf } from '../stores/asyncState';
import { caseload, markCaseloadSeen } from '../stores/caseload/caseloadStore';

/** Which order the menu shows for the table's current sorting (none: a column header's own). */
function orderOf(sorting: SortingState): CaseloadOrder | '' {
  const current = sorting[0];
  return (
    CASELOAD_ORDERS.find((o) => {
      const wanted = ORDER_SORTING[o][0]!;
      return current?.id === wanted.id && current.desc === wanted.desc;
    }) ?? ''
  );
}

/**
 * A counselor's caseload: who needs attention, sorted by risk or by change; what is new since the
 * data they last saw (with a way to mark it seen); and the check-ins coming due.
 */
export function CaseloadPage() {
  const { t } = useTranslation('caseload');
  useDocumentTitle(t('title'));
  const { state, reload } = useQuery(caseload, null);
  const data = dataOf(state);
  const [view, setView] = useState<CaseloadViewFilter>('attention');
  const [sorting, setSorting] = useState<SortingState>(ORDER_SORTING.risk);
  const [marking, setMarking] = useState<'idle' | 'busy' | 'failed' | 'newerData'>('idle');

  const markSeen = async (shownAsOf: string | null) => {
    setMarking('busy');
    try {
      await markCaseloadSeen(shownAsOf);
      setMarking('idle');
    } catch (err) {
      setMarking(toApiError(err).code === 'conflict' ? 'newerData' : 'failed');
    }
  };

  const rows = data ? filterCaseload(data.rows, view) : [];
  const newCount = data ? data.rows.filter(isNew).length : 0;
  const attentionCount = data ? data.rows.filter(needsAttention).length : 0;
  const since = formatDate(data?.comparedWith);

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading>{t('title')}</PageHeading>
      </div>
      <p className="page-lede">{t('lede')}</p>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('failedAction')}
          onRetry={reload}
          forbiddenMessage={t('forbidden')}
        />
      ) : !data ? (
        <LoadingState what={t('loading')} lines={6} />
      ) : data.rows.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.next')}</p>
        </EmptyState>
      ) : (
        <>
          <section className="card caseload-summary" aria-labelledby="caseload-new-title">
            <h2 id="caseload-new-title" className="card-title">
              {since
                ? t('summary.newTitle', { count: newCount, students: formatCount(newCount), since })
                : t('summary.noData')}
            </h2>
            <p className="card-note">
              {t('summary.counts', {
                count: data.rows.length,
                total: formatCount(data.rows.length),
                attention: formatCount(attentionCount),
              })}{' '}
              {data.dataAsOf && t('summary.asOf', { date: formatDate(data.dataAsOf) })}
            </p>
            <p className="card-note">{t('summary.howNew')}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void markSeen(data.dataAsOf)}
                disabled={newCount === 0 || marking === 'busy'}
                aria-describedby="caseload-new-title"
              >
                {marking === 'busy' ? t('summary.marking') : t('summary.markSeen')}
              </button>
              {newCount > 0 && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setView('new')}
                >
                  {t('summary.showNew')}
                </button>
              )}
            </div>
            {(marking === 'failed' || marking === 'newerData') && (
              <p className="field-error" role="alert">
                {marking === 'failed' ? t('summary.markFailed') : t('summary.newerData')}
              </p>
            )}
          </section>

          <CheckInsDuePanel role="counselor" />

          <section className="card" aria-labelledby="caseload-students-title">
            <h2 id="caseload-students-title" className="card-title">
              {t('students.title')}
            </h2>
            <div className="caseload-controls">
              <fieldset className="caseload-views">
                <legend>{t('students.show')}</legend>
                {CASELOAD_VIEWS.map((v) => (
                  <label key={v}>
                    <input
                      type="radio"
                      name="caseload-view"
                      value={v}
                      checked={view === v}
                      onChange={() => setView(v)}
                    />
                    {t(`students.views.${v}`, {
                      count:
                        v === 'all' ? data.rows.length : v === 'new' ? newCount : attentionCount,
                    })}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="caseload-order">{t('students.order')}</label>
                <select
                  id="caseload-order"
                  value={orderOf(sorting)}
                  onChange={(e) => {
                    const order = e.target.value as CaseloadOrder;
                    if (order) setSorting(ORDER_SORTING[order]);
                  }}
                >
                  {orderOf(sorting) === '' && (
                    <option value="">{t('students.orders.column')}</option>
                  )}
                  {CASELOAD_ORDERS.map((o) => (
                    <option key={o} value={o}>
                      {t(`students.orders.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="visually-hidden" role="status" aria-live="polite">
              {t('students.shown', { count: rows.length, shown: formatCount(rows.length) })}
            </p>
            {rows.length === 0 ? (
              <EmptyState title={t(`students.empty.${view}.title`)}>
                <p>{t(`students.empty.${view}.next`)}</p>
              </EmptyState>
            ) : (
              <CaseloadTable rows={rows} sorting={sorting} onSortingChange={setSorting} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
