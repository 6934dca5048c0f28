import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LmsWeek } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { lmsWeeklyConfig } from '../../charts/configs/lmsWeekly';
import { chartTheme } from '../../charts/theme';
import { formatCount, formatDate, formatShortDate } from '../../format/format';
import { i18n } from '../../i18n';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

export function lmsSummary(weeks: LmsWeek[]): string {
  const last = weeks[weeks.length - 1];
  if (!last) return i18n.t('profile:lms.summaryNone');
  const average = weeks.reduce((sum, w) => sum + w.minutes, 0) / weeks.length;
  const overall = i18n.t('profile:lms.summaryAverage', {
    count: weeks.length,
    weeks: formatCount(weeks.length),
    average: formatCount(average),
  });
  const lastWeek = i18n.t('profile:lms.summaryLast', {
    context: last.activeDays === 1 ? 'oneDay' : 'days',
    count: last.submissions,
    date: formatDate(last.weekStart),
    minutes: formatCount(last.minutes),
    days: formatCount(last.activeDays),
    submissions: formatCount(last.submissions),
  });
  return `${overall} ${lastWeek}`;
}

/** Weekly learning-platform engagement. */
export function LmsFigure({ weeks }: { weeks: LmsWeek[] }) {
  const { t } = useTranslation('profile');
  const config = useMemo(() => lmsWeeklyConfig(weeks, chartTheme()), [weeks]);
  if (weeks.length === 0) {
    return (
      <section className="card" aria-labelledby="lms-empty-title">
        <h2 id="lms-empty-title" className="card-title">
          {t('lms.title')}
        </h2>
        <EmptyState title={t('lms.emptyTitle')} />
      </section>
    );
  }
  return (
    <ChartFigure
      title={t('lms.title')}
      summary={lmsSummary(weeks)}
      chart={(summaryId) => (
        <ChartCanvas config={config} label={t('lms.chartLabel')} describedBy={summaryId} />
      )}
      table={
        <DataTable
          caption={t('lms.caption')}
          head={
            <tr>
              <th scope="col">{t('lms.weekOf')}</th>
              <th scope="col" className="num">
                {t('lms.activeDays')}
              </th>
              <th scope="col" className="num">
                {t('lms.minutes')}
              </th>
              <th scope="col" className="num">
                {t('lms.submissions')}
              </th>
            </tr>
          }
        >
          {weeks.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{formatShortDate(w.weekStart)}</th>
              <td className="num">{formatCount(w.activeDays)}</td>
              <td className="num">{formatCount(w.minutes)}</td>
              <td className="num">{formatCount(w.submissions)}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
