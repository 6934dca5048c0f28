/**
 * Each transparent flag in plain words, with the student's own numbers and the rule's line,
 * so a counselor can see why a flag is up without reading a manual.
 */
import type { StudentIndicator } from '../../db/schema';
import type { FlagDetail } from '../api/contract';
import type { Thresholds } from './thresholds';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function explainFlags(i: StudentIndicator, t: Thresholds): FlagDetail[] {
  const absentShare = i.days_enrolled > 0 ? i.days_absent / i.days_enrolled : 0;
  const line = pct(t.chronicAbsence);
  const flags: FlagDetail[] = [
    {
      key: 'chronic_absence',
      label: 'Chronic absence',
      applies: i.days_enrolled > 0,
      raised: i.flag_chronic_absence === 1,
      explanation:
        i.days_enrolled === 0
          ? 'No enrolled school days yet.'
          : i.flag_chronic_absence
            ? `Absent ${i.days_absent} of ${days(i.days_enrolled)} enrolled (${pct(absentShare)}). Missing ${line} or more of enrolled days is chronic absence.`
            : `Absent ${i.days_absent} of ${days(i.days_enrolled)} enrolled (${pct(absentShare)}), under the ${line} chronic-absence line.`,
    },
    {
      key: 'course_failure',
      label: 'Course failure',
      applies: true,
      raised: i.flag_course_failure === 1,
      explanation:
        i.failing_sections > 0
          ? `Failing ${i.failing_sections} course${i.failing_sections === 1 ? '' : 's'} right now${i.lowest_grade !== null ? ` (lowest grade ${Math.round(i.lowest_grade)})` : ''}.`
          : i.flag_course_failure
            ? 'Failed a course at the end of a term this year.'
            : 'No failing grades this year.',
    },
    {
      key: 'low_gpa',
      label: `GPA ${t.lowGpa.toFixed(1)} or below`,
      applies: i.gpa !== null,
      raised: i.flag_low_gpa === 1,
      explanation:
        i.gpa === null
          ? 'No grades recorded yet.'
          : i.flag_low_gpa
            ? `GPA is ${i.gpa.toFixed(2)}, at or below ${t.lowGpa.toFixed(1)}.`
            : `GPA is ${i.gpa.toFixed(2)}, above ${t.lowGpa.toFixed(1)}.`,
    },
    {
      key: 'suspension',
      label: 'Suspension',
      applies: true,
      raised: i.flag_suspension === 1,
      explanation:
        i.suspensions > 0
          ? `${i.suspensions} suspension${i.suspensions === 1 ? '' : 's'} this year (in or out of school).`
          : `No suspensions this year${i.incident_days > 0 ? `; discipline incidents on ${days(i.incident_days)}` : ''}.`,
    },
    {
      key: 'off_track',
      label: 'Off track (grade 9)',
      applies: i.flag_off_track !== null,
      raised: i.flag_off_track === 1,
      explanation:
        i.flag_off_track === null
          ? 'The freshman on-track rule applies to grade 9 only.'
          : `${(i.core_credits_earned ?? 0).toFixed(1)} credits earned so far. On track means at least ${t.onTrackCredits} credits by the end of grade 9 and no more than one semester F in a core course${i.flag_off_track ? '; this student is behind that pace.' : '.'}`,
    },
  ];
  return flags;
}
