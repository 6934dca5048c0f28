/**
 * The 2025–26 school year every demo school follows. Dates are handled as UTC day numbers
 * (days since 1970-01-01) because the simulation walks ~10^7 student-days and string dates
 * would dominate its cost; they become `YYYY-MM-DD` only when a row is written.
 */

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${iso}`);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

const isoCache = new Map<number, string>();
export function isoDate(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Epoch ms of a wall-clock time in the district's zone (America/Chicago), using the US DST rule
 * (second Sunday of March to first Sunday of November). Row timestamps are derived from school
 * dates this way so they read as plausible local times and never depend on the machine.
 */
export function localMs(day: number, hour: number, minute = 0): number {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  const offsetHours = isDaylightSaving(day, year) ? 5 : 6;
  return (day * 24 + hour + offsetHours) * 3_600_000 + minute * 60_000;
}

function nthSunday(year: number, monthIndex: number, n: number): number {
  const first = Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
  return first + ((7 - weekday(first)) % 7) + 7 * (n - 1);
}

function isDaylightSaving(day: number, year: number): boolean {
  return day >= nthSunday(year, 2, 2) && day < nthSunday(year, 10, 1);
}

export type SemesterKey = 'fall' | 'spring';
export type QuarterKey = 'q1' | 'q2' | 'q3' | 'q4';

interface PeriodSpec<K extends string> {
  key: K;
  title: string;
  start: string;
  end: string;
}

export const SCHOOL_YEAR = {
  /** OneRoster convention: the calendar year the school year ends in. */
  schoolYear: 2026,
  title: '2025–2026 School Year',
  start: '2025-08-18',
  end: '2026-05-29',
  semesters: [
    {
      key: 'fall',
      title: 'Fall 2025',
      start: '2025-08-18',
      end: '2025-12-19',
      quarters: [
        { key: 'q1', title: 'Quarter 1 (2025–26)', start: '2025-08-18', end: '2025-10-17' },
        { key: 'q2', title: 'Quarter 2 (2025–26)', start: '2025-10-20', end: '2025-12-19' },
      ],
    },
    {
      key: 'spring',
      title: 'Spring 2026',
      start: '2026-01-06',
      end: '2026-05-29',
      quarters: [
        { key: 'q3', title: 'Quarter 3 (2025–26)', start: '2026-01-06', end: '2026-03-13' },
        { key: 'q4', title: 'Quarter 4 (2025–26)', start: '2026-03-16', end: '2026-05-29' },
      ],
    },
  ] as const satisfies readonly (PeriodSpec<SemesterKey> & {
    quarters: readonly PeriodSpec<QuarterKey>[];
  })[],
  /** Weekdays without instruction; together they leave 180 instructional days (85 + 95). */
  closures: [
    { start: '2025-09-01', end: '2025-09-01', name: 'Labor Day' },
    { start: '2025-10-13', end: '2025-10-13', name: "Indigenous Peoples' Day" },
    { start: '2025-11-11', end: '2025-11-11', name: 'Veterans Day' },
    { start: '2025-11-27', end: '2025-11-28', name: 'Thanksgiving break' },
    { start: '2025-12-22', end: '2026-01-05', name: 'Winter break' },
    { start: '2026-01-19', end: '2026-01-19', name: 'Martin Luther King Jr. Day' },
    { start: '2026-02-13', end: '2026-02-13', name: 'Professional development day' },
    { start: '2026-02-16', end: '2026-02-16', name: "Presidents' Day" },
    { start: '2026-03-16', end: '2026-03-20', name: 'Spring break' },
    { start: '2026-05-25', end: '2026-05-25', name: 'Memorial Day' },
  ],
} as const;

export interface Term {
  key: SemesterKey | QuarterKey;
  title: string;
  start: number;
  end: number;
  /** Instructional day numbers inside the term, ascending. */
  days: number[];
}

export interface Semester extends Term {
  key: SemesterKey;
  quarters: Term[];
}

export interface SchoolCalendar {
  first: number;
  last: number;
  /** Every weekday of the year with whether school is in session: the `calendar_days` rows. */
  weekdays: { day: number; instructional: boolean }[];
  instructionalDays: number[];
  /** Indexed by `day - first`: 1 when instructional. */
  isInstructional: Uint8Array;
  semesters: Semester[];
  /** Weeks (Monday-based) from the first day through the last: the latent process's clock. */
  weekCount: number;
  /** The last instructional day: the date the demo data is "as of". */
  dataAsOf: number;
}

export function weekIndex(calendar: SchoolCalendar, day: number): number {
  return Math.floor((day - calendar.first) / 7);
}

export function buildCalendar(): SchoolCalendar {
  const first = dayNumber(SCHOOL_YEAR.start);
  const last = dayNumber(SCHOOL_YEAR.end);
  const closed = new Set<number>();
  for (const closure of SCHOOL_YEAR.closures) {
    for (let d = dayNumber(closure.start); d <= dayNumber(closure.end); d++) closed.add(d);
  }
  const isInstructional = new Uint8Array(last - first + 1);
  const weekdays: SchoolCalendar['weekdays'] = [];
  const instructionalDays: number[] = [];
  for (let d = first; d <= last; d++) {
    const wd = weekday(d);
    if (wd === 0 || wd === 6) continue;
    const instructional = !closed.has(d);
    weekdays.push({ day: d, instructional });
    if (instructional) {
      instructionalDays.push(d);
      isInstructional[d - first] = 1;
    }
  }
  const termOf = <K extends SemesterKey | QuarterKey>(spec: PeriodSpec<K>): Term => {
    const start = dayNumber(spec.start);
    const end = dayNumber(spec.end);
    return {
      key: spec.key,
      title: spec.title,
      start,
      end,
      days: instructionalDays.filter((d) => d >= start && d <= end),
    };
  };
  const semesters = SCHOOL_YEAR.semesters.map((s): Semester => ({
    ...termOf(s),
    key: s.key,
    quarters: s.quarters.map(termOf),
  }));
  const dataAsOf = instructionalDays[instructionalDays.length - 1];
  if (dataAsOf === undefined) throw new Error('the school year has no instructional days');
  return {
    first,
    last,
    weekdays,
    instructionalDays,
    isInstructional,
    semesters,
    weekCount: Math.floor((last - first) / 7) + 1,
    dataAsOf,
  };
}
