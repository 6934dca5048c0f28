/**
 * The risk model in words: score changes, the order of a score's reasons, the weeks a sequence
 * model weighed most, summaries of a model's subgroup and calibration tables, and the checks on
 * a counselor's feedback. Pure functions over contract types (no DOM), unit-tested in
 * tests/unit/renderer-risk.test.ts.
 */
import type {
  AttentionWeek,
  CalibrationBand,
  FeedbackTarget,
  FeedbackVerdict,
  ModelSubgroup,
  ModelVersionView,
  RiskFactorView,
  RiskHistoryPoint,
  RiskTier,
} from '../api/types';
import { formatCount, formatDate, formatWholePercent } from '../format/format';
import { i18n, intlLocale } from '../i18n';
import {
  feedbackTargetLabel,
  RISK_TIER_LABELS,
  subgroupAttributeLabel,
  subgroupGroupLabel,
} from './riskLabels';

/**
 * A 0–1 score as a whole percent, "82%". The ends read "over 99%" and "under 1%": a model is
 * never certain, and "100%" would say it is.
 */
export function formatRiskScore(score: number): string {
  if (score > 0.995) return i18n.t('profile:risk.scoreOver', { percent: formatWholePercent(0.99) });
  if (score < 0.005)
    return i18n.t('profile:risk.scoreUnder', { percent: formatWholePercent(0.01) });
  return formatWholePercent(score) ?? '—';
}

/** A change in a 0–1 score as whole percentage points (0.064 → 6). */
export function scorePoints(delta: number): number {
  return Math.round(Math.abs(delta) * 100);
}

/** "Up 6 points since last week (was Moderate)", "No change since last week", … */
export function riskChangeText(
  change: number | null,
  tier: RiskTier,
  previousTier: RiskTier | null,
): string {
  if (change === null) return i18n.t('profile:risk.change.first');
  const points = scorePoints(change);
  const was = previousTier && previousTier !== tier ? RISK_TIER_LABELS[previousTier].label : null;
  if (points === 0) {
    return was === null
      ? i18n.t('profile:risk.change.none')
      : i18n.t('profile:risk.change.noneWas', { tier: was });
  }
  const values = { count: points, points: formatCount(points), tier: was ?? '' };
  if (change > 0) {
    return was === null
      ? i18n.t('profile:risk.change.up', values)
      : i18n.t('profile:risk.change.upWas', values);
  }
  return was === null
    ? i18n.t('profile:risk.change.down', values)
    : i18n.t('profile:risk.change.downWas', values);
}

/** A score's reasons, the one that moved it most first (raising or lowering). Stable. */
export function orderFactors(factors: readonly RiskFactorView[]): RiskFactorView[] {
  return factors
    .map((factor, index) => ({ factor, index }))
    .sort((a, b) => Math.abs(b.factor.delta) - Math.abs(a.factor.delta) || a.index - b.index)
    .map((entry) => entry.factor);
}

/**
 * How strongly one reason weighs, in words. Deltas are log-odds (the contract): a number of
 * "points" would be wrong near a score of 0 or 100%, where a heavy reason barely moves it.
 */
export function factorEffectText(delta: number): string {
  const raises = delta > 0;
  if (!Number.isFinite(delta)) {
    return raises ? i18n.t('profile:risk.effect.raises') : i18n.t('profile:risk.effect.lowers');
  }
  const size = Math.abs(delta);
  if (size < 0.05) return i18n.t('profile:risk.effect.barely');
  if (size >= 1) {
    return raises
      ? i18n.t('profile:risk.effect.raisesStrongly')
      : i18n.t('profile:risk.effect.lowersStrongly');
  }
  if (size >= 0.3) {
    return raises
      ? i18n.t('profile:risk.effect.raisesClearly')
      : i18n.t('profile:risk.effect.lowersClearly');
  }
  return raises
    ? i18n.t('profile:risk.effect.raisesLittle')
    : i18n.t('profile:risk.effect.lowersLittle');
}

export interface WeightedWeek {
  weekStart: AttentionWeek['weekStart'];
  /** This week's share of all the weight, 0–1. */
  share: number;
}

