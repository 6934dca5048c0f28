/**
 * Plain-language names for the MTSS intervention enumerations (DOMAIN.md, "Interventions").
 * Full `Record`s over the contract's unions, so a new type, tier or outcome fails the type check
 * here until it has words.
 */
import type {
  CheckinProgress,
  InterventionOutcome,
  InterventionStatus,
  InterventionTier,
  InterventionType,
  MonitoringFrequency,
} from '../api/types';

export const INTERVENTION_TYPE_LABELS: Record<
  InterventionType,
  { label: string; description: string }
> = {
  attendance: { label: 'Attendance', description: 'Getting to school and to class' },
  academic: { label: 'Academic', description: 'Grades, coursework and missing assignments' },
  behaviour: { label: 'Behaviour', description: 'Conduct and discipline incidents' },
  social_emotional: {
    label: 'Social-emotional',
    description: 'Wellbeing, relationships and coping',
  },
};

export const INTERVENTION_TYPE_ORDER = Object.keys(INTERVENTION_TYPE_LABELS) as InterventionType[];

export function isInterventionType(value: string): value is InterventionType {
  return Object.hasOwn(INTERVENTION_TYPE_LABELS, value);
}

/** MTSS tiers: "Tier 2 · targeted", with what each means for the person choosing one. */
export const INTERVENTION_TIER_LABELS: Record<
  InterventionTier,
  { label: string; description: string }
> = {
  1: {
    label: 'Tier 1 · universal',
    description: 'The support every student gets, with a closer eye on this student',
  },
  2: {
    label: 'Tier 2 · targeted',
    description: 'Extra support for this student, often in a small group',
  },
  3: { label: 'Tier 3 · intensive', description: 'Individual, intensive support' },
};

// Object.keys would give the numeric keys back as strings.
export const INTERVENTION_TIER_ORDER: InterventionTier[] = [1, 2, 3];

/** How often progress is checked; the core counts "monthly" as every four weeks. */
export const MONITORING_LABELS: Record<MonitoringFrequency, string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every four weeks (monthly)',
};

export const MONITORING_ORDER = Object.keys(MONITORING_LABELS) as MonitoringFrequency[];

export function isMonitoringFrequency(value: string): value is MonitoringFrequency {
  return Object.hasOwn(MONITORING_LABELS, value);
}

/** Each answer has a word and an arrow, so it never relies on colour. */
export const PROGRESS_LABELS: Record<CheckinProgress, { label: string; icon: string }> = {
  improving: { label: 'Improving', icon: '↑' },
  no_change: { label: 'No change', icon: '→' },
  worsening: { label: 'Getting worse', icon: '↓' },
};

export const PROGRESS_ORDER = Object.keys(PROGRESS_LABELS) as CheckinProgress[];

export const INTERVENTION_OUTCOME_LABELS: Record<
  InterventionOutcome,
  { label: string; description: string }
> = {
  met: { label: 'Goal met', description: 'The student reached the goal' },
  partly_met: { label: 'Partly met', description: 'Some progress, short of the goal' },
  not_met: { label: 'Not met', description: 'No real progress toward the goal' },
  discontinued: {
    label: 'Discontinued',
    description: 'Stopped before the end, e.g. the student moved school',
  },
};

export const INTERVENTION_OUTCOME_ORDER = Object.keys(
  INTERVENTION_OUTCOME_LABELS,
) as InterventionOutcome[];

export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = {
  active: 'Active',
  closed: 'Closed',
};
