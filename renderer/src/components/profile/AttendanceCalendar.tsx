import type { CalendarDay, CalendarStatus } from '../../api/types';
import { CALENDAR_STATUS, CALENDAR_STATUS_ORDER } from '../../domain/labels';
import { formatCount, formatMonth, formatWeekdayDate, plural } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { buildCalendar, countStatuses, exceptions, type CalendarCell } from './calendarModel';

const WEEKDAY_NAMES: Record<number, { short: string; long: string }> = {
  1: { short: 'Mon', long: 'Monday' },
  2: { short: 'Tue', long: 'Tuesday' },
  3: { short: 'Wed', long: 'Wednesday' },
  4: { short: 'Thu', long: 'Thursday' },
  5: { short: 'Fri', long: 'Friday' },
  6: { short: 'Sat', long: 'Saturday' },
  7: { short: 'Sun', long: 'Sunday' },
};

export function calendarSummary(days: CalendarDay[]): string {
  const counts = countStatuses(days);
  const enrolled = days.length - counts.not_enrolled;
  const parts = CALENDAR_STATUS_ORDER.filter((s) => s !== 'not_enrolled' && counts[s] > 0).map(
    (s) => `${formatCount(counts[s])} ${CALENDAR_STATUS[s].label.toLowerCase()}`,
  );
  return `Of ${plural(enrolled, 'school day')} enrolled so far: ${parts.join(', ') || 'no attendance recorded'}.`;
}

/** Each instructional day of the year in month grids, coloured and lettered by attendance. */
export function AttendanceCalendar({ days }: { days: CalendarDay[] }) {
  if (days.length === 0) {
    return (
      <section className="card" aria-labelledby="calendar-empty-title">
        <h2 id="calendar-empty-title" className="card-title">
          Attendance calendar
        </h2>
        <EmptyState title="No school days recorded for this student yet.">
          <p>The calendar fills in as attendance is imported.</p>
        </EmptyState>
      </section>
    );
  }
  const counts = countStatuses(days);
  const rows = exceptions(days);
  return (
    <ChartFigure
      title="Attendance calendar"
      summary={calendarSummary(days)}
      chart={() => <CalendarGrid days={days} />}
      table={
        rows.length === 0 ? (
          <p>No absences, tardies or early departures this year.</p>
        ) : (
          <DataTable
            caption="Absences, tardies and early departures"
            head={
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Attendance</th>
              </tr>
            }
          >
            {rows.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatWeekdayDate(d.date)}</th>
                <td>{CALENDAR_STATUS[d.status].label}</td>
              </tr>
            ))}
          </DataTable>
        )
      }
    >
      <CalendarLegend counts={counts} />
    </ChartFigure>
  );
}

function CalendarLegend({ counts }: { counts: Record<CalendarStatus, number> }) {
  return (
    <ul className="calendar-legend" aria-label="Legend">
      {CALENDAR_STATUS_ORDER.map((status) => (
        <li key={status}>
          <span className={`cal-swatch cal-${status}`} aria-hidden="true">
            {CALENDAR_STATUS[status].code}
          </span>
          {CALENDAR_STATUS[status].label}
          <span className="legend-count"> ({formatCount(counts[status])})</span>
        </li>
      ))}
      <li>
        <span className="cal-swatch cal-none" aria-hidden="true" />
        No school
      </li>
    </ul>
  );
}

function CalendarGrid({ days }: { days: CalendarDay[] }) {
  const { months, weekdays } = buildCalendar(days);
  return (
    <div className="calendar-months">
      {months.map((m) => (
        <table key={m.month} className="cal-month">
          <caption>{formatMonth(m.month)}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d} scope="col">
                  <abbr title={WEEKDAY_NAMES[d]?.long}>{WEEKDAY_NAMES[d]?.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.weeks.map((week, i) => (
              <tr key={i}>
                {week.map((cell, j) => (
                  <DayCell key={cell?.date ?? `pad-${j}`} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function DayCell({ cell }: { cell: CalendarCell | null }) {
  if (!cell) return <td className="cal-pad" />;
  const label = cell.status ? CALENDAR_STATUS[cell.status].label : 'No school';
  return (
    <td
      className={`cal-day cal-${cell.status ?? 'none'}`}
      title={`${formatWeekdayDate(cell.date)}: ${label}`}
    >
      <span className="cal-num">{cell.day}</span>
      {cell.status && (
        <span className="cal-code" aria-hidden="true">
          {CALENDAR_STATUS[cell.status].code}
        </span>
      )}
      <span className="visually-hidden">{label}</span>
    </td>
  );
}
