import type { IsoDate } from '../../db/schema';
import type { StudentProfile } from '../api/contract';
import { weekStartOf } from '../indicators/dates';
import type { AttendanceWeek } from './report-data';

/**
 * The profile's attendance calendar rolled up by school week, counting days the way the flags
 * do: an enrolled day is absent when the student missed it whole, excused or not.
 */
export function attendanceWeeks(calendar: StudentProfile['attendanceCalendar']): AttendanceWeek[] {
  const weeks = new Map<IsoDate, AttendanceWeek>();
  for (const day of calendar) {
    if (day.status === 'not_enrolled') continue;
    const weekStart = weekStartOf(day.date);
    let week = weeks.get(weekStart);
    if (!week) weeks.set(weekStart, (week = { weekStart, daysEnrolled: 0, daysAbsent: 0 }));
    week.daysEnrolled++;
    if (day.status === 'excused_absence' || day.status === 'unexcused_absence') week.daysAbsent++;
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
