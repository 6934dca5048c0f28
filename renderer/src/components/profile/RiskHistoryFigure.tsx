import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskHistoryPoint } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { riskHistoryConfig } from '../../charts/configs/riskHistory';
import { chartTheme } from '../../charts/theme';
import { formatRiskScore, riskHistorySummary } from '../../domain/risk';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatShortDate } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { RiskChip } from '../common/RiskChip';

/** The active model's weekly score for this student, with the same numbers as a table. */
export function RiskHistoryFigure({ history }: { history: RiskHistoryPoint[] }) {
  const { t } = useTranslation('profile');
  const config = useMemo(() => riskHistoryConfig(history, chartTheme()), [history]);
  return (
    <ChartFigure
      title={t('riskHistory.title')}
      summary={riskHistorySummary(history)}
      chart={(summaryId) => (
        <ChartCanvas config={config} label={t('riskHistory.chartLabel')} describedBy={summaryId} />
      )}
      table={
        <DataTable
          caption={t('riskHistory.title')}
          head={
            <tr>
              <th scope="col">{t('riskHistory.weekOf')}</th>
              <th scope="col" className="num">
                {t('riskHistory.score')}
              </th>
              <th scope="col">{t('riskHistory.tier')}</th>
            </tr>
          }
        >
          {history.map((p) => (
            <tr key={p.weekStart}>
              <th scope="row">{formatShortDate(p.weekStart)}</th>
              <td className="num">{formatRiskScore(p.score)}</td>
              <td>
                <RiskChip tier={p.tier} />
              </td>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ul className="tier-legend" aria-label={t('riskHistory.legend')}>
        {(['high', 'moderate', 'low'] as const).map((t) => (
          <li key={t}>
            <span className={`tier-legend-icon risk-${t}`} aria-hidden="true">
              {RISK_TIER_LABELS[t].icon}
            </span>
            {RISK_TIER_LABELS[t].label}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
