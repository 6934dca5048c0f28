import { useMemo } from 'react';
import type { TrendPoint } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { attendanceTrendConfig } from '../../charts/configs/attendanceTrend';
import { chartTheme } from '../../charts/theme';
import { formatDate, formatPercent, formatShortDate } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { Value } from '../common/Value';

/** Plain-words summary: the span, the latest week and the lowest week. */
export function attendanceTrendSummary(points: TrendPoint[]): string {
  const known = points.filter((p): p is TrendPoint & { rate: number } => p.rate !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return 'No weekly attendance has been recorded yet.';
  const lowest = known.reduce((low, p) => (p.rate < low.rate ? p : low), first);
  return (
    `Weekly attendance rate from the week of ${formatDate(first.weekStart)} to the week of ` +
    `${formatDate(last.weekStart)}. Latest week: ${formatPercent(last.rate)}. ` +
    `Lowest: ${formatPercent(lowest.rate)} in the week of ${formatDate(lowest.weekStart)}.`
  );
}

export function AttendanceTrendFigure({ points }: { points: TrendPoint[] }) {
  const config = useMemo(() => attendanceTrendConfig(points, chartTheme()), [points]);
  const summary = attendanceTrendSummary(points);
  if (points.length === 0) {
    return (
      <section className="card" aria-labelledby="trend-empty-title">
        <h2 id="trend-empty-title" className="card-title">
          Attendance rate by week
        </h2>
        <EmptyState title="No attendance recorded yet.">
          <p>The trend appears once attendance is imported for at least one week.</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title="Attendance rate by week"
      summary={summary}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label="Line chart of attendance rate by week"
          describedBy={summaryId}
        />
      )}
      table={
        <DataTable
          caption="Attendance rate by week"
          head={
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                Attendance rate
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
