import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarStatus } from '../../api/types';
import { CALENDAR_STATUS, CALENDAR_STATUS_ORDER } from '../../domain/labels';
import { formatCount, formatMonth, formatWeekdayDate } from '../../format/format';
import { i18n } from '../../i18n';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import {
  buildCalendar,
  countStatuses,
  exceptions,
  weekdayNames,
  type CalendarCell,
} from './calendarModel';

/** The statuses the summary counts (a day not enrolled is not a school day for the student). */
type CountedStatus = Exclude<CalendarStatus, 'not_enrolled'>;

export function calendarSummary(days: CalendarDay[]): string {
  const counts = countStatuses(days);
  const enrolled = days.length - counts.not_enrolled;
  const parts = CALENDAR_STATUS_ORDER.filter(
    (s): s is CountedStatus => s !== 'not_enrolled' && counts[s] > 0,
  ).map((s) =>
    i18n.t(`profile:calendar.statusCount.${s}`, { count: counts[s], n: formatCount(counts[s]) }),
  );
  const values = { count: enrolled, days: formatCount(enrolled) };
  return parts.length === 0
    ? i18n.t('profile:calendar.summaryNone', values)
    : i18n.t('profile:calendar.summary', { ...values, parts: parts.join(', ') });
}

/** Each instructional day of the year in month grids, coloured and lettered by attendance. */
export function AttendanceCalendar({ days }: { days: CalendarDay[] }) {
  const { t } = useTranslation('profile');
  if (days.length === 0) {
    return (
      <section className="card" aria-labelledby="calendar-empty-title">
        <h2 id="calendar-empty-title" className="card-title">
          {t('calendar.title')}
        </h2>
        <EmptyState title={t('calendar.emptyTitle')}>
          <p>{t('calendar.emptyHint')}</p>
        </EmptyState>
      </section>
    );
  }
  const counts = countStatuses(days);
  const rows = exceptions(days);
  return (
    <ChartFigure
      title={t('calendar.title')}
      summary={calendarSummary(days)}
      chart={() => <CalendarGrid days={days} />}
      table={
        rows.length === 0 ? (
          <p>{t('calendar.noExceptions')}</p>
        ) : (
          <DataTable
            caption={t('calendar.caption')}
            head={
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.attendance')}</th>
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
  const { t } = useTranslation('profile');
  return (
    <ul className="calendar-legend" aria-label={t('calendar.legend')}>
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
        {t('calendar.noSchool')}
      </li>
    </ul>
  );
}

function CalendarGrid({ days }: { days: CalendarDay[] }) {
  const { t } = useTranslation('profile');
  const { months, weekdays } = buildCalendar(days);
  const names = weekdayNames(weekdays);
  return (
    <div className="calendar-months">
      {months.map((m) => (
        <table key={m.month} className="cal-month">
          <caption>{formatMonth(m.month)}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d} scope="col">
                  <abbr title={names.get(d)?.long}>{names.get(d)?.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.weeks.map((week, i) => (
              <tr key={i}>
                {week.map((cell, j) => (
                  <DayCell key={cell?.date ?? `pad-${j}`} cell={cell} t={t} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** One day; given `t` rather than calling the hook in each of the year's ~180 cells. */
function DayCell({ cell, t }: { cell: CalendarCell | null; t: TFunction<'profile'> }) {
  if (!cell) return <td className="cal-pad" />;
  const label = cell.status ? CALENDAR_STATUS[cell.status].label : t('calendar.noSchool');
  return (
    <td
      className={`cal-day cal-${cell.status ?? 'none'}`}
      title={t('calendar.dayTitle', { date: formatWeekdayDate(cell.date), status: label })}
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
