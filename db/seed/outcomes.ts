import type { OutcomeKind } from '../schema';
import { DAY, type SchoolDays } from './attendance';
import type { Semester, SchoolCalendar } from './calendar';
import type { GradeDraft } from './coursework';
import type { StudentProfile } from './students';

export interface OutcomeDraft {
  semester: Semester;
  outcome: OutcomeKind;
  value: 0 | 1;
  detail: string | null;
  /** The day the school would record it: the semester's end, or the exit date. */
  recordedDay: number;
}

/** Chronic absence: absent on at least 10% of enrolled school days (DOMAIN.md). */
export const CHRONIC_ABSENCE_SHARE = 0.1;

/**
 * The labels the risk model learns from, derived only from rows the generator also writes (the
 * calendar, the attendance events and the final grades), so anyone can recompute them with SQL.
 * One row per outcome for each semester the student was enrolled in at all.
 */
export function deriveOutcomes(
  profile: StudentProfile,
  calendar: SchoolCalendar,
  days: SchoolDays,
  grades: readonly GradeDraft[],
): OutcomeDraft[] {
  const exit = days.exitDay ?? Infinity;
  const outcomes: OutcomeDraft[] = [];
  for (const semester of calendar.semesters) {
    let enrolled = 0;
    let absent = 0;
    for (const day of semester.days) {
      if (day < profile.entryDay || day > exit) continue;
      enrolled++;
      const status = days.status[day - calendar.first];
      if (status === DAY.excused || status === DAY.unexcused || status === DAY.suspended) absent++;
    }
    if (enrolled === 0) continue;

    const failed = grades
      .filter((g) => g.isFinal && g.letter === 'F' && g.section.semester.key === semester.key)
      .map((g) => g.section.course.code);
    const chronic = absent >= CHRONIC_ABSENCE_SHARE * enrolled;
    const withdrew = exit >= semester.start && exit <= semester.end;
    outcomes.push(
      {
        semester,
        outcome: 'course_failure',
        value: failed.length > 0 ? 1 : 0,
        detail: failed.length > 0 ? [...new Set(failed)].join(', ') : null,
        recordedDay: Math.min(semester.end, exit),
      },
      {
        semester,
        outcome: 'chronic_absence',
        value: chronic ? 1 : 0,
        detail: `absent ${absent} of ${enrolled} enrolled days`,
        recordedDay: Math.min(semester.end, exit),
      },
      {
        semester,
        outcome: 'withdrawal',
        value: withdrew ? 1 : 0,
        detail: withdrew ? days.exitReason : null,
        recordedDay: Math.min(semester.end, exit),
      },
    );
  }
  return outcomes;
}
