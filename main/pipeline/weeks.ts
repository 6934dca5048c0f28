/**
 * Week arithmetic for the feature pipeline. School dates are calendar days, not instants, so
 * they become whole day numbers (days since 1970-01-01, UTC) and weeks are counted from the
 * Monday on or before the first day of the school year.
 */
import type { IsoDate } from '../../db/schema';
import { weekStartOf } from '../indicators/dates';

const DAY_MS = 86_400_000;

// A year has a few hundred distinct dates and every raw row is converted: remember answers.
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(date: IsoDate): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
    // Date.UTC rolls 2025-02-30 over to March: only a date that reads back the same is one.
    if (!Number.isInteger(day) || isoOfDay(day) !== date) {
      throw new Error(`Not a calendar date: "${date}"`);
    }
    dayNumbers.set(date, day);
  }
  return day;
}

export function isoOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The weeks of one school year that get feature rows: from the week holding the first day of
 * the year to the week holding the last day with data (`endDate`, the earlier of the data date
 * and the year's end). Each week's rows describe the student as of its cutoff: the Sunday that
 * ends it, or `endDate` in the last, partial week, so nothing after the data date counts.
 */
export class SchoolWeeks {
  readonly yearStartDay: number;
  readonly endDay: number;
  /** Day number of the Monday that starts week 0. */
  readonly firstMonday: number;
  readonly count: number;
  readonly #starts: IsoDate[] = [];

  constructor(
    readonly yearStart: IsoDate,
    readonly endDate: IsoDate,
  ) {
    this.yearStartDay = dayNumber(yearStart);
    this.endDay = dayNumber(endDate);
    this.firstMonday = dayNumber(weekStartOf(yearStart));
    this.count = this.endDay < this.yearStartDay ? 0 : this.indexOfDay(this.endDay) + 1;
    for (let w = 0; w < this.count; w++) this.#starts.push(isoOfDay(this.startDay(w)));
  }

  /** The week a day falls in (may be negative or ≥ count for days outside the year). */
  indexOfDay(day: number): number {
    return Math.floor((day - this.firstMonday) / 7);
  }

  indexOf(date: IsoDate): number {
    return this.indexOfDay(dayNumber(date));
  }

  /** Whether a dated record counts at all: inside the school year and not after the data date. */
  inRange(day: number): boolean {
    return day >= this.yearStartDay && day <= this.endDay;
  }

  startDay(week: number): number {
    return this.firstMonday + 7 * week;
  }

  start(week: number): IsoDate {
    return this.#starts[week] ?? isoOfDay(this.startDay(week));
  }

  /** The last day whose records a week's snapshot may see. */
  cutoffDay(week: number): number {
    return Math.min(this.startDay(week) + 6, this.endDay);
  }
}
