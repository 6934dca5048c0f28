import { useTranslation } from 'react-i18next';
import type { PipelineRunView } from '../../api/types';
import {
  PIPELINE_MODE_LABELS,
  PIPELINE_STATUS_LABELS,
  PIPELINE_TRIGGER_LABELS,
} from '../../domain/jobLabels';
import { formatCount, formatDate, formatDateTime, formatDuration } from '../../format/format';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** Every recent run: when, why, what it did, how long it took, and any error. */
export function RunHistoryTable({ runs, busy }: { runs: PipelineRunView[]; busy: boolean }) {
  const { t } = useTranslation('pipeline');
  return (
    <section className="card" aria-labelledby="pipeline-history-title">
      <h2 id="pipeline-history-title" className="card-title">
        {t('history.title')}
      </h2>
      {runs.length === 0 ? (
        <EmptyState title={t('history.emptyTitle')}>
          <p>{t('history.empty')}</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table run-history" aria-busy={busy}>
            <caption className="visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.started')}</th>
                <th scope="col">{t('history.trigger')}</th>
                <th scope="col">{t('history.mode')}</th>
                <th scope="col">{t('history.status')}</th>
                <th scope="col" className="num">
                  {t('history.students')}
                </th>
                <th scope="col" className="num">
                  {t('history.weeks')}
                </th>
                <th scope="col" className="num">
                  {t('history.rows')}
                </th>
                <th scope="col" className="num">
                  {t('history.anomalies')}
                </th>
                <th scope="col" className="num">
                  {t('history.duration')}
                </th>
                <th scope="col">{t('history.error')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <th scope="row">
                    {formatDateTime(run.startedAt)}
                    {run.asOf && (
                      <span className="cell-note">
                        {t('history.dataAsOf', { date: formatDate(run.asOf) })}
                      </span>
                    )}
                  </th>
                  <td>{PIPELINE_TRIGGER_LABELS[run.trigger]}</td>
                  <td>{PIPELINE_MODE_LABELS[run.mode]}</td>
                  <td>
                    <span className={`status-badge status-${run.status}`}>
                      {PIPELINE_STATUS_LABELS[run.status]}
                    </span>
                  </td>
                  <td className="num">{formatCount(run.students)}</td>
                  <td className="num">{formatCount(run.weeks)}</td>
                  <td className="num">{formatCount(run.rowsWritten)}</td>
                  <td className="num">{formatCount(run.anomalies)}</td>
                  <td className="num">
                    <Value
                      text={
                        run.finishedAt === null
                          ? null
                          : formatDuration(run.finishedAt - run.startedAt)
                      }
                    />
                  </td>
                  <td>
                    <Value text={run.error} />
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
