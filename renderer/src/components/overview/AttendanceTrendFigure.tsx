import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { attendanceTrendConfig } from '../../charts/configs/attendanceTrend';
import { chartTheme } from '../../charts/theme';
import { formatDate, formatPercent, formatShortDate } from '../../format/format';
import { i18n } from '../../i18n';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { Value } from '../common/Value';

/** Plain-words summary: the span, the latest week and the lowest week. */
export function attendanceTrendSummary(points: TrendPoint[]): string {
  const known = points.filter((p): p is TrendPoint & { rate: number } => p.rate !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return i18n.t('overview:attendanceTrend.summaryEmpty');
  const lowest = known.reduce((low, p) => (p.rate < low.rate ? p : low), first);
  return i18n.t('overview:attendanceTrend.summary', {
    first: formatDate(first.weekStart),
    last: formatDate(last.weekStart),
    latest: formatPercent(last.rate),
    lowest: formatPercent(lowest.rate),
    lowestWeek: formatDate(lowest.weekStart),
  });
}

export function AttendanceTrendFigure({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation('overview');
  const config = useMemo(() => attendanceTrendConfig(points, chartTheme()), [points]);
  const summary = attendanceTrendSummary(points);
  if (points.length === 0) {
    return (
      <section className="card" aria-labelledby="trend-empty-title">
        <h2 id="trend-empty-title" className="card-title">
          {t('attendanceTrend.title')}
        </h2>
        <EmptyState title={t('attendanceTrend.emptyTitle')}>
          <p>{t('attendanceTrend.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title={t('attendanceTrend.title')}
      summary={summary}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label={t('attendanceTrend.chartLabel')}
          describedBy={summaryId}
        />
      )}
      table={
        <DataTable
          caption={t('attendanceTrend.caption')}
          head={
            <tr>
              <th scope="col">{t('attendanceTrend.weekOf')}</th>
              <th scope="col" className="num">
                {t('attendanceTrend.rate')}
              </th>
            </tr>
          }
        >
          {points.map((p) => (
            <tr key={p.weekStart}>
              <th scope="row">{formatShortDate(p.weekStart)}</th>
              <td className="num">
                <Value text={formatPercent(p.rate)} />
              </td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
