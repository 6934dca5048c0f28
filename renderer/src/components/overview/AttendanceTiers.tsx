import { useTranslation } from 'react-i18next';
import type { AttendanceTier } from '../../api/types';
import { TIER_LABELS, TIER_ORDER } from '../../domain/labels';
import { formatCount, formatPercent, share } from '../../format/format';

/**
 * Students per attendance tier as a table; each row carries a bar for a quick visual read
 * (decorative: the numbers are in the text).
 */
export function AttendanceTiers({ tiers }: { tiers: Record<AttendanceTier, number> }) {
  const { t } = useTranslation('overview');
  const total = TIER_ORDER.reduce((sum, tier) => sum + tiers[tier], 0);
  return (
    <section className="card" aria-labelledby="tiers-title">
      <h2 id="tiers-title" className="card-title">
        {t('attendanceTiers.title')}
      </h2>
      <p className="card-note">{t('attendanceTiers.note')}</p>
      <div className="table-scroll">
        <table className="data-table tiers-table">
          <caption className="visually-hidden">{t('attendanceTiers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('attendanceTiers.tier')}</th>
              <th scope="col" className="num">
                {t('attendanceTiers.students')}
              </th>
              <th scope="col">{t('attendanceTiers.share')}</th>
            </tr>
          </thead>
          <tbody>
            {TIER_ORDER.map((tier) => {
              const part = share(tiers[tier], total) ?? 0;
              return (
                <tr key={tier}>
                  <th scope="row">
                    <span className={`tier-dot tier-${tier}`} aria-hidden="true" />
                    {TIER_LABELS[tier].label}
                    <span className="cell-note tier-range">{TIER_LABELS[tier].range}</span>
                  </th>
                  <td className="num">{formatCount(tiers[tier])}</td>
                  <td className="tier-share">
                    <span className="tier-share-text">{formatPercent(part)}</span>
                    <span className="tier-bar-track" aria-hidden="true">
                      <span
                        className={`tier-bar tier-${tier}`}
                        style={{ width: `${part * 100}%` }}
                      />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
