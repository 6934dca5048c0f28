import { useTranslation } from 'react-i18next';
import type { RiskFeedbackView } from '../../api/types';
import { feedbackTargetLabel, RISK_TIER_LABELS, VERDICT_LABELS } from '../../domain/riskLabels';
import { formatDateTime } from '../../format/format';
import { i18n } from '../../i18n';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

function verdictText(f: RiskFeedbackView): string {
  if (f.verdict === 'override' && f.overrideTier) {
    return i18n.t('profile:feedbackList.tierSet', { tier: RISK_TIER_LABELS[f.overrideTier].label });
  }
  return VERDICT_LABELS[f.verdict];
}

/** Every verdict and override on this student's score and flags: who, when, what, why. */
export function RiskFeedbackList({ feedback }: { feedback: RiskFeedbackView[] }) {
  const { t } = useTranslation('profile');
  return (
    <section className="card" aria-labelledby="risk-feedback-title">
      <h2 id="risk-feedback-title" className="card-title">
        {t('feedbackList.title')}
      </h2>
      {feedback.length === 0 ? (
        <EmptyState title={t('feedbackList.empty')} />
      ) : (
        <DataTable
          caption={t('feedbackList.caption')}
          captionHidden
          head={
            <tr>
              <th scope="col">{t('feedbackList.when')}</th>
              <th scope="col">{t('feedbackList.who')}</th>
              <th scope="col">{t('feedbackList.about')}</th>
              <th scope="col">{t('feedbackList.verdict')}</th>
              <th scope="col">{t('feedbackList.note')}</th>
            </tr>
          }
        >
          {feedback.map((f) => (
            <tr key={f.id}>
              <th scope="row">{formatDateTime(f.at)}</th>
              <td translate="no">{f.staffName}</td>
              <td>{feedbackTargetLabel(f.target)}</td>
              <td>
                <span className={`verdict verdict-${f.verdict}`}>{verdictText(f)}</span>
              </td>
              <td className="feedback-note">
                {f.note ? (
                  <span translate="no">{f.note}</span>
                ) : (
                  <span className="muted">{t('feedbackList.noNote')}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
