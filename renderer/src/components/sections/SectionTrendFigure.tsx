import { useMemo } from 'react';
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

const TITLE = 'Attendance and average grade by week';

/** The class week by week (the students on the roster), with the same numbers as a table. */
export function SectionTrendFigure({ weeks }: { weeks: SectionTrendWeek[] }) {
  const config = useMemo(() => sectionTrendConfig(weeks, chartTheme()), [weeks]);
  const recorded = weeks.some((w) => w.attendanceRate !== null || w.averageGrade !== null);
  if (!recorded) {
    return (
      <section className="card" aria-labelledby="section-trend-empty-title">
        <h2 id="section-trend-empty-title" className="card-title">
          {TITLE}
        </h2>
        <EmptyState title="No weekly attendance or grades recorded for this class yet.">
          <p>The trend appears once the weekly features have been computed for its students.</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title={TITLE}
      summary={sectionTrendSummary(weeks)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label="Line chart of the class’s attendance rate and average grade by week"
          describedBy={summaryId}
        />
      )}
      table={
        <DataTable
          caption={TITLE}
          head={
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                Attendance rate
              </th>
              <th scope="col" className="num">
                Average grade
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
