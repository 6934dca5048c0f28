import type { RiskFeedbackView } from '../../api/types';
import { feedbackTargetLabel, RISK_TIER_LABELS, VERDICT_LABELS } from '../../domain/riskLabels';
import { formatDateTime } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

function verdictText(f: RiskFeedbackView): string {
  if (f.verdict === 'override' && f.overrideTier) {
    return `Tier set to ${RISK_TIER_LABELS[f.overrideTier].label}`;
  }
  return VERDICT_LABELS[f.verdict];
}

/** Every verdict and override on this student's score and flags: who, when, what, why. */
export function RiskFeedbackList({ feedback }: { feedback: RiskFeedbackView[] }) {
  return (
    <section className="card" aria-labelledby="risk-feedback-title">
      <h2 id="risk-feedback-title" className="card-title">
        Feedback on the flags and score
      </h2>
      {feedback.length === 0 ? (
        <EmptyState title="No one has given feedback on this student’s flags or score yet." />
      ) : (
        <DataTable
          caption="Feedback on this student’s flags and risk score, newest first"
          captionHidden
          head={
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">About</th>
              <th scope="col">Verdict</th>
              <th scope="col">Note</th>
            </tr>
          }
        >
          {feedback.map((f) => (
            <tr key={f.id}>
              <th scope="row">{formatDateTime(f.at)}</th>
              <td>{f.staffName}</td>
              <td>{feedbackTargetLabel(f.target)}</td>
              <td>
                <span className={`verdict verdict-${f.verdict}`}>{verdictText(f)}</span>
              </td>
              <td className="feedback-note">{f.note || <span className="muted">No note</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
