import type { ChartConfiguration } from 'chart.js';
import type { TrendPoint } from '../../api/types';
import { formatPercent, formatShortDate, formatWholePercent } from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

/** Weekly attendance rate as a line, on a percent axis. */
export function attendanceTrendConfig(
  points: TrendPoint[],
  theme: ChartTheme,
): ChartConfiguration<'line', (number | null)[], string> {
  const color = seriesColor(theme, 0);
  const rates = points.map((p) => (p.rate === null ? null : p.rate * 100));
  const lowest = Math.min(...rates.filter((r): r is number => r !== null), 100);
  const noData = i18n.t('overview:attendanceTrend.chart.noData');
  return {
    type: 'line',
    data: {
      labels: points.map((p) => formatShortDate(p.weekStart)),
      datasets: [
        {
          label: i18n.t('overview:attendanceTrend.chart.series'),
          data: rates,
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          pointRadius: 3,
          spanGaps: true,
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
            text: i18n.t('overview:attendanceTrend.chart.xTitle'),
            color: theme.text,
          },
        },
        y: {
          ...axis(theme),
          min: Math.max(0, Math.floor((lowest - 5) / 5) * 5),
          max: 100,
          ticks: {
            ...axis(theme).ticks,
            callback: (v) => formatWholePercent(Number(v) / 100),
          },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) =>
              i18n.t('overview:attendanceTrend.chart.tooltipTitle', {
                week: items[0]?.label ?? '',
              }),
            label: (item) =>
              i18n.t('overview:attendanceTrend.chart.tooltip', {
                value: formatPercent(item.parsed.y === null ? null : item.parsed.y / 100) ?? noData,
              }),
          },
        },
      },
    },
  };
}
