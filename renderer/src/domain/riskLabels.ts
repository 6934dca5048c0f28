/**
 * Plain-language names for the risk model's enumerations: tiers, model kinds, statuses and
 * origins, feedback verdicts, and the groups a model is audited over. Full `Record`s over the
 * contract's unions, so a new value fails the type check here until it has words.
 */
import type { FeedbackVerdict, ModelKind, ModelOrigin, ModelStatus, RiskTier } from '../api/types';
import { FLAG_LABELS, humanize, isFlagKey } from './labels';

/** Each tier has a word and a shape, so it never relies on colour. */
export const RISK_TIER_LABELS: Record<
  RiskTier,
  { label: string; icon: string; description: string }
> = {
  high: {
    label: 'High',
    icon: '▲',
    description: 'Among the students the model ranks most at risk (the district’s flag rate)',
  },
  moderate: {
    label: 'Moderate',
    icon: '◆',
    description: 'Above typical risk, below the district’s cut for high',
  },
  low: { label: 'Low', icon: '●', description: 'Typical or lower risk' },
};

/** Tiers from most to least concern, as filters and legends list them. */
export const RISK_TIER_ORDER: RiskTier[] = ['high', 'moderate', 'low'];

export function isRiskTier(value: string | null | undefined): value is RiskTier {
  return value != null && Object.hasOwn(RISK_TIER_LABELS, value);
}

export const MODEL_KIND_LABELS: Record<ModelKind, string> = {
  logistic: 'Logistic regression',
  gru: 'GRU (reads the weeks in order)',
};

export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  candidate: 'Candidate',
  active: 'Active',
  retired: 'Retired',
  rejected: 'Rejected',
};

export const MODEL_ORIGIN_LABELS: Record<ModelOrigin, string> = {
  trained: 'Trained on district data',
  shipped: 'Shipped with Sightline',
  imported: 'Imported',
};

export const VERDICT_LABELS: Record<FeedbackVerdict, string> = {
  right: 'Right',
  wrong: 'Wrong',
  override: 'Tier overridden',
};

/** "Risk score" for the model, "Chronic absence flag" for a transparent flag. */
export function feedbackTargetLabel(target: string): string {
  if (target === 'model') return 'Risk score';
  if (isFlagKey(target)) return `${FLAG_LABELS[target].label} flag`;
  return humanize(target);
}

const SUBGROUP_ATTRIBUTES: Record<string, string> = {
  sex: 'Sex',
  race_ethnicity: 'Race/ethnicity',
  free_reduced_lunch: 'Free or reduced-price lunch',
  disability: 'Disability (IDEA)',
  english_learner: 'English learner',
  section_504: 'Section 504 plan',
};

/** The audited attribute a subgroup belongs to, in words. */
export function subgroupAttributeLabel(attribute: string): string {
  return humanize(attribute, SUBGROUP_ATTRIBUTES);
}

const BASELINES: Record<string, string> = {
  rules: 'Transparent rules (the flags)',
  flags: 'Transparent rules (the flags)',
  flag_count: 'Transparent rules (number of flags)',
  logistic: 'Logistic regression',
  logistic_regression: 'Logistic regression',
  gru: 'GRU (reads the weeks in order)',
};

/** A baseline row's approach in words ("rules" → "Transparent rules (the flags)"). */
export function baselineLabel(name: string): string {
  return humanize(name, BASELINES);
}

const FACTOR_GROUPS: Record<string, string> = {
  attendance: 'Attendance',
  behaviour: 'Behaviour',
  behavior: 'Behaviour',
  grades: 'Grades',
  assignments: 'Assignments',
  engagement: 'Online engagement',
  assessments: 'Assessments',
  context: 'Context',
};

export function factorGroupLabel(group: string): string {
  return humanize(group, FACTOR_GROUPS);
}
