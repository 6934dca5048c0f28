import { Trans, useTranslation } from 'react-i18next';
import type { RiskFeedbackView, StudentRiskView } from '../../api/types';
import {
  factorEffectText,
  formatRiskScore,
  orderFactors,
  riskChangeText,
  topAttentionWeeks,
} from '../../domain/risk';
import { factorGroupLabel, RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatDate, formatDateTime, formatWholePercent, percentOf } from '../../format/format';
import { RiskChip } from '../common/RiskChip';
import { EmptyState } from '../feedback/EmptyState';
import { ModelFeedback } from './ModelFeedback';
import { wordMessage } from '../../i18n/messages';

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
  const { t } = useTranslation('profile');
  return (
    <section className="card risk-card" aria-labelledby="risk-title">
      <h2 id="risk-title" className="card-title">
        {t('riskCard.title')}
      </h2>
      {risk ? (
        <RiskDetails studentId={studentId} risk={risk} canReview={canReview} />
      ) : (
        <EmptyState title={t('riskCard.emptyTitle')}>
          <p>{t('riskCard.emptyBody')}</p>
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
  const { t } = useTranslation('profile');
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
          <dt>{t('riskCard.score')}</dt>
          <dd>
            {t('riskCard.scoreValue', {
              score: formatRiskScore(risk.score),
              tier: RISK_TIER_LABELS[risk.tier].label,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('riskCard.change')}</dt>
          <dd>{riskChangeText(risk.change, risk.tier, risk.previousTier)}</dd>
        </div>
        <div>
          <dt>{t('riskCard.model')}</dt>
          <dd translate="no">{risk.modelName}</dd>
        </div>
        <div>
          <dt>{t('riskCard.dataAsOf')}</dt>
          <dd>
            {formatDate(risk.dataAsOf)}
            <span className="cell-note">
              {t('riskCard.weekOf', { date: formatDate(risk.weekStart) })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="card-note">{t('riskCard.note')}</p>

      <h3 className="risk-subtitle">
        {risk.tier === 'low' ? t('riskCard.restsOn') : t('riskCard.whyFlagged')}
      </h3>
      {factors.length === 0 ? (
        <p className="muted">{t('riskCard.noReasons')}</p>
      ) : (
        <ol className="factor-list">
          {factors.map((f) => (
            <li key={f.feature} className={`factor factor-${f.delta >= 0 ? 'up' : 'down'}`}>
              {/* Scores stored before reasons were messages have English words only. */}
              <p className="factor-sentence">{f.message ? wordMessage(f.message) : f.sentence}</p>
              <p className="factor-meta">
                <span aria-hidden="true">{f.delta >= 0 ? '↑ ' : '↓ '}</span>
                {t('riskCard.factorMeta', {
                  group: factorGroupLabel(f.group),
                  effect: factorEffectText(f.delta),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}

      {weeks.length > 0 && (
        <>
          <h3 className="risk-subtitle">{t('riskCard.weeksTitle')}</h3>
          <p className="card-note">{t('riskCard.weeksNote')}</p>
          <ol className="attention-list">
            {weeks.map((w) => (
              <li key={w.weekStart}>
                <span className="attention-week">
                  {t('riskCard.weekOf', { date: formatDate(w.weekStart) })}
                </span>
                <span className="attention-share">
                  {t('riskCard.weekShare', { percent: formatWholePercent(w.share) })}
                </span>
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
  const { t } = useTranslation('profile');
  const tier = override.overrideTier;
  const key = tier
    ? override.note
      ? 'riskCard.overrideTierNote'
      : 'riskCard.overrideTier'
    : override.note
      ? 'riskCard.overriddenNote'
      : 'riskCard.overridden';
  return (
    <p className="risk-override-line">
      <Trans
        t={t}
        i18nKey={key}
        values={{
          tier: tier ? RISK_TIER_LABELS[tier].label : '',
          name: override.staffName,
          when: formatDateTime(override.at),
          note: override.note,
        }}
        components={{
          strong: <strong />,
          name: <span translate="no" />,
          note: <span translate="no" />,
        }}
      />
    </p>
  );
}
