import { Trans, useTranslation } from 'react-i18next';
import type { InterventionView } from '../../api/types';
import { PROGRESS_LABELS } from '../../domain/interventionLabels';
import { formatCount, formatDate } from '../../format/format';

/**
 * The check-ins the reader may see, newest first. Private ones say so; those the reader may not
 * see are counted, so the history does not look complete when it is not.
 */
export function CheckInHistory({ intervention }: { intervention: InterventionView }) {
  const { t } = useTranslation('interventions');
  const { checkins, hiddenPrivateNotes } = intervention;
  return (
    <div className="checkin-history">
      <h4 className="checkin-title">{t('history.title')}</h4>
      {checkins.length === 0 ? (
        <p className="muted">
          {hiddenPrivateNotes > 0 ? t('history.noneReadable') : t('history.none')}
        </p>
      ) : (
        <ol className="checkin-list">
          {checkins.map((c) => (
            <li key={c.id} className="checkin">
              <p className="checkin-head">
                <span className="checkin-date">{formatDate(c.date)}</span>
                <span className={`progress-label progress-${c.progress}`}>
                  <span aria-hidden="true">{PROGRESS_LABELS[c.progress].icon} </span>
                  {PROGRESS_LABELS[c.progress].label}
                </span>
                {c.private && <span className="private-badge">{t('history.private')}</span>}
              </p>
              <p className="checkin-note" translate="no">
                {c.note}
              </p>
              <p className="cell-note">
                <Trans
                  t={t}
                  i18nKey="history.by"
                  values={{ name: c.authorName }}
                  components={{ name: <span translate="no" /> }}
                />
              </p>
            </li>
          ))}
        </ol>
      )}
      {hiddenPrivateNotes > 0 && (
        <p className="hidden-notes">
          {t('history.hidden', {
            count: hiddenPrivateNotes,
            notes: formatCount(hiddenPrivateNotes),
          })}
        </p>
      )}
    </div>
  );
}
