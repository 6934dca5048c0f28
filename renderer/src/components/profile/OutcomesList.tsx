import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../api/types';
import { OUTCOME_LABELS } from '../../domain/labels';
import { formatCount } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

/** What happened at the end of past terms (the outcomes flags try to anticipate). */
export function OutcomesList({ outcomes }: { outcomes: Outcome[] }) {
  const { t } = useTranslation('profile');
  return (
    <section className="card" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title" className="card-title">
        {t('outcomes.title')}
      </h2>
      {outcomes.length === 0 ? (
        <EmptyState title={t('outcomes.emptyTitle')}>
          <p>{t('outcomes.emptyHint')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('outcomes.caption')}
          captionHidden
          head={
            <tr>
              <th scope="col">{t('outcomes.term')}</th>
              <th scope="col">{t('outcomes.outcome')}</th>
              <th scope="col">{t('outcomes.happened')}</th>
              <th scope="col">{t('outcomes.detail')}</th>
            </tr>
          }
        >
          {outcomes.map((o) => (
            <tr key={`${o.termTitle}:${o.outcome}`}>
              <th scope="row" translate="no">
                {o.termTitle}
              </th>
              <td>{OUTCOME_LABELS[o.outcome]}</td>
              <td>{o.value ? t('outcomes.yes') : t('outcomes.no')}</td>
              <td>
                {o.absence ? (
                  t('outcomes.absentDays', {
                    count: o.absence.enrolled,
                    absent: formatCount(o.absence.absent),
                    enrolled: formatCount(o.absence.enrolled),
                  })
                ) : o.detail ? (
                  <span translate="no">{o.detail}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
