import type { ChartConfiguration } from 'chart.js';
import type { TrendPoint } from '../../api/types';
import { formatPercent, formatShortDate } from '../../format/format';
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
  return {
    type: 'line',
    data: {
      labels: points.map((p) => formatShortDate(p.weekStart)),
      datasets: [
        {
          label: 'Attendance rate',
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
        x: { ...axis(theme), title: { display: true, text: 'Week of', color: theme.text } },
        y: {
          ...axis(theme),
          min: Math.max(0, Math.floor((lowest - 5) / 5) * 5),
          max: 100,
          ticks: { ...axis(theme).ticks, callback: (v) => `${v}%` },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) => `Week of ${items[0]?.label ?? ''}`,
            label: (item) =>
              `Attendance ${formatPercent(item.parsed.y === null ? null : item.parsed.y / 100) ?? 'no data'}`,
          },
        },
      },
    },
  };
}
