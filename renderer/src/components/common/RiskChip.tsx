import { Trans, useTranslation } from 'react-i18next';
import type { RiskTier, StudentListRow } from '../../api/types';
import { formatRiskScore } from '../../domain/risk';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';

/** A risk tier as a chip: a shape, the word and (optionally) the score, never colour alone. */
export function RiskChip({ tier, score = null }: { tier: RiskTier; score?: number | null }) {
  const { t } = useTranslation('common');
  const { label, icon, description } = RISK_TIER_LABELS[tier];
  return (
    <span className={`risk-chip risk-${tier}`} title={description}>
      <span className="risk-chip-icon" aria-hidden="true">
        {icon}
      </span>
      <Trans
        t={t}
        i18nKey="risk.chip"
        values={{ tier: label }}
        components={{ hidden: <span className="visually-hidden" /> }}
      />
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
  const { t } = useTranslation('common');
  if (!row.riskTier) return <span className="muted">{t('risk.notScored')}</span>;
  return (
    <span className="risk-cell">
      <RiskChip tier={row.riskTier} score={row.riskScore} />
      {row.overrideTier && (
        <span className="risk-override">
          <Trans
            t={t}
            i18nKey="risk.override"
            values={{ tier: RISK_TIER_LABELS[row.overrideTier].label }}
            components={{
              arrow: <span aria-hidden="true" />,
              hidden: <span className="visually-hidden" />,
              note: <span className="risk-override-note" />,
            }}
          />
        </span>
      )}
    </span>
  );
}
