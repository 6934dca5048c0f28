import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate, MonitoringFrequency } from '../../db/schema';

export const MONITORING_DAYS: Record<MonitoringFrequency, number> = {
  weekly: 7,
  biweekly: 14,
  monthly: 28,
};

/** Today on this computer's calendar: check-ins are due in the school's local days. */
export function today(now = new Date()): IsoDate {
  return format(now, 'yyyy-MM-dd');
}

/**
 * The next progress check: one monitoring interval after the last check-in, or after the start
 * when there has been none yet.
 */
export function nextCheckInDue(
  startDate: IsoDate,
  lastCheckIn: IsoDate | null,
  monitoring: MonitoringFrequency,
): IsoDate {
  const from = lastCheckIn && lastCheckIn > startDate ? lastCheckIn : startDate;
  return format(addDays(parseISO(from), MONITORING_DAYS[monitoring]), 'yyyy-MM-dd');
}

export function daysOverdue(due: IsoDate, on: IsoDate): number {
  return Math.max(0, differenceInCalendarDays(parseISO(on), parseISO(due)));
}
