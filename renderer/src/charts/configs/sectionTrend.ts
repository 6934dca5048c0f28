import type { ChartConfiguration } from 'chart.js';
import type { SectionTrendWeek } from '../../api/types';
import { formatGrade, formatPercent, formatShortDate } from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

/**
 * A class week by week: its students' attendance rate (as a percent) and their average grade in
 * the class (0–100), two lines on one 0–100 axis. The lines also differ by dash and marker shape,
 * not by colour alone.
 */
export function sectionTrendConfig(
  weeks: SectionTrendWeek[],
  theme: ChartTheme,
): ChartConfiguration<'line', (number | null)[], string> {
  const attendanceColor = seriesColor(theme, 0);
  const gradeColor = seriesColor(theme, 2);
  const attendance = weeks.map((w) => (w.attendanceRate === null ? null : w.attendanceRate * 100));
  const grades = weeks.map((w) => w.averageGrade);
  const noData = i18n.t('sections:trend.chart.noData');
  const lowest = Math.min(
    ...[...attendance, ...grades].filter((v): v is number => v !== null),
    100,
  );
  return {
    type: 'line',
    data: {
      labels: weeks.map((w) => formatShortDate(w.weekStart)),
      datasets: [
        {
          label: i18n.t('sections:trend.chart.attendance'),
          data: attendance,
          borderColor: attendanceColor,
          backgroundColor: attendanceColor,
          borderWidth: 2,
          pointStyle: 'circle',
          pointRadius: 3,
          spanGaps: true,
          tension: 0.2,
        },
        {
          label: i18n.t('sections:trend.chart.grade'),
          data: grades,
          borderColor: gradeColor,
          backgroundColor: gradeColor,
          borderWidth: 2,
          borderDash: [6, 3],
          pointStyle: 'rect',
          pointRadius: 4,
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
          title: { display: true, text: i18n.t('sections:trend.chart.xTitle'), color: theme.text },
        },
        y: {
          ...axis(theme),
          min: Math.max(0, Math.floor((lowest - 5) / 5) * 5),
          max: 100,
          title: { display: true, text: i18n.t('sections:trend.chart.yTitle'), color: theme.text },
        },
      },
      plugins: {
        legend: { ...legend(theme), labels: { ...legend(theme).labels, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) =>
              i18n.t('sections:trend.chart.tooltipTitle', { week: items[0]?.label ?? '' }),
            label: (item) => {
              const value = item.parsed.y;
              return item.datasetIndex === 0
                ? i18n.t('sections:trend.chart.tooltipAttendance', {
                    value: formatPercent(value === null ? null : value / 100) ?? noData,
                  })
                : i18n.t('sections:trend.chart.tooltipGrade', {
                    value: formatGrade(value) ?? noData,
                  });
            },
          },
        },
      },
    },
  };
}
