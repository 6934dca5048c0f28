import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { RiskHistoryPoint, RiskTier } from '../../api/types';
import { formatRiskScore } from '../../domain/risk';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatShortDate } from '../../format/format';
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
          label: 'Risk score',
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
        x: { ...axis(theme), title: { display: true, text: 'Week of', color: theme.text } },
        y: {
          ...axis(theme),
          min: 0,
          max: 100,
          ticks: { ...axis(theme).ticks, callback: (v) => `${v}%` },
          title: { display: true, text: 'Risk score', color: theme.text },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) => `Week of ${items[0]?.label ?? ''}`,
            label: (item) => {
              const point = history[item.dataIndex];
              return point
                ? `Risk ${formatRiskScore(point.score)} (${RISK_TIER_LABELS[point.tier].label})`
                : '';
            },
          },
        },
      },
    },
  };
}
