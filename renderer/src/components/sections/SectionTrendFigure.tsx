import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionTrendWeek } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { sectionTrendConfig } from '../../charts/configs/sectionTrend';
import { chartTheme } from '../../charts/theme';
import { sectionTrendSummary } from '../../domain/sections';
import { formatGrade, formatPercent, formatShortDate } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** The class week by week (the students on the roster), with the same numbers as a table. */
export function SectionTrendFigure({ weeks }: { weeks: SectionTrendWeek[] }) {
  const { t } = useTranslation('sections');
  const title = t('trend.title');
  const config = useMemo(() => sectionTrendConfig(weeks, chartTheme()), [weeks]);
  const recorded = weeks.some((w) => w.attendanceRate !== null || w.averageGrade !== null);
  if (!recorded) {
    return (
      <section className="card" aria-labelledby="section-trend-empty-title">
        <h2 id="section-trend-empty-title" className="card-title">
          {title}
        </h2>
        <EmptyState title={t('trend.emptyTitle')}>
          <p>{t('trend.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title={title}
      summary={sectionTrendSummary(weeks)}
      chart={(summaryId) => (
        <ChartCanvas config={config} label={t('trend.chartLabel')} describedBy={summaryId} />
      )}
      table={
        <DataTable
          caption={title}
          head={
            <tr>
              <th scope="col">{t('trend.weekOf')}</th>
              <th scope="col" className="num">
                {t('trend.attendanceRate')}
              </th>
              <th scope="col" className="num">
                {t('trend.averageGrade')}
              </th>
            </tr>
          }
        >
          {weeks.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{formatShortDate(w.weekStart)}</th>
              <td className="num">
                <Value text={formatPercent(w.attendanceRate)} />
              </td>
              <td className="num">
                <Value text={formatGrade(w.averageGrade)} />
              </td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
