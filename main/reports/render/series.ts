/**
 * The weekly series behind the student report's charts, summed up by month for the tables that
 * follow each chart (a school year is about 40 weeks: a row per week would bury the story).
 */
import type { IsoDate, RiskTier } from '../../../db/schema';
import type { StudentProfile } from '../../api/contract';
import type { AttendanceWeek } from '../report-data';

const monthOf = (date: IsoDate) => `${date.slice(0, 7)}-01`;

function byMonth<T extends { weekStart: IsoDate }>(weeks: T[]): [IsoDate, T[]][] {
  const months = new Map<IsoDate, T[]>();
  for (const week of weeks) {
    const key = monthOf(week.weekStart);
    const list = months.get(key) ?? [];
    list.push(week);
    months.set(key, list);
  }
  return [...months];
}

/** A week's share of enrolled days attended; null for a week with no enrolled days. */
export function weekRate(week: AttendanceWeek): number | null {
  return week.daysEnrolled > 0 ? 1 - week.daysAbsent / week.daysEnrolled : null;
}

export interface AttendanceMonth {
  month: IsoDate;
  daysEnrolled: number;
  daysAbsent: number;
  rate: number | null;
}

export function attendanceByMonth(weeks: AttendanceWeek[]): AttendanceMonth[] {
  return byMonth(weeks).map(([month, list]) => {
    const daysEnrolled = list.reduce((n, w) => n + w.daysEnrolled, 0);
    const daysAbsent = list.reduce((n, w) => n + w.daysAbsent, 0);
    return {
      month,
      daysEnrolled,
      daysAbsent,
      rate: daysEnrolled > 0 ? 1 - daysAbsent / daysEnrolled : null,
    };
  });
}

export interface RiskMonth {
  month: IsoDate;
  weeks: number;
  lowest: number;
  highest: number;
  last: { score: number; tier: RiskTier };
}

export function riskByMonth(history: StudentProfile['riskHistory']): RiskMonth[] {
  return byMonth(history).map(([month, list]) => {
    const scores = list.map((w) => w.score);
    const last = list[list.length - 1]!;
    return {
      month,
      weeks: list.length,
      lowest: Math.min(...scores),
      highest: Math.max(...scores),
      last: { score: last.score, tier: last.tier },
    };
  });
}
