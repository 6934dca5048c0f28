import type { ChartConfiguration } from 'chart.js';
import type { FlagsByGradeRow } from '../../api/types';
import { FLAG_LABELS, FLAG_ORDER, gradeLong } from '../../domain/labels';
import { i18n } from '../../i18n';
import { seriesColor, type ChartTheme } from '../theme';
import { axis, baseOptions, legend } from './common';

/** Students with each flag, grouped by grade, beside the count with any flag. */
export function flagsByGradeConfig(
  rows: FlagsByGradeRow[],
  theme: ChartTheme,
): ChartConfiguration<'bar', number[], string> {
  const series = [
    { label: i18n.t('overview:flagsByGrade.anyFlag'), data: rows.map((r) => r.anyFlag) },
    ...FLAG_ORDER.map((flag) => ({
      label: FLAG_LABELS[flag].label,
      data: rows.map((r) => r.flags[flag]),
    })),
  ];
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => gradeLong(r.grade)),
      datasets: series.map((s, i) => ({
        ...s,
        backgroundColor: seriesColor(theme, i),
        borderColor: seriesColor(theme, i),
        borderWidth: 1,
      })),
    },
    options: {
      ...baseOptions(theme),
      scales: {
        x: axis(theme),
        y: {
          ...axis(theme),
          beginAtZero: true,
          ticks: { ...axis(theme).ticks, precision: 0 },
          title: {
            display: true,
            text: i18n.t('overview:flagsByGrade.chart.yTitle'),
            color: theme.text,
          },
        },
      },
      plugins: { legend: legend(theme) },
    },
  };
}
