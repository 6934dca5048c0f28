import type { ChartConfiguration } from 'chart.js';
import type { Overview, RiskTier } from '../../api/types';
import { gradeLong } from '../../domain/labels';
import { RISK_TIER_LABELS, RISK_TIER_ORDER } from '../../domain/riskLabels';
import { formatCount } from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

type Row = Overview['riskTiersByGrade'][number];

/** The theme's series colour for each tier (red, amber, green) and for "no score" (grey). */
const TIER_SERIES: Record<RiskTier, number> = { high: 1, moderate: 2, low: 3 };
const UNSCORED_SERIES = 7;

/**
 * Students per grade stacked by risk tier, most concern at the bottom so the high tier's bars
 * line up along the axis and compare at a glance; students with no score on top.
 */
export function riskTiersByGradeConfig(
  rows: Row[],
  theme: ChartTheme,
): ChartConfiguration<'bar', number[], string> {
  const series = [
    ...RISK_TIER_ORDER.map((tier) => ({
      label: RISK_TIER_LABELS[tier].label,
      data: rows.map((r) => r[tier]),
      color: seriesColor(theme, TIER_SERIES[tier]),
    })),
    {
      label: i18n.t('overview:riskTiers.unscored'),
      data: rows.map((r) => r.unscored),
      color: seriesColor(theme, UNSCORED_SERIES),
    },
  ];
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => gradeLong(r.grade)),
      datasets: series.map(({ color, ...s }) => ({
        ...s,
        backgroundColor: color,
        borderColor: color,
        borderWidth: 1,
      })),
    },
    options: {
      ...baseOptions(theme),
      scales: {
        x: { ...axis(theme), stacked: true },
        y: {
          ...axis(theme),
          stacked: true,
          beginAtZero: true,
          ticks: { ...axis(theme).ticks, precision: 0 },
          title: {
            display: true,
            text: i18n.t('overview:riskTiers.chart.yTitle'),
            color: theme.text,
          },
        },
      },
      plugins: {
        legend: legend(theme),
        tooltip: {
          callbacks: {
            label: (item) =>
              i18n.t('overview:riskTiers.chart.tooltip', {
                tier: item.dataset.label ?? '',
                count: formatCount(item.parsed.y) ?? '',
              }),
          },
        },
      },
    },
  };
}
