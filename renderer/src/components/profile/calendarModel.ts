import type { CalendarDay, CalendarStatus, IsoDate } from '../../api/types';
import { CALENDAR_STATUS_ORDER } from '../../domain/labels';
import { datesOfMonth, isoWeekday } from '../../format/format';
import { intlLocale } from '../../i18n';

export interface CalendarCell {
  date: IsoDate;
  day: number;
  /** Null on a weekday with no school (holiday, break). */
  status: CalendarStatus | null;
}

export interface WeekdayName {
  short: string;
  long: string;
}

/**
 * Names of the ISO weekdays (Monday = 1 … Sunday = 7) in the UI language, from Intl: "Mon" and
 * "Monday" in English, "lun" and "lunes" in Spanish. 2024-01-01 was a Monday.
 */
export function weekdayNames(weekdays: readonly number[]): Map<number, WeekdayName> {
  const locale = intlLocale();
  const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return new Map(
    weekdays.map((d) => {
      const date = new Date(Date.UTC(2024, 0, d));
      return [d, { short: short.format(date), long: long.format(date) }];
    }),
  );
}

export interface CalendarMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Rows of the grid, one per week; null pads the days before the 1st and after the last. */
  weeks: (CalendarCell | null)[][];
}

/**
 * Month grids of the school year from one entry per instructional day. Weekends are left out
 * unless the school has instructional days on them.
 */
export function buildCalendar(days: CalendarDay[]): {
  months: CalendarMonth[];
  weekdays: number[];
} {
  const byDate = new Map(days.map((d) => [d.date, d.status]));
  const hasWeekend = days.some((d) => isoWeekday(d.date) > 5);
  const weekdays = hasWeekend ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
  const monthKeys = [...new Set(days.map((d) => d.date.slice(0, 7)))].sort();
  const months = monthKeys.map((month) => {
    const weeks: (CalendarCell | null)[][] = [];
    let week: (CalendarCell | null)[] = [];
    for (const date of datesOfMonth(month)) {
      const weekday = isoWeekday(date);
      const column = weekdays.indexOf(weekday);
      if (column === -1) continue;
      if (week.length > column) {
        weeks.push(padWeek(week, weekdays.length));
        week = [];
      }
      while (week.length < column) week.push(null);
      week.push({ date, day: Number(date.slice(8)), status: byDate.get(date) ?? null });
    }
    if (week.length > 0) weeks.push(padWeek(week, weekdays.length));
    return { month, weeks };
  });
  return { months, weekdays };
}

function padWeek(week: (CalendarCell | null)[], length: number): (CalendarCell | null)[] {
  return [...week, ...Array<null>(Math.max(0, length - week.length)).fill(null)];
}

export function countStatuses(days: CalendarDay[]): Record<CalendarStatus, number> {
  const counts = Object.fromEntries(CALENDAR_STATUS_ORDER.map((s) => [s, 0])) as Record<
    CalendarStatus,
    number
  >;
  for (const d of days) counts[d.status] += 1;
  return counts;
}

/** Days that were not a plain "present": the rows of the calendar's table alternative. */
export function exceptions(days: CalendarDay[]): CalendarDay[] {
  return days.filter((d) => d.status !== 'present' && d.status !== 'not_enrolled');
}
