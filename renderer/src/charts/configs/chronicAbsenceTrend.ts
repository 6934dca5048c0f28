import type { ChartConfiguration } from 'chart.js';
import type { Overview } from '../../api/types';
import {
  formatCount,
  formatPercent,
  formatShortDate,
  formatWholePercent,
} from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

type Point = Overview['chronicAbsenceTrend'][number];

/** The share of enrolled students chronically absent year to date, week by week, as a line. */
export function chronicAbsenceTrendConfig(
  points: Point[],
  theme: ChartTheme,
): ChartConfiguration<'line', (number | null)[], string> {
  const color = seriesColor(theme, 1);
  const rates = points.map((p) => (p.rate === null ? null : p.rate * 100));
  const highest = Math.max(...rates.filter((r): r is number => r !== null), 0);
  return {
    type: 'line',
    data: {
      labels: points.map((p) => formatShortDate(p.weekStart)),
      datasets: [
        {
          label: i18n.t('overview:chronicTrend.chart.series'),
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
            text: i18n.t('overview:chronicTrend.chart.xTitle'),
            color: theme.text,
          },
        },
        y: {
          ...axis(theme),
          min: 0,
          max: Math.min(100, Math.max(10, Math.ceil((highest + 5) / 5) * 5)),
          ticks: {
            ...axis(theme).ticks,
            callback: (v) => formatWholePercent(Number(v) / 100),
          },
          title: {
            display: true,
            text: i18n.t('overview:chronicTrend.chart.yTitle'),
            color: theme.text,
          },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) =>
              i18n.t('overview:chronicTrend.chart.tooltipTitle', { week: items[0]?.label ?? '' }),
            label: (item) => {
              const p = points[item.dataIndex];
              if (!p) return '';
              return i18n.t('overview:chronicTrend.chart.tooltip', {
                count: p.students,
                rate: formatPercent(p.rate) ?? '',
                chronic: formatCount(p.chronic),
                students: formatCount(p.students),
              });
            },
          },
        },
      },
    },
  };
}