/**
 * The weeks a sequence model leaned on most, heaviest first, each as its share of the total
 * weight. Weeks with no weight are left out; ties keep the later week first (more recent).
 */
export function topAttentionWeeks(
  attention: readonly AttentionWeek[] | null,
  limit = 4,
): WeightedWeek[] {
  if (!attention) return [];
  const usable = attention.filter((w) => Number.isFinite(w.weight) && w.weight > 0);
  const total = usable.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return [];
  return usable
    .map((w) => ({ weekStart: w.weekStart, share: w.weight / total }))
    .sort((a, b) => b.share - a.share || b.weekStart.localeCompare(a.weekStart))
    .slice(0, limit);
}

/** The risk history chart's message in words: the span, where it started and ended, the peak. */
export function riskHistorySummary(history: readonly RiskHistoryPoint[]): string {
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) return i18n.t('profile:risk.history.none');
  const point = (p: RiskHistoryPoint) =>
    i18n.t('profile:risk.history.point', {
      score: formatRiskScore(p.score),
      tier: RISK_TIER_LABELS[p.tier].label,
    });
  if (history.length === 1) {
    return i18n.t('profile:risk.history.one', {
      point: point(first),
      date: formatDate(first.weekStart),
    });
  }
  const peak = history.reduce((high, p) => (p.score > high.score ? p : high), first);
  return i18n.t('profile:risk.history.many', {
    weeks: formatCount(history.length),
    first: point(first),
    firstDate: formatDate(first.weekStart),
    last: point(last),
    lastDate: formatDate(last.weekStart),
    peak: formatRiskScore(peak.score),
    peakDate: formatDate(peak.weekStart),
  });
}

export const FEEDBACK_NOTE_MAX = 2000;

/** Why an override cannot be saved yet, or null when it can. */
export function overrideProblem(tier: RiskTier | null, note: string): string | null {
  if (!tier) return i18n.t('profile:risk.override.chooseTier');
  if (note.trim() === '') return i18n.t('profile:risk.override.sayWhy');
  if (note.trim().length > FEEDBACK_NOTE_MAX) {
    return i18n.t('profile:risk.override.tooLong', { max: formatCount(FEEDBACK_NOTE_MAX) });
  }
  return null;
}

/** The confirmation after saving a verdict or an override. */
export function feedbackConfirmation(
  target: FeedbackTarget,
  verdict: FeedbackVerdict,
  overrideTier: RiskTier | null = null,
): string {
  if (verdict === 'override') {
    return overrideTier
      ? i18n.t('profile:risk.confirm.override', { tier: RISK_TIER_LABELS[overrideTier].label })
      : i18n.t('profile:risk.confirm.overrideOther');
  }
  const right = verdict === 'right';
  if (target === 'model') {
    return right
      ? i18n.t('profile:risk.confirm.modelRight')
      : i18n.t('profile:risk.confirm.modelWrong');
  }
  const values = { target: feedbackTargetLabel(target) };
  return right
    ? i18n.t('profile:risk.confirm.flagRight', values)
    : i18n.t('profile:risk.confirm.flagWrong', values);
}

/** The "Beats active?" cell of a model version. */
export function comparisonText(model: ModelVersionView, activeId: string | null): string {
  if (model.id === activeId || model.status === 'active') {
    return i18n.t('profile:risk.comparison.active');
  }
  if (!model.comparison) return i18n.t('profile:risk.comparison.noActive');
  return model.comparison.beatsActive
    ? i18n.t('profile:risk.comparison.yes')
    : i18n.t('profile:risk.comparison.no');
}

/** The version to show in detail: the one in the address, else the active one, else the newest. */
export function selectedModelId(
  models: readonly ModelVersionView[],
  activeId: string | null,
  wanted: string | null,
): string | null {
  if (wanted && models.some((m) => m.id === wanted)) return wanted;
  if (activeId && models.some((m) => m.id === activeId)) return activeId;
  const newest = [...models].sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest?.id ?? null;
}

