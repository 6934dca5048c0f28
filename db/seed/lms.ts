import { DAY, type SchoolDays } from './attendance';
import { weekIndex, type SchoolCalendar } from './calendar';
import type { SubmissionDraft } from './coursework';
import { engagementRisk } from './latent-risk';
import { LMS } from './parameters';
import { sigmoid } from './prng';
import type { StudentProfile } from './students';

export interface LmsDayDraft {
  day: number;
  sessions: number;
  activeMinutes: number;
  submissions: number;
}

/**
 * One row per day the student used the LMS, inside the semesters and their enrollment.
 * Any day with a submission is active (the row's `submissions` agrees with `submissions`);
 * otherwise activity depends on engagement risk, is rarer on days absent, and rarer still on
 * weekends and holidays.
 */
export function simulateLms(
  profile: StudentProfile,
  calendar: SchoolCalendar,
  days: SchoolDays,
  submissions: readonly SubmissionDraft[],
): LmsDayDraft[] {
  const { rng, latent } = profile;
  const submittedOn = new Map<number, number>();
  for (const s of submissions) {
    if (s.submittedDay !== null)
      submittedOn.set(s.submittedDay, (submittedOn.get(s.submittedDay) ?? 0) + 1);
  }
  const lastDay = days.exitDay ?? calendar.dataAsOf;
  const rows: LmsDayDraft[] = [];
  for (const semester of calendar.semesters) {
    const from = Math.max(semester.start, profile.entryDay);
    const to = Math.min(semester.end, lastDay);
    for (let day = from; day <= to; day++) {
      const submitted = submittedOn.get(day) ?? 0;
      const instructional = calendar.isInstructional[day - calendar.first] === 1;
      const absent = instructional && days.status[day - calendar.first] !== DAY.present;
      let p = sigmoid(
        LMS.activeIntercept - LMS.activeSlope * engagementRisk(latent, weekIndex(calendar, day)),
      );
      if (!instructional) p *= LMS.offDayFactor;
      else if (absent) p *= LMS.absentFactor;
      const active = rng.chance(p);
      if (!active && submitted === 0) continue;
      const sessions = 1 + rng.poisson(LMS.extraSessionsMean) + (submitted > 1 ? 1 : 0);
      let minutes = 0;
      for (let s = 0; s < sessions; s++) {
        minutes += Math.exp(rng.normal(LMS.minutesLogMean, LMS.minutesLogSd));
      }
      rows.push({
        day,
        sessions,
        activeMinutes: Math.max(1, Math.round(minutes)),
        submissions: submitted,
      });
    }
  }
  return rows;
}
