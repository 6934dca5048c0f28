import { Trans, useTranslation } from 'react-i18next';
import type { FlagDetail, RiskFeedbackView } from '../../api/types';
import { VERDICT_LABELS } from '../../domain/riskLabels';
import { formatDateTime } from '../../format/format';
import { useRiskFeedback } from '../../hooks/useRiskFeedback';
import { wordMessage } from '../../i18n/messages';

/**
 * Right / Wrong on one transparent flag (raised or not), and the latest verdict anyone gave on
 * it. A flag marked wrong is a label for training, kept with who and when.
 */
export function FlagReview({
  studentId,
  flag,
  latest,
}: {
  studentId: string;
  flag: FlagDetail;
  /** The newest feedback on this flag, if any. */
  latest: RiskFeedbackView | null;
}) {
  const { t } = useTranslation('profile');
  const { state, send } = useRiskFeedback(studentId);
  const saving = state.status === 'saving';
  const names = { flag: wordMessage(flag.label) };
  return (
    <div className="flag-review">
      <div
        className="flag-review-buttons"
        role="group"
        aria-label={
          flag.raised ? t('flagReview.groupRaised', names) : t('flagReview.groupNotRaised', names)
        }
      >
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={saving}
          aria-label={t('flagReview.isRight', names)}
          onClick={() => void send({ target: flag.key, verdict: 'right', note: '' })}
        >
          {t('flagReview.right')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={saving}
          aria-label={t('flagReview.isWrong', names)}
          onClick={() => void send({ target: flag.key, verdict: 'wrong', note: '' })}
        >
          {t('flagReview.wrong')}
        </button>
      </div>
      <p className="flag-review-status" role="status">
        {state.status === 'saving' ? (
          t('flagReview.saving')
        ) : state.status === 'saved' ? (
          state.verdict === 'right' ? (
            t('flagReview.savedRight')
          ) : state.verdict === 'wrong' ? (
            t('flagReview.savedWrong')
          ) : (
            state.message
          )
        ) : state.status === 'error' ? (
          ''
        ) : latest ? (
          <Trans
            t={t}
            i18nKey="flagReview.lastReview"
            values={{
              verdict: VERDICT_LABELS[latest.verdict],
              name: latest.staffName,
              when: formatDateTime(latest.at),
            }}
            components={{ name: <span translate="no" /> }}
          />
        ) : (
          ''
        )}
      </p>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {t('flagReview.notSaved', { message: state.error.message })}
        </p>
      )}
    </div>
  );
}
