/**
 * Each transparent flag in plain words, with the student's own numbers and the rule's line,
 * so a counselor can see why a flag is up without reading a manual. The words are messages, so
 * each reader gets them in their language.
 */
import type { StudentIndicator } from '../../db/schema';
import { FLAG_KEYS, type FlagDetail, type FlagKey } from '../api/contract';
import { message } from '../i18n/messages';
import type { Thresholds } from './thresholds';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Each flag with its label and explanation as messages (main/api/messages), worded per reader. */
export function explainFlags(i: StudentIndicator, t: Thresholds): FlagDetail[] {
  const absentShare = i.days_enrolled > 0 ? i.days_absent / i.days_enrolled : 0;
  const line = pct(t.chronicAbsence);
  const gpaLine = t.lowGpa.toFixed(1);
  const absence = {
    count: i.days_enrolled,
    absent: i.days_absent,
    enrolled: i.days_enrolled,
    share: pct(absentShare),
    line,
  };
  return [
    {
      key: 'chronic_absence',
      label: message('flags.chronic_absence.label'),
      applies: i.days_enrolled > 0,
      raised: i.flag_chronic_absence === 1,
      explanation:
        i.days_enrolled === 0
          ? message('flags.chronic_absence.noDays')
          : message(
              i.flag_chronic_absence
                ? 'flags.chronic_absence.raised'
                : 'flags.chronic_absence.notRaised',
              absence,
            ),
    },
    {
      key: 'course_failure',
      label: message('flags.course_failure.label'),
      applies: true,
      raised: i.flag_course_failure === 1,
      explanation:
        i.failing_sections > 0
          ? i.lowest_grade !== null
            ? message('flags.course_failure.failingLowest', {
                count: i.failing_sections,
                lowest: Math.round(i.lowest_grade),
              })
            : message('flags.course_failure.failing', { count: i.failing_sections })
          : message(
              i.flag_course_failure
                ? 'flags.course_failure.failedTerm'
                : 'flags.course_failure.none',
            ),
    },
    {
      key: 'low_gpa',
      label: message('flags.low_gpa.label', { line: gpaLine }),
      applies: i.gpa !== null,
      raised: i.flag_low_gpa === 1,
      explanation:
        i.gpa === null
          ? message('flags.low_gpa.noGrades')
          : message(i.flag_low_gpa ? 'flags.low_gpa.raised' : 'flags.low_gpa.notRaised', {
              gpa: i.gpa.toFixed(2),
              line: gpaLine,
            }),
    },
    {
      key: 'suspension',
      label: message('flags.suspension.label'),
      applies: true,
      raised: i.flag_suspension === 1,
      explanation:
        i.suspensions > 0
          ? message('flags.suspension.raised', { count: i.suspensions })
          : i.incident_days > 0
            ? message('flags.suspension.noneWithIncidents', { count: i.incident_days })
            : message('flags.suspension.none'),
    },
    {
      key: 'off_track',
      label: message('flags.off_track.label'),
      applies: i.flag_off_track !== null,
      raised: i.flag_off_track === 1,
      explanation:
        i.flag_off_track === null
          ? message('flags.off_track.notGrade9')
          : message(i.flag_off_track ? 'flags.off_track.behind' : 'flags.off_track.onPace', {
              credits: (i.core_credits_earned ?? 0).toFixed(1),
              needed: t.onTrackCredits,
            }),
    },
  ];
}

/** The flags that are up for a student, in the usual order. */
export function raisedFlags(i: StudentIndicator): FlagKey[] {
  return FLAG_KEYS.filter((key) => i[`flag_${key}`] === 1);
}
