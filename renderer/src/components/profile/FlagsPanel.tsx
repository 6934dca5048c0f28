import { useTranslation } from 'react-i18next';
import type { FlagDetail, RiskFeedbackView } from '../../api/types';
import { formatCount } from '../../format/format';
import { FlagReview } from './FlagReview';
import { wordMessage } from '../../i18n/messages';

type FlagState = 'raised' | 'clear' | 'na';

const STATE_ICON: Record<FlagState, string> = { raised: '⚑', clear: '✓', na: '–' };

const STATE_ORDER: Record<FlagState, number> = { raised: 0, clear: 1, na: 2 };

function stateOf(flag: FlagDetail): FlagState {
  if (!flag.applies) return 'na';
  return flag.raised ? 'raised' : 'clear';
}

/**
 * The transparent early-warning rules for this student, each with its reason in plain words.
 * With `review` (counselors and admins), each flag that applies can be marked right or wrong.
 */
export function FlagsPanel({
  flags,
  review = null,
}: {
  flags: FlagDetail[];
  review?: { studentId: string; feedback: RiskFeedbackView[] } | null;
}) {
  const { t } = useTranslation('profile');
  const ordered = [...flags].sort((a, b) => STATE_ORDER[stateOf(a)] - STATE_ORDER[stateOf(b)]);
  const raised = flags.filter((f) => stateOf(f) === 'raised').length;
  const applying = flags.filter((f) => f.applies).length;
  return (
    <section className="card" aria-labelledby="flags-title">
      <h2 id="flags-title" className="card-title">
        {t('flags.title')}
      </h2>
      <p className="card-note">
        {raised === 0
          ? t('flags.noneRaised', { count: applying, applying: formatCount(applying) })
          : t('flags.someRaised', {
              count: raised,
              raised: formatCount(raised),
              applying: formatCount(applying),
            })}{' '}
        {t('flags.rules')}
      </p>
      <ul className="flag-list">
        {ordered.map((flag) => {
          const state = stateOf(flag);
          return (
            <li key={flag.key} className={`flag-item flag-${state}`}>
              <h3 className="flag-item-title">{wordMessage(flag.label)}</h3>
              <p className={`flag-state flag-state-${state}`}>
                <span aria-hidden="true">{STATE_ICON[state]} </span>
                {t(`flags.state.${state}`)}
              </p>
              <p className="flag-explanation">{wordMessage(flag.explanation)}</p>
              {review && flag.applies && (
                <FlagReview
                  studentId={review.studentId}
                  flag={flag}
                  latest={review.feedback.find((f) => f.target === flag.key) ?? null}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
