import type { ChartConfiguration } from 'chart.js';
import type { LmsWeek } from '../../api/types';
import { formatCount, formatShortDate } from '../../format/format';
import { i18n } from '../../i18n';
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
          label: i18n.t('profile:charts.lms.dataset'),
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
        x: {
          ...axis(theme),
          title: { display: true, text: i18n.t('profile:charts.lms.xAxis'), color: theme.text },
        },
        y: {
          ...axis(theme),
          beginAtZero: true,
          title: { display: true, text: i18n.t('profile:charts.lms.yAxis'), color: theme.text },
        },
      },
      plugins: {
        legend: legend(theme, false),
        tooltip: {
          callbacks: {
            title: (items) =>
              i18n.t('profile:charts.lms.tooltipTitle', { week: items[0]?.label ?? '' }),
            label: (item) =>
              i18n.t('profile:charts.lms.tooltipLabel', {
                minutes: formatCount(item.parsed.y) ?? formatCount(0),
              }),
          },
        },
      },
    },
  };
}
