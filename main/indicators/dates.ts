import type { IsoDate } from '../../db/schema';

const DAY_MS = 86_400_000;

/** School dates are calendar days, not instants: do the arithmetic in UTC so time zones never shift them. */
export function parseIsoDate(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function formatIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

// A school year has ~180 distinct dates and this runs for every student-day: remember answers.
const weekStarts = new Map<IsoDate, IsoDate>();

/** The Monday that starts the week holding `date`. */
export function weekStartOf(date: IsoDate): IsoDate {
  let week = weekStarts.get(date);
  if (week === undefined) {
    const ms = parseIsoDate(date);
    const dayFromMonday = (new Date(ms).getUTCDay() + 6) % 7;
    week = formatIsoDate(ms - dayFromMonday * DAY_MS);
    weekStarts.set(date, week);
  }
  return week;
}

/** Index of the first element > `value` in a sorted array (binary search). */
export function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= `value` in a sorted array. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
