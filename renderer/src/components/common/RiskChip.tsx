import type { RiskTier, StudentListRow } from '../../api/types';
import { formatRiskScore } from '../../domain/risk';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';

/** A risk tier as a chip: a shape, the word and (optionally) the score, never colour alone. */
export function RiskChip({ tier, score = null }: { tier: RiskTier; score?: number | null }) {
  const { label, icon, description } = RISK_TIER_LABELS[tier];
  return (
    <span className={`risk-chip risk-${tier}`} title={description}>
      <span className="risk-chip-icon" aria-hidden="true">
        {icon}
      </span>
      {label}
      <span className="visually-hidden"> risk</span>
      {score !== null && <span className="risk-chip-score">{formatRiskScore(score)}</span>}
    </span>
  );
}

/**
 * A student list row's risk: the model's tier and score, and beside it (never instead of it) a
 * tier a counselor set, e.g. "▲ High 82% → Moderate (override)". "Not scored" before any model.
 */
export function RiskCell({
  row,
}: {
  row: Pick<StudentListRow, 'riskScore' | 'riskTier' | 'overrideTier'>;
}) {
  if (!row.riskTier) return <span className="muted">Not scored</span>;
  return (
    <span className="risk-cell">
      <RiskChip tier={row.riskTier} score={row.riskScore} />
      {row.overrideTier && (
        <span className="risk-override">
          <span aria-hidden="true">→ </span>
          <span className="visually-hidden">, set by staff to </span>
          {RISK_TIER_LABELS[row.overrideTier].label}
          <span className="risk-override-note"> (override)</span>
        </span>
      )}
    </span>
  );
}
