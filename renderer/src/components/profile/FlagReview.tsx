import type { FlagDetail, RiskFeedbackView } from '../../api/types';
import { VERDICT_LABELS } from '../../domain/riskLabels';
import { formatDateTime } from '../../format/format';
import { useRiskFeedback } from '../../hooks/useRiskFeedback';

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
  const { state, send } = useRiskFeedback(studentId);
  const saving = state.status === 'saving';
  const what = `${flag.label} flag ${flag.raised ? '(raised)' : '(not raised)'}`;
  return (
    <div className="flag-review">
      <div className="flag-review-buttons" role="group" aria-label={`Review the ${what}`}>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={saving}
          aria-label={`${flag.label} flag is right`}
          onClick={() => void send({ target: flag.key, verdict: 'right', note: '' })}
        >
          Right
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={saving}
          aria-label={`${flag.label} flag is wrong`}
          onClick={() => void send({ target: flag.key, verdict: 'wrong', note: '' })}
        >
          Wrong
        </button>
      </div>
      <p className="flag-review-status" role="status">
        {state.status === 'saving'
          ? 'Saving…'
          : state.status === 'saved'
            ? `Saved: you marked this flag ${state.verdict}.`
            : state.status === 'error'
              ? ''
              : latest
                ? `Last review: ${VERDICT_LABELS[latest.verdict]}, by ${latest.staffName}, ${formatDateTime(latest.at)}`
                : ''}
      </p>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          Not saved: {state.error.message}
        </p>
      )}
    </div>
  );
}
