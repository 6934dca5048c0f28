import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { chronicAbsenceTrendConfig } from '../../charts/configs/chronicAbsenceTrend';
import { chartTheme } from '../../charts/theme';
import {
  formatCount,
  formatDate,
  formatPercent,
  formatShortDate,
  formatWholePercent,
} from '../../format/format';
import { i18n } from '../../i18n';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

type Point = Overview['chronicAbsenceTrend'][number];

/** Plain-words summary: what is counted, the span, the latest week and the highest week. */
export function chronicTrendSummary(points: Point[], threshold: number): string {
  const known = points.filter((p): p is Point & { rate: number } => p.rate !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return '';
  const highest = known.reduce((high, p) => (p.rate > high.rate ? p : high), first);
  return [
    i18n.t('overview:chronicTrend.summary', {
      threshold: formatWholePercent(threshold),
      first: formatDate(first.weekStart),
      last: formatDate(last.weekStart),
    }),
    i18n.t('overview:chronicTrend.latest', {
      count: last.students,
      rate: formatPercent(last.rate),
      chronic: formatCount(last.chronic),
      students: formatCount(last.students),
    }),
    i18n.t('overview:chronicTrend.highest', {
      rate: formatPercent(highest.rate),
      week: formatDate(highest.weekStart),
    }),
  ].join(' ');
}

/** Week by week, the share of enrolled students chronically absent so far this year. */
export function ChronicAbsenceTrendFigure({
  points,
  threshold,
}: {
  points: Point[];
  /** Share of enrolled days missed that makes a student chronically absent (0.1 = 10%). */
  threshold: number;
}) {
  const { t } = useTranslation('overview');
  const config = useMemo(() => chronicAbsenceTrendConfig(points, chartTheme()), [points]);
  if (points.length === 0) {
    return (
      <section className="card" aria-labelledby="chronic-empty-title">
        <h2 id="chronic-empty-title" className="card-title">
          {t('chronicTrend.title')}
        </h2>
        <EmptyState title={t('chronicTrend.emptyTitle')}>
          <p>{t('chronicTrend.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title={t('chronicTrend.title')}
      summary={chronicTrendSummary(points, threshold)}
      chart={(summaryId) => (
        <ChartCanvas config={config} label={t('chronicTrend.chartLabel')} describedBy={summaryId} />
      )}
      table={
        <DataTable
          caption={t('chronicTrend.caption')}
          head={
            <tr>
              <th scope="col">{t('chronicTrend.weekOf')}</th>
              <th scope="col" className="num">
                {t('chronicTrend.students')}
              </th>
              <th scope="col" className="num">
                {t('chronicTrend.chronic')}
              </th>
              <th scope="col" className="num">
                {t('chronicTrend.share')}
              </th>
            </tr>
          }
        >
          {points.map((p) => (
            <tr key={p.weekStart}>
              <th scope="row">{formatShortDate(p.weekStart)}</th>
              <td className="num">{formatCount(p.students)}</td>
              <td className="num">{formatCount(p.chronic)}</td>
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
