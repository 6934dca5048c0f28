/**
 * Plain-language names for the contract's enumerations, in the current language (the words live
 * in i18n/locales/<language>/domain.json). Each map is typed as a full `Record` over the
 * contract's union, so adding a flag, role or status to the contract fails the type check here
 * until it has words.
 */
import { FLAG_KEYS } from '../../../main/api/contract';
import { i18n } from '../i18n';
import { translated } from '../i18n/translated';
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

export const FLAG_LABELS: Record<FlagKey, { label: string; description: string }> = translated(
  FLAG_KEYS,
  (key) => ({
    label: i18n.t(`domain:flags.${key}.label`),
    description: i18n.t(`domain:flags.${key}.description`),
  }),
);

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

export const ROLE_LABELS: Record<StaffRole, { one: string; many: string }> = translated(
  { teacher: 1, counselor: 1, school_admin: 1, district_admin: 1 },
  (role) => ({
    one: i18n.t(`domain:roles.${role}.one`),
    many: i18n.t(`domain:roles.${role}.many`),
  }),
);

export const ROLE_ORDER = Object.keys(ROLE_LABELS) as StaffRole[];

export const SCOPE_DESCRIPTIONS: Record<ScopeKind, string> = translated(
  { sections: 1, caseload: 1, school: 1, district: 1 },
  (kind) => i18n.t(`domain:scopes.${kind}`),
);

export const TIER_LABELS: Record<AttendanceTier, { label: string; range: string }> = translated(
  { on_track: 1, on_track_graduation: 1, at_risk: 1, critical: 1 },
  (tier) => ({
    label: i18n.t(`domain:attendanceTiers.${tier}.label`),
    range: i18n.t(`domain:attendanceTiers.${tier}.range`),
  }),
);

export const TIER_ORDER = Object.keys(TIER_LABELS) as AttendanceTier[];

export const CALENDAR_STATUS: Record<CalendarStatus, { label: string; code: string }> = translated(
  {
    present: 1,
    tardy: 1,
    early_departure: 1,
    excused_absence: 1,
    unexcused_absence: 1,
    not_enrolled: 1,
  },
  (status) => ({
    label: i18n.t(`domain:calendar.${status}.label`),
    code: i18n.t(`domain:calendar.${status}.code`),
  }),
);

export const CALENDAR_STATUS_ORDER = Object.keys(CALENDAR_STATUS) as CalendarStatus[];

export const OUTCOME_LABELS: Record<OutcomeKind, string> = translated(
  { course_failure: 1, chronic_absence: 1, withdrawal: 1 },
  (kind) => i18n.t(`domain:outcomes.${kind}`),
);

/** A code's words from a domain.json group when it has them, else the code made readable. */
function known(group: 'disciplineActions' | 'subjects', code: string): Record<string, string> {
  const words = i18n.t(`domain:${group}`, { returnObjects: true }) as Record<string, string>;
  return Object.hasOwn(words, code) ? { [code]: words[code]! } : {};
}

/** Words for a code the contract leaves as free text ("in_school_suspension" → "In-school suspension"). */
export function humanize(code: string, known: Record<string, string> = {}): string {
  const word = known[code];
  if (word) return word;
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function disciplineActionLabel(action: string): string {
  return humanize(action, known('disciplineActions', action));
}

export function subjectLabel(subject: string): string {
  return humanize(subject, known('subjects', subject));
}

/** Grade level as a column value: "Pre-K", "K", "9". */
export function gradeShort(grade: number): string {
  if (grade < 0) return i18n.t('domain:grade.shortPreK');
  if (grade === 0) return i18n.t('domain:grade.shortK');
  return String(grade);
}

/** Grade level in a sentence or heading: "Pre-kindergarten", "Kindergarten", "Grade 9". */
export function gradeLong(grade: number): string {
  if (grade < 0) return i18n.t('domain:grade.longPreK');
  if (grade === 0) return i18n.t('domain:grade.longK');
  return i18n.t('domain:grade.long', { grade });
}

/** Whose records each role sees (the core enforces it; this is only the wording). */
export const ROLE_SCOPE: Record<StaffRole, ScopeKind> = {
  teacher: 'sections',
  counselor: 'caseload',
  school_admin: 'school',
  district_admin: 'district',
};
