import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { RiskHistoryPoint, RiskTier } from '../../api/types';
import { formatRiskScore } from '../../domain/risk';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatShortDate, formatWholePercent } from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

/** Each week's marker has its tier's shape (as on the tier chips), not only a height. */
const TIER_POINT: Record<RiskTier, PointStyle> = {
  high: 'triangle',
  moderate: 'rectRot',
  low: 'circle',
};

/** The active model's weekly risk score for one student, on a 0–100% axis. */
export function riskHistoryConfig(
  history: RiskHistoryPoint[],
  theme: ChartTheme,
): ChartConfiguration<'line', number[], string> {
  const color = seriesColor(theme, 1);
  return {
    type: 'line',
    data: {
      labels: history.map((p) => formatShortDate(p.weekStart)),
      datasets: [
        {
          label: i18n.t('profile:charts.riskHistory.dataset'),
          data: history.map((p) => Math.round(p.score * 1000) / 10),
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          pointStyle: history.map((p) => TIER_POINT[p.tier]),
          pointRadius: 5,
          tension: 0.2,
        },
      ],
    },
    options: {
      ...baseOptions(theme),
      scales: {
        x: {
          ...axis(theme),
          title: {
            display: true,
            text: i18n.t('profile:charts.riskHistory.xAxis'),
            color: theme.text,
          },
        },
        y: {
          ...axis(theme),
          min: 0,
          max: 100,
          ticks: {
            ...axis(theme).ticks,
            callback: (v) => formatWholePercent(Number(v) / 100) ?? `${v}%`,
          },
          title: {
            display: true,
            text: i18n.t('profile:charts.riskHistory.yAxis'),
            color: theme.text,
          },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) =>
              i18n.t('profile:charts.riskHistory.tooltipTitle', { week: items[0]?.label ?? '' }),
            label: (item) => {
              const point = history[item.dataIndex];
              return point
                ? i18n.t('profile:charts.riskHistory.tooltipLabel', {
                    score: formatRiskScore(point.score),
                    tier: RISK_TIER_LABELS[point.tier].label,
                  })
                : '';
            },
          },
        },
      },
    },
  };
}
