import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { GradingPeriod } from '../../api/types';
import { FAILING_GRADE, type CourseGrades } from '../../components/profile/gradesModel';
import { formatGrade } from '../../format/format';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend, thresholdLine } from './common';

// Each course also differs by marker shape and dash, not by colour alone.
const POINT_STYLES: PointStyle[] = [
  'circle',
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
  'rectRounded',
  'cross',
];
const DASHES: number[][] = [[], [6, 3], [2, 3], [10, 4, 2, 4]];

/** Each course's grade across the grading periods, one line per course, with the F line at 60. */
export function gradesConfig(
  courses: CourseGrades[],
  periods: GradingPeriod[],
  theme: ChartTheme,
): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: periods.map((p) => p.title),
      datasets: courses.map((course, i) => {
        const color = seriesColor(theme, i);
        return {
          label: course.courseTitle,
          data: periods.map((p) => course.byPeriod.get(p.id)?.numericGrade ?? null),
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          borderDash: DASHES[i % DASHES.length],
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          pointRadius: 5,
          spanGaps: true,
        };
      }),
    },
    options: {
      ...baseOptions(theme),
      scales: {
        x: axis(theme),
        y: {
          ...axis(theme),
          suggestedMin: 30,
          max: 100,
          title: { display: true, text: i18n.t('profile:charts.grades.yAxis'), color: theme.text },
        },
      },
      plugins: {
        legend: { ...legend(theme), labels: { ...legend(theme).labels, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) =>
              i18n.t('profile:charts.grades.tooltip', {
                course: item.dataset.label ?? '',
                grade: formatGrade(item.parsed.y) ?? i18n.t('profile:charts.grades.noGrade'),
              }),
          },
        },
      },
    },
    plugins: [
      thresholdLine(
        FAILING_GRADE,
        i18n.t('profile:charts.grades.threshold', { grade: formatGrade(FAILING_GRADE) }),
        theme.threshold,
      ),
    ],
  };
}
