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
import { formatDate, formatWholePercent, plural } from '../format/format';
import { feedbackTargetLabel, RISK_TIER_LABELS, subgroupAttributeLabel } from './riskLabels';

/**
 * A 0–1 score as a whole percent, "82%". The ends read "over 99%" and "under 1%": a model is
 * never certain, and "100%" would say it is.
 */
export function formatRiskScore(score: number): string {
  if (score > 0.995) return 'over 99%';
  if (score < 0.005) return 'under 1%';
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
  if (change === null) return 'First week scored: nothing earlier to compare with';
  const points = scorePoints(change);
  const was =
    previousTier && previousTier !== tier ? ` (was ${RISK_TIER_LABELS[previousTier].label})` : '';
  if (points === 0) return `No change since last week${was}`;
  const direction = change > 0 ? 'Up' : 'Down';
  return `${direction} ${plural(points, 'point')} since last week${was}`;
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
  if (!Number.isFinite(delta)) return delta > 0 ? 'Raises the score' : 'Lowers the score';
  const size = Math.abs(delta);
  const verb = delta > 0 ? 'Raises' : 'Lowers';
  if (size < 0.05) return 'Barely changes the score';
  if (size >= 1) return `${verb} the score strongly`;
  if (size >= 0.3) return `${verb} the score clearly`;
  return `${verb} the score a little`;
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
  if (!first || !last) return 'No weekly risk scores yet.';
  const point = (p: RiskHistoryPoint) =>
    `${formatRiskScore(p.score)} (${RISK_TIER_LABELS[p.tier].label})`;
  if (history.length === 1) {
    return `One weekly score so far: ${point(first)} in the week of ${formatDate(first.weekStart)}.`;
  }
  const peak = history.reduce((high, p) => (p.score > high.score ? p : high), first);
  return (
    `Weekly risk score over ${plural(history.length, 'week')}: ${point(first)} in the week of ` +
    `${formatDate(first.weekStart)}, ${point(last)} in the week of ${formatDate(last.weekStart)}. ` +
    `Highest: ${formatRiskScore(peak.score)} in the week of ${formatDate(peak.weekStart)}.`
  );
}

export const FEEDBACK_NOTE_MAX = 2000;

/** Why an override cannot be saved yet, or null when it can. */
export function overrideProblem(tier: RiskTier | null, note: string): string | null {
  if (!tier) return 'Choose the tier you think is right.';
  if (note.trim() === '') return 'Say why in the note: the next person to read this flag needs it.';
  if (note.trim().length > FEEDBACK_NOTE_MAX) {
    return `Keep the note under ${FEEDBACK_NOTE_MAX.toLocaleString('en-US')} characters.`;
  }
  return null;
}

/** The confirmation after saving a verdict or an override. */
export function feedbackConfirmation(
  target: FeedbackTarget,
  verdict: FeedbackVerdict,
  overrideTier: RiskTier | null = null,
): string {
  const what = target === 'model' ? 'the risk score' : `the ${feedbackTargetLabel(target)}`;
  if (verdict === 'override') {
    const tier = overrideTier ? RISK_TIER_LABELS[overrideTier].label : 'another tier';
    return `Saved: you set this student’s tier to ${tier}. The model’s own score stays on record beside it.`;
  }
  return `Saved: you marked ${what} as ${verdict}. Thank you: feedback like this checks the model.`;
}

/** The "Beats active?" cell of a model version. */
export function comparisonText(model: ModelVersionView, activeId: string | null): string {
  if (model.id === activeId || model.status === 'active') return 'This is the active model';
  if (!model.comparison) return 'No active model to compare with';
  return model.comparison.beatsActive ? 'Yes' : 'No';
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
  if (subgroups.length === 0) return 'No subgroup results were recorded for this version.';
  const small = subgroups.filter((s) => s.small).length;
  const parts: string[] = [];
  const describe = (
    what: string,
    gap: RateGap | null,
    rate: (s: ModelSubgroup) => number | null,
  ) => {
    if (!gap) return;
    parts.push(
      `${what} differ most by ${subgroupAttributeLabel(gap.attribute).toLowerCase()}: ` +
        `${formatWholePercent(rate(gap.lowest))} for ${gap.lowest.group}, ` +
        `${formatWholePercent(rate(gap.highest))} for ${gap.highest.group}.`,
    );
  };
  describe(
    'False-alarm rates',
    widestGap(subgroups, (s) => s.falsePositiveRate),
    (s) => s.falsePositiveRate,
  );
  describe(
    'Miss rates',
    widestGap(subgroups, (s) => s.falseNegativeRate),
    (s) => s.falseNegativeRate,
  );
  if (parts.length === 0) parts.push('No two groups are large enough to compare.');
  if (small > 0) {
    parts.push(
      `${plural(small, 'group is', 'groups are')} too small to judge (fewer students than the rates can rest on).`,
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
  if (students === 0) return 'No calibration results were recorded for this version.';
  const gap =
    known.reduce((sum, b) => sum + Math.abs(b.observed - b.predicted) * b.n, 0) / students;
  const points = scorePoints(gap);
  const verdict =
    points <= 3
      ? 'The scores can be read as chances.'
      : points <= 8
        ? 'Read the scores as a ranking first, and as chances only roughly.'
        : 'Read the scores as a ranking, not as chances.';
  return (
    `In ${plural(known.length, 'score band')}, the share of students who had the outcome was ` +
    `${plural(points, 'percentage point')} from the predicted risk on average. ${verdict}`
  );
}
