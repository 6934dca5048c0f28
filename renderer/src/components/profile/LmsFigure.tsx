import { useMemo } from 'react';
import type { LmsWeek } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { lmsWeeklyConfig } from '../../charts/configs/lmsWeekly';
import { chartTheme } from '../../charts/theme';
import { formatCount, formatDate, formatShortDate, plural } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

export function lmsSummary(weeks: LmsWeek[]): string {
  const last = weeks[weeks.length - 1];
  if (!last) return 'No learning-platform activity recorded.';
  const average = weeks.reduce((sum, w) => sum + w.minutes, 0) / weeks.length;
  return (
    `Minutes active in the learning platform over ${plural(weeks.length, 'week')}: ` +
    `${formatCount(average)} a week on average. Week of ${formatDate(last.weekStart)}: ` +
    `${formatCount(last.minutes)} minutes on ${plural(last.activeDays, 'day')}, ` +
    `${plural(last.submissions, 'submission')}.`
  );
}

/** Weekly learning-platform engagement. */
export function LmsFigure({ weeks }: { weeks: LmsWeek[] }) {
  const config = useMemo(() => lmsWeeklyConfig(weeks, chartTheme()), [weeks]);
  if (weeks.length === 0) {
    return (
      <section className="card" aria-labelledby="lms-empty-title">
        <h2 id="lms-empty-title" className="card-title">
          Online engagement
        </h2>
        <EmptyState title="No learning-platform activity recorded for this student." />
      </section>
    );
  }
  return (
    <ChartFigure
      title="Online engagement"
      summary={lmsSummary(weeks)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label="Bar chart of minutes active online per week"
          describedBy={summaryId}
        />
      )}
      table={
        <DataTable
          caption="Learning-platform activity by week"
          head={
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                Active days
              </th>
              <th scope="col" className="num">
                Minutes
              </th>
              <th scope="col" className="num">
                Submissions
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
