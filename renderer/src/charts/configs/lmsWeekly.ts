import type { ChartConfiguration } from 'chart.js';
import type { LmsWeek } from '../../api/types';
import { formatCount, formatShortDate } from '../../format/format';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

/** Minutes active in the learning platform per week. */
export function lmsWeeklyConfig(
  weeks: LmsWeek[],
  theme: ChartTheme,
): ChartConfiguration<'bar', number[], string> {
  const color = seriesColor(theme, 0);
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w) => formatShortDate(w.weekStart)),
      datasets: [
        {
          label: 'Minutes active',
          data: weeks.map((w) => w.minutes),
          backgroundColor: color,
          borderColor: color,
          borderWidth: 1,
        },
      ],
    },
    options: {
      ...baseOptions(theme),
      scales: {
        x: { ...axis(theme), title: { display: true, text: 'Week of', color: theme.text } },
        y: {
          ...axis(theme),
          beginAtZero: true,
          title: { display: true, text: 'Minutes', color: theme.text },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) => `Week of ${items[0]?.label ?? ''}`,
            label: (item) => `${formatCount(item.parsed.y) ?? 0} minutes active`,
          },
        },
      },
    },
  };
}
