/**
 * Plain-language names for the MTSS intervention enumerations (DOMAIN.md, "Interventions"), in
 * the current language (the words live in i18n/locales/<language>/interventions.json). Full
 * `Record`s over the contract's unions, so a new type, tier or outcome fails the type check here
 * until it has words; each value is read when it is used, so it follows a language change.
 */
import type {
  CheckinProgress,
  InterventionOutcome,
  InterventionStatus,
  InterventionTier,
  InterventionType,
  MonitoringFrequency,
} from '../api/types';
import { i18n } from '../i18n';
import { translated } from '../i18n/translated';

export const INTERVENTION_TYPE_LABELS: Record<
  InterventionType,
  { label: string; description: string }
> = translated(
  { attendance: 1, academic: 1, behaviour: 1, social_emotional: 1 } satisfies Record<
    InterventionType,
    1
  >,
  (type) => ({
    label: i18n.t(`interventions:types.${type}.label`),
    description: i18n.t(`interventions:types.${type}.description`),
  }),
);

export const INTERVENTION_TYPE_ORDER = Object.keys(INTERVENTION_TYPE_LABELS) as InterventionType[];

export function isInterventionType(value: string): value is InterventionType {
  return Object.hasOwn(INTERVENTION_TYPE_LABELS, value);
}

/** MTSS tiers: "Tier 2 · targeted", with what each means for the person choosing one. */
export const INTERVENTION_TIER_LABELS: Record<
  InterventionTier,
  { label: string; description: string }
> = {
  get 1() {
    return tierWords(1);
  },
  get 2() {
    return tierWords(2);
  },
  get 3() {
    return tierWords(3);
  },
};

function tierWords(tier: InterventionTier): { label: string; description: string } {
  return {
    label: i18n.t(`interventions:tiers.${tier}.label`),
    description: i18n.t(`interventions:tiers.${tier}.description`),
  };
}

// Object.keys would give the numeric keys back as strings.
export const INTERVENTION_TIER_ORDER: InterventionTier[] = [1, 2, 3];

/** How often progress is checked; the core counts "monthly" as every four weeks. */
export const MONITORING_LABELS: Record<MonitoringFrequency, string> = translated(
  { weekly: 1, biweekly: 1, monthly: 1 } satisfies Record<MonitoringFrequency, 1>,
  (frequency) => i18n.t(`interventions:monitoring.${frequency}`),
);

export const MONITORING_ORDER = Object.keys(MONITORING_LABELS) as MonitoringFrequency[];

export function isMonitoringFrequency(value: string): value is MonitoringFrequency {
  return Object.hasOwn(MONITORING_LABELS, value);
}

const PROGRESS_ICONS: Record<CheckinProgress, string> = {
  improving: '↑',
  no_change: '→',
  worsening: '↓',
};

/** Each answer has a word and an arrow, so it never relies on colour. */
export const PROGRESS_LABELS: Record<CheckinProgress, { label: string; icon: string }> = translated(
  { improving: 1, no_change: 1, worsening: 1 } satisfies Record<CheckinProgress, 1>,
  (progress) => ({
    label: i18n.t(`interventions:progress.${progress}`),
    icon: PROGRESS_ICONS[progress],
  }),
);

export const PROGRESS_ORDER = Object.keys(PROGRESS_LABELS) as CheckinProgress[];

export const INTERVENTION_OUTCOME_LABELS: Record<
  InterventionOutcome,
  { label: string; description: string }
> = translated(
  { met: 1, partly_met: 1, not_met: 1, discontinued: 1 } satisfies Record<InterventionOutcome, 1>,
  (outcome) => ({
    label: i18n.t(`interventions:outcomes.${outcome}.label`),
    description: i18n.t(`interventions:outcomes.${outcome}.description`),
  }),
);

export const INTERVENTION_OUTCOME_ORDER = Object.keys(
  INTERVENTION_OUTCOME_LABELS,
) as InterventionOutcome[];

export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = translated(
  { active: 1, closed: 1 } satisfies Record<InterventionStatus, 1>,
  (status) => i18n.t(`interventions:statuses.${status}`),
);
