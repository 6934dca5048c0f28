import type { FlagDetail, RiskFeedbackView } from '../../api/types';
import { FlagReview } from './FlagReview';

type FlagState = 'raised' | 'clear' | 'na';

const STATE_TEXT: Record<FlagState, { text: string; icon: string }> = {
  raised: { text: 'Raised', icon: '⚑' },
  clear: { text: 'Not raised', icon: '✓' },
  na: { text: 'Does not apply', icon: '–' },
};

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
  const ordered = [...flags].sort((a, b) => STATE_ORDER[stateOf(a)] - STATE_ORDER[stateOf(b)]);
  const raised = flags.filter((f) => stateOf(f) === 'raised').length;
  const applying = flags.filter((f) => f.applies).length;
  return (
    <section className="card" aria-labelledby="flags-title">
      <h2 id="flags-title" className="card-title">
        Early-warning flags
      </h2>
      <p className="card-note">
        {raised === 0
          ? `None of the ${applying} flags that apply is raised.`
          : `${raised} of the ${applying} flags that apply ${raised === 1 ? 'is' : 'are'} raised.`}{' '}
        Flags follow fixed, published rules so you can check them by hand.
      </p>
      <ul className="flag-list">
        {ordered.map((flag) => {
          const state = stateOf(flag);
          return (
            <li key={flag.key} className={`flag-item flag-${state}`}>
              <h3 className="flag-item-title">{flag.label}</h3>
              <p className={`flag-state flag-state-${state}`}>
                <span aria-hidden="true">{STATE_TEXT[state].icon} </span>
                {STATE_TEXT[state].text}
              </p>
              <p className="flag-explanation">{flag.explanation}</p>
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
