/**
 * Plain words for the enumerations the reports print. They read the same as the app's own
 * labels (renderer/src/domain/*Labels.ts); full `Record`s, so a new value fails the type check
 * here until it has words.
 */
import type { FlagKey } from '../../api/contract';
import type {
  CheckinProgress,
  InterventionOutcome,
  InterventionStatus,
  InterventionTier,
  InterventionType,
  MonitoringFrequency,
  OutcomeKind,
  RiskTier,
  StaffRole,
} from '../../../db/schema';

export const FLAG_WORDS: Record<FlagKey, string> = {
  chronic_absence: 'Chronic absence',
  course_failure: 'Course failure',
  low_gpa: 'Low GPA',
  suspension: 'Suspension',
  off_track: 'Off track (grade 9)',
};

export const TIER_WORDS: Record<RiskTier, string> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
};

export const INTERVENTION_TIER_WORDS: Record<InterventionTier, string> = {
  1: 'Tier 1 (universal)',
  2: 'Tier 2 (targeted)',
  3: 'Tier 3 (intensive)',
};

export const INTERVENTION_TYPE_WORDS: Record<InterventionType, string> = {
  attendance: 'Attendance',
  academic: 'Academic',
  behaviour: 'Behaviour',
  social_emotional: 'Social-emotional',
};

export const MONITORING_WORDS: Record<MonitoringFrequency, string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every four weeks (monthly)',
};

export const PROGRESS_WORDS: Record<CheckinProgress, string> = {
  improving: 'Improving',
  no_change: 'No change',
  worsening: 'Getting worse',
};

export const OUTCOME_WORDS: Record<InterventionOutcome, string> = {
  met: 'Goal met',
  partly_met: 'Partly met',
  not_met: 'Not met',
  discontinued: 'Discontinued',
};

export const STATUS_WORDS: Record<InterventionStatus, string> = {
  active: 'Active',
  closed: 'Closed',
};

export const TERM_OUTCOME_WORDS: Record<OutcomeKind, string> = {
  course_failure: 'Course failure',
  chronic_absence: 'Chronic absence',
  withdrawal: 'Withdrawal',
};

export const ROLE_WORDS: Record<StaffRole, string> = {
  teacher: 'teacher',
  counselor: 'counselor',
  school_admin: 'school administrator',
  district_admin: 'district administrator',
};

/** "Grade 9", "Kindergarten", "Pre-K". */
export function gradeWords(level: number): string {
  if (level === 0) return 'Kindergarten';
  if (level < 0) return 'Pre-K';
  return `Grade ${level}`;
}
