import type { RiskFeedbackView, StudentRiskView } from '../../api/types';
import {
  factorEffectText,
  formatRiskScore,
  orderFactors,
  riskChangeText,
  topAttentionWeeks,
} from '../../domain/risk';
import { factorGroupLabel, RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatDate, formatDateTime, percentOf } from '../../format/format';
import { RiskChip } from '../common/RiskChip';
import { EmptyState } from '../feedback/EmptyState';
import { ModelFeedback } from './ModelFeedback';

interface RiskCardProps {
  studentId: string;
  risk: StudentRiskView | null;
  /** Counselors and admins mark the score right or wrong and may override the tier. */
  canReview: boolean;
}

/**
 * The model's risk score beside the transparent flags: tier and score, the change since last
 * week, which model and which data it came from, why (in plain words), the weeks that weighed
 * most, and, for counselors and admins, a way to say whether it is right.
 */
export function RiskCard({ studentId, risk, canReview }: RiskCardProps) {
  return (
    <section className="card risk-card" aria-labelledby="risk-title">
      <h2 id="risk-title" className="card-title">
        Risk
      </h2>
      {risk ? (
        <RiskDetails studentId={studentId} risk={risk} canReview={canReview} />
      ) : (
        <EmptyState title="No risk score for this student yet.">
          <p>
            Scores appear once a district admin activates a model on the Models page. The
            early-warning flags beside this card do not depend on it.
          </p>
        </EmptyState>
      )}
    </section>
  );
}

function RiskDetails({
  studentId,
  risk,
  canReview,
}: Required<RiskCardProps> & { risk: StudentRiskView }) {
  const factors = orderFactors(risk.factors);
  const weeks = topAttentionWeeks(risk.attention);
  return (
    <>
      <div className="risk-headline">
        <RiskChip tier={risk.tier} score={risk.score} />
        {risk.override && <OverrideLine override={risk.override} />}
      </div>
      <dl className="risk-facts">
        <div>
          <dt>Risk score</dt>
          <dd>
            {formatRiskScore(risk.score)} · {RISK_TIER_LABELS[risk.tier].label} tier
          </dd>
        </div>
        <div>
          <dt>Change since last week</dt>
          <dd>{riskChangeText(risk.change, risk.tier, risk.previousTier)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{risk.modelName}</dd>
        </div>
        <div>
          <dt>Computed from data as of</dt>
          <dd>
            {formatDate(risk.dataAsOf)}
            <span className="cell-note">Week of {formatDate(risk.weekStart)}</span>
          </dd>
        </div>
      </dl>
      <p className="card-note">
        The score is the model’s estimate of how likely a bad outcome is (failing a course, chronic
        absence or leaving school). Treat it as a prompt to look closer, beside the flags, never as
        a verdict on the student.
      </p>

      <h3 className="risk-subtitle">
        {risk.tier === 'low' ? 'What the score rests on' : 'Why flagged'}
      </h3>
      {factors.length === 0 ? (
        <p className="muted">The model gave no reasons for this score.</p>
      ) : (
        <ol className="factor-list">
          {factors.map((f) => (
            <li key={f.feature} className={`factor factor-${f.delta >= 0 ? 'up' : 'down'}`}>
              <p className="factor-sentence">{f.sentence}</p>
              <p className="factor-meta">
                <span aria-hidden="true">{f.delta >= 0 ? '↑ ' : '↓ '}</span>
                {factorGroupLabel(f.group)} · {factorEffectText(f.delta)}
              </p>
            </li>
          ))}
        </ol>
      )}

      {weeks.length > 0 && (
        <>
          <h3 className="risk-subtitle">Weeks that weighed most</h3>
          <p className="card-note">
            This model reads the weeks in order; these weeks counted most toward the score.
          </p>
          <ol className="attention-list">
            {weeks.map((w) => (
              <li key={w.weekStart}>
                <span className="attention-week">Week of {formatDate(w.weekStart)}</span>
                <span className="attention-share">{percentOf(w.share)}% of the weight</span>
                <span className="attention-track" aria-hidden="true">
                  <span className="attention-bar" style={{ width: `${percentOf(w.share)}%` }} />
                </span>
              </li>
            ))}
          </ol>
        </>
      )}

      {canReview && <ModelFeedback studentId={studentId} tier={risk.tier} />}
    </>
  );
}

function OverrideLine({ override }: { override: RiskFeedbackView }) {
  const tier = override.overrideTier;
  return (
    <p className="risk-override-line">
      <strong>
        {tier
          ? `Set to ${RISK_TIER_LABELS[tier].label} by ${override.staffName}`
          : `Overridden by ${override.staffName}`}
      </strong>{' '}
      on {formatDateTime(override.at)}
      {override.note ? `: “${override.note}”` : ''}. The model’s own tier stays shown beside it.
    </p>
  );
}
