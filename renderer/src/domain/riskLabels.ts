/**
 * Plain-language names for the risk model's enumerations: tiers, model kinds, statuses and
 * origins, feedback verdicts, and the groups a model is audited over, in the current language
 * (i18n/locales/<language>/domain.json). Full `Record`s over the
 * contract's unions, so a new value fails the type check here until it has words.
 */
import type { FeedbackVerdict, ModelKind, ModelOrigin, ModelStatus, RiskTier } from '../api/types';
import { i18n } from '../i18n';
import { translated } from '../i18n/translated';
import { FLAG_LABELS, humanize, isFlagKey } from './labels';

/** Each tier has a word and a shape, so it never relies on colour. */
const TIER_ICONS: Record<RiskTier, string> = { high: '▲', moderate: '◆', low: '●' };

export const RISK_TIER_LABELS: Record<
  RiskTier,
  { label: string; icon: string; description: string }
> = translated({ high: 1, moderate: 1, low: 1 }, (tier) => ({
  label: i18n.t(`domain:riskTiers.${tier}.label`),
  icon: TIER_ICONS[tier],
  description: i18n.t(`domain:riskTiers.${tier}.description`),
}));

/** Tiers from most to least concern, as filters and legends list them. */
export const RISK_TIER_ORDER: RiskTier[] = ['high', 'moderate', 'low'];

export function isRiskTier(value: string | null | undefined): value is RiskTier {
  return value != null && Object.hasOwn(RISK_TIER_LABELS, value);
}

export const MODEL_KIND_LABELS: Record<ModelKind, string> = translated(
  { logistic: 1, gru: 1 },
  (kind) => i18n.t(`domain:modelKinds.${kind}`),
);

export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = translated(
  { candidate: 1, active: 1, retired: 1, rejected: 1 },
  (status) => i18n.t(`domain:modelStatuses.${status}`),
);

export const MODEL_ORIGIN_LABELS: Record<ModelOrigin, string> = translated(
  { trained: 1, shipped: 1, imported: 1 },
  (origin) => i18n.t(`domain:modelOrigins.${origin}`),
);

export const VERDICT_LABELS: Record<FeedbackVerdict, string> = translated(
  { right: 1, wrong: 1, override: 1 },
  (verdict) => i18n.t(`domain:verdicts.${verdict}`),
);

/** "Risk score" for the model, "Chronic absence flag" for a transparent flag. */
export function feedbackTargetLabel(target: string): string {
  if (target === 'model') return i18n.t('domain:feedbackTarget.model');
  if (isFlagKey(target)) {
    return i18n.t('domain:feedbackTarget.flag', { flag: FLAG_LABELS[target].label });
  }
  return humanize(target);
}

/** The audited attribute a subgroup belongs to, in words. */
export function subgroupAttributeLabel(attribute: string): string {
  return humanize(attribute, known('subgroupAttributes', attribute));
}

/**
 * A subgroup as the training job names it ("not FRL", "Hispanic or Latino": main/training/
 * fairness.ts stores these English labels in the metrics), in the current language when known.
 */
export function subgroupGroupLabel(group: string): string {
  return known('subgroupGroups', group)[group] ?? group;
}

/** A baseline row's approach in words ("rules" → "Transparent rules (the flags)"). */
export function baselineLabel(name: string): string {
  return humanize(name, known('baselines', name));
}

export function factorGroupLabel(group: string): string {
  return humanize(group, known('factorGroups', group));
}

/** A code's words from a domain.json group when it has them, else none (humanize reads the code). */
function known(
  group: 'subgroupAttributes' | 'baselines' | 'factorGroups' | 'subgroupGroups',
  code: string,
): Record<string, string> {
  const words = i18n.t(`domain:${group}`, { returnObjects: true }) as Record<string, string>;
  return Object.hasOwn(words, code) ? { [code]: words[code]! } : {};
}
