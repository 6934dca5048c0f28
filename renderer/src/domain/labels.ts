/**
 * Plain-language names for the contract's enumerations. Each map is typed as a full `Record`
 * over the contract's union, so adding a flag, role or status to the contract fails the type
 * check here until it has words.
 */
import type {
  AttendanceTier,
  CalendarStatus,
  FlagKey,
  OutcomeKind,
  ScopeKind,
  SortDirection,
  StaffRole,
  StudentSortKey,
} from '../api/types';

export const FLAG_LABELS: Record<FlagKey, { label: string; description: string }> = {
  chronic_absence: {
    label: 'Chronic absence',
    description: 'Missed 10% or more of enrolled days, for any reason',
  },
  course_failure: { label: 'Course failure', description: 'At least one F in a grading period' },
  low_gpa: { label: 'Low GPA', description: 'GPA of 2.0 or lower' },
  suspension: { label: 'Suspension', description: 'Any in- or out-of-school suspension' },
  off_track: {
    label: 'Off track',
    description: 'Grade 9 students behind on credits or with more than one core-course F',
  },
};

/** Flags in the order they are shown everywhere. */
export const FLAG_ORDER = Object.keys(FLAG_LABELS) as FlagKey[];

export function isFlagKey(value: string | null | undefined): value is FlagKey {
  return value != null && Object.hasOwn(FLAG_LABELS, value);
}

export const SORT_DEFAULT_DIRECTION: Record<StudentSortKey, SortDirection> = {
  name: 'asc',
  grade: 'asc',
  attendance_rate: 'asc',
  days_absent: 'desc',
  gpa: 'asc',
  failing_sections: 'desc',
  incident_days: 'desc',
  flag_count: 'desc',
  risk: 'desc',
};

export function isSortKey(value: string | null | undefined): value is StudentSortKey {
  return value != null && Object.hasOwn(SORT_DEFAULT_DIRECTION, value);
}

export const ROLE_LABELS: Record<StaffRole, { one: string; many: string }> = {
  teacher: { one: 'Teacher', many: 'Teachers' },
  counselor: { one: 'Counselor', many: 'Counselors' },
  school_admin: { one: 'School admin', many: 'School admins' },
  district_admin: { one: 'District admin', many: 'District admins' },
};

export const ROLE_ORDER = Object.keys(ROLE_LABELS) as StaffRole[];

export const SCOPE_DESCRIPTIONS: Record<ScopeKind, string> = {
  sections: 'students enrolled in your own sections',
  caseload: 'students on your caseload',
  school: 'students at your school',
  district: 'students across the district',
};

export const TIER_LABELS: Record<AttendanceTier, { label: string; range: string }> = {
  on_track: { label: 'On track', range: '95% or more' },
  on_track_graduation: { label: 'On track for graduation', range: '90% to 95%' },
  at_risk: { label: 'At risk', range: '80% to 90%' },
  critical: { label: 'Critical', range: 'under 80%' },
};

export const TIER_ORDER = Object.keys(TIER_LABELS) as AttendanceTier[];

export const CALENDAR_STATUS: Record<CalendarStatus, { label: string; code: string }> = {
  present: { label: 'Present', code: 'P' },
  tardy: { label: 'Tardy', code: 'T' },
  early_departure: { label: 'Left early', code: 'L' },
  excused_absence: { label: 'Excused absence', code: 'E' },
  unexcused_absence: { label: 'Unexcused absence', code: 'U' },
  not_enrolled: { label: 'Not enrolled', code: '–' },
};

export const CALENDAR_STATUS_ORDER = Object.keys(CALENDAR_STATUS) as CalendarStatus[];

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  course_failure: 'Failed a course',
  chronic_absence: 'Chronically absent',
  withdrawal: 'Withdrew from school',
};

const DISCIPLINE_ACTIONS: Record<string, string> = {
  none: 'No action',
  referral: 'Referral',
  detention: 'Detention',
  in_school_suspension: 'In-school suspension',
  out_of_school_suspension: 'Out-of-school suspension',
  expulsion: 'Expulsion',
};

/** Words for a code the contract leaves as free text ("in_school_suspension" → "In-school suspension"). */
export function humanize(code: string, known: Record<string, string> = {}): string {
  const word = known[code];
  if (word) return word;
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function disciplineActionLabel(action: string): string {
  return humanize(action, DISCIPLINE_ACTIONS);
}

const SUBJECTS: Record<string, string> = {
  ela: 'English language arts',
  pe: 'Physical education',
  social_studies: 'Social studies',
  world_language: 'World language',
};

export function subjectLabel(subject: string): string {
  return humanize(subject, SUBJECTS);
}

/** Grade level as a column value: "Pre-K", "K", "9". */
export function gradeShort(grade: number): string {
  if (grade < 0) return 'Pre-K';
  if (grade === 0) return 'K';
  return String(grade);
}

/** Grade level in a sentence or heading: "Pre-kindergarten", "Kindergarten", "Grade 9". */
export function gradeLong(grade: number): string {
  if (grade < 0) return 'Pre-kindergarten';
  if (grade === 0) return 'Kindergarten';
  return `Grade ${grade}`;
}

/** Whose records each role sees (the core enforces it; this is only the wording). */
export const ROLE_SCOPE: Record<StaffRole, ScopeKind> = {
  teacher: 'sections',
  counselor: 'caseload',
  school_admin: 'school',
  district_admin: 'district',
};