/** Subgroups by audited attribute, in the order the attributes first appear. */
export function groupSubgroups(
  subgroups: readonly ModelSubgroup[],
): { attribute: string; label: string; rows: ModelSubgroup[] }[] {
  const byAttribute = new Map<string, ModelSubgroup[]>();
  for (const row of subgroups) {
    const rows = byAttribute.get(row.attribute);
    if (rows) rows.push(row);
    else byAttribute.set(row.attribute, [row]);
  }
  return [...byAttribute].map(([attribute, rows]) => ({
    attribute,
    label: subgroupAttributeLabel(attribute),
    rows,
  }));
}

interface RateGap {
  attribute: string;
  lowest: ModelSubgroup;
  highest: ModelSubgroup;
  gap: number;
}

function widestGap(
  subgroups: readonly ModelSubgroup[],
  rate: (s: ModelSubgroup) => number | null,
): RateGap | null {
  let widest: RateGap | null = null;
  for (const { attribute, rows } of groupSubgroups(subgroups)) {
    const judged = rows.filter((r) => !r.small && rate(r) !== null);
    if (judged.length < 2) continue;
    const sorted = [...judged].sort((a, b) => rate(a)! - rate(b)!);
    const lowest = sorted[0]!;
    const highest = sorted[sorted.length - 1]!;
    const gap = rate(highest)! - rate(lowest)!;
    if (!widest || gap > widest.gap) widest = { attribute, lowest, highest, gap };
  }
  return widest;
}

/**
 * The subgroup table's message: the widest false-alarm and miss-rate gaps between groups large
 * enough to judge, and how many groups are too small to judge.
 */
export function subgroupSummary(subgroups: readonly ModelSubgroup[]): string {
  if (subgroups.length === 0) return i18n.t('profile:risk.subgroups.none');
  const small = subgroups.filter((s) => s.small).length;
  const parts: string[] = [];
  const values = (gap: RateGap, rate: (s: ModelSubgroup) => number | null) => ({
    attribute: subgroupAttributeLabel(gap.attribute).toLocaleLowerCase(intlLocale()),
    lowRate: formatWholePercent(rate(gap.lowest)),
    lowGroup: subgroupGroupLabel(gap.lowest.group),
    highRate: formatWholePercent(rate(gap.highest)),
    highGroup: subgroupGroupLabel(gap.highest.group),
  });
  const falseAlarm = widestGap(subgroups, (s) => s.falsePositiveRate);
  if (falseAlarm) {
    parts.push(
      i18n.t(
        'profile:risk.subgroups.falseAlarmGap',
        values(falseAlarm, (s) => s.falsePositiveRate),
      ),
    );
  }
  const miss = widestGap(subgroups, (s) => s.falseNegativeRate);
  if (miss) {
    parts.push(
      i18n.t(
        'profile:risk.subgroups.missGap',
        values(miss, (s) => s.falseNegativeRate),
      ),
    );
  }
  if (parts.length === 0) parts.push(i18n.t('profile:risk.subgroups.noneComparable'));
  if (small > 0) {
    parts.push(
      i18n.t('profile:risk.subgroups.tooSmall', { count: small, groups: formatCount(small) }),
    );
  }
  return parts.join(' ');
}

/**
 * The calibration table's message: across score bands with students, how far the share who had
 * the outcome is from the risk the model predicted, on average (weighted by students).
 */
export function calibrationSummary(bands: readonly CalibrationBand[]): string {
  const known = bands.filter(
    (b): b is CalibrationBand & { observed: number } => b.observed !== null && b.n > 0,
  );
  const students = known.reduce((sum, b) => sum + b.n, 0);
  if (students === 0) return i18n.t('profile:risk.calibration.none');
  const gap =
    known.reduce((sum, b) => sum + Math.abs(b.observed - b.predicted) * b.n, 0) / students;
  const points = scorePoints(gap);
  const verdict =
    points <= 3
      ? i18n.t('profile:risk.calibration.chances')
      : points <= 8
        ? i18n.t('profile:risk.calibration.roughly')
        : i18n.t('profile:risk.calibration.ranking');
  const summary = i18n.t('profile:risk.calibration.summary', {
    context: known.length === 1 ? 'oneBand' : 'bands',
    count: points,
    bands: formatCount(known.length),
    points: formatCount(points),
  });
  return `${summary} ${verdict}`;
}
