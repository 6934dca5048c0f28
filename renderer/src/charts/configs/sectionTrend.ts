import type { ChartConfiguration } from 'chart.js';
import type { SectionTrendWeek } from '../../api/types';
import { formatGrade, formatPercent, formatShortDate } from '../../format/format';
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
          label: 'Attendance rate (%)',
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
          label: 'Average grade (0–100)',
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
        x: { ...axis(theme), title: { display: true, text: 'Week of', color: theme.text } },
        y: {
          ...axis(theme),
          min: Math.max(0, Math.floor((lowest - 5) / 5) * 5),
          max: 100,
          title: { display: true, text: 'Percent or grade points', color: theme.text },
        },
      },
      plugins: {
        legend: { ...legend(theme), labels: { ...legend(theme).labels, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => `Week of ${items[0]?.label ?? ''}`,
            label: (item) => {
              const value = item.parsed.y;
              return item.datasetIndex === 0
                ? `Attendance ${formatPercent(value === null ? null : value / 100) ?? 'no data'}`
                : `Average grade ${formatGrade(value) ?? 'no data'}`;
            },
          },
        },
      },
    },
  };
}
