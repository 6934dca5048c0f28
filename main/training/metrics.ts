/**
 * How well a risk score separates students who went on to an adverse outcome from those who
 * did not, on a holdout the model never saw. Pure functions over parallel arrays of scores and
 * 0/1 labels; every result is plain JSON (null where a number does not exist, never NaN), so it
 * can be stored with a model version and shown on its model card.
 *
 * Precision and recall are reported at the district's flag rate rather than at a fixed score:
 * a district flags its top 10% whatever the scores are, and "how often is a flag right" at that
 * rate is what staff experience (DOMAIN.md: precision at the flag rate matters more than AUC).
 */
import { groupIndexes, largestGaps, MIN_GROUP_SIZE, type SubgroupGap } from './fairness';

export type Scores = ArrayLike<number>;
export type Labels = ArrayLike<number>;

/** The share of students a district flags by default: the top 10%. */
export const DEFAULT_FLAG_RATE = 0.1;

function check(scores: Scores, labels: Labels): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`${scores.length} scores but ${labels.length} labels.`);
  }
  for (let i = 0; i < scores.length; i++) {
    // A NaN would sort anywhere and silently corrupt every rank-based number below.
    if (!Number.isFinite(scores[i])) throw new RangeError(`Score ${i} is not a number.`);
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`Label ${i} is ${y}, not 0 or 1.`);
  }
}

function countPositives(labels: Labels): number {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i]!;
  return p;
}

/** Indexes ordered by score, highest first. */
function byScoreDescending(scores: Scores): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b]! - scores[a]!);
}

function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/**
 * Area under the ROC curve: the chance a random positive scores above a random negative, ties
 * counting one half (Mann–Whitney with mid-ranks). Null when only one class is present.
 */
export function auc(scores: Scores, labels: Labels): number | null {
  check(scores, labels);
  const n = scores.length;
  const order = byScoreDescending(scores);
  let positives = 0;
  let negativesBelow = 0;
  let wins = 0;
  // From the lowest score up: a positive beats every negative below it and ties its own group's.
  for (let j = n; j > 0;) {
    const score = scores[order[j - 1]!]!;
    let i = j;
    let groupPositives = 0;
    while (i > 0 && scores[order[i - 1]!] === score) groupPositives += labels[order[--i]!]!;
    const groupNegatives = j - i - groupPositives;
    wins += groupPositives * (negativesBelow + 0.5 * groupNegatives);
    positives += groupPositives;
    negativesBelow += groupNegatives;
    j = i;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return wins / (positives * negatives);
}

/**
 * Average precision (area under the precision–recall curve as a step function): the sum over
 * distinct score thresholds of the recall gained times the precision there. Tied scores are
 * one threshold, so their order cannot flatter the result. Null with no positives.
 */
export function prAuc(scores: Scores, labels: Labels): number | null {
  check(scores, labels);
  const n = scores.length;
  const positives = countPositives(labels);
  if (positives === 0) return null;
  const order = byScoreDescending(scores);
  let truePositives = 0;
  let total = 0;
  for (let i = 0; i < n;) {
    const score = scores[order[i]!]!;
    let j = i;
    let gained = 0;
    while (j < n && scores[order[j]!] === score) gained += labels[order[j++]!]!;
    truePositives += gained;
    total += (gained / positives) * (truePositives / j);
    i = j;
  }
  return total;
}

/**
 * Where the top `rate` of scores is cut: everything above `threshold` is flagged, and of the
 * examples exactly at it a `tieShare` fraction, so that exactly round(rate × n) are flagged
 * (in expectation, as if ties were broken at random). Without the share, a coarse score such
 * as a flag count would flag every tied student and report precision at some other rate.
 */
export interface FlagCut {
  /** Infinity when nothing is flagged. */
  threshold: number;
  tieShare: number;
  flagged: number;
}

export function flagCut(scores: Scores, rate = DEFAULT_FLAG_RATE): FlagCut {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`Flag rate ${rate} is not between 0 and 1.`);
  const n = scores.length;
  const flagged = Math.round(rate * n);
  if (flagged === 0) return { threshold: Infinity, tieShare: 0, flagged: 0 };
  const sorted = Float64Array.from(scores).sort();
  const threshold = sorted[n - flagged]!;
  let above = 0;
  let tied = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s > threshold) above++;
    else if (s === threshold) tied++;
  }
  return { threshold, tieShare: (flagged - above) / tied, flagged };
}

/** The lowest score that is (at least partly) flagged when the top `rate` is flagged. */
export function thresholdAtFlagRate(scores: Scores, rate = DEFAULT_FLAG_RATE): number {
  return flagCut(scores, rate).threshold;
}

export interface RateMetrics {
  /** Null when nothing is flagged. */
  threshold: number | null;
  /** Expected number flagged (fractional only through ties at the threshold). */
  flagged: number;
  flaggedShare: number | null;
  precision: number | null;
  recall: number | null;
  falsePositiveRate: number | null;
  /** The miss rate: positives not flagged. */
  falseNegativeRate: number | null;
}

/** Confusion-matrix rates for examples judged at a given cut (the overall one, for subgroups). */
export function ratesAtCut(scores: Scores, labels: Labels, cut: FlagCut): RateMetrics {
  check(scores, labels);
  // Whole counts first, the tie share applied once: sums of fractions would drift.
  let above = 0;
  let abovePositives = 0;
  let tied = 0;
  let tiedPositives = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    const y = labels[i]!;
    positives += y;
    if (s > cut.threshold) {
      above++;
      abovePositives += y;
    } else if (s === cut.threshold) {
      tied++;
      tiedPositives += y;
    }
  }
  const flagged = above + cut.tieShare * tied;
  const truePositives = abovePositives + cut.tieShare * tiedPositives;
  const negatives = scores.length - positives;
  const falsePositives = flagged - truePositives;
  return {
    threshold: Number.isFinite(cut.threshold) ? cut.threshold : null,
    flagged,
    flaggedShare: ratio(flagged, scores.length),
    precision: ratio(truePositives, flagged),
    recall: ratio(truePositives, positives),
    falsePositiveRate: ratio(falsePositives, negatives),
    falseNegativeRate: ratio(positives - truePositives, positives),
  };
}

/** Precision, recall and error rates when the top `rate` of these scores is flagged. */
export function precisionRecallAtRate(
  scores: Scores,
  labels: Labels,
  rate = DEFAULT_FLAG_RATE,
): RateMetrics {
  return ratesAtCut(scores, labels, flagCut(scores, rate));
}

/** Mean squared error of predicted probabilities; null for no examples. */
export function brier(scores: Scores, labels: Labels): number | null {
  check(scores, labels);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += (scores[i]! - labels[i]!) ** 2;
  return ratio(sum, scores.length);
}

export interface CalibrationBin {
  /** Predicted probabilities in [from, to); the last bin includes 1. */
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Observed outcome rate against mean predicted probability, in equal-width bins over [0, 1]. */
export function calibration(scores: Scores, labels: Labels, bins = 10): CalibrationBin[] {
  check(scores, labels);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`${bins} is not a bin count.`);
  const count = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s < 0 || s > 1) throw new RangeError(`Score ${i} (${s}) is not a probability.`);
    const b = Math.min(bins - 1, Math.floor(s * bins));
    count[b]!++;
    predicted[b]! += s;
    observed[b]! += labels[i]!;
  }
  return Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    count: count[b]!,
    meanPredicted: ratio(predicted[b]!, count[b]!),
    observedRate: ratio(observed[b]!, count[b]!),
  }));
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed. */
export function calibrationError(table: readonly CalibrationBin[]): number | null {
  let n = 0;
  let sum = 0;
  for (const bin of table) {
    if (bin.count === 0) continue;
    n += bin.count;
    sum += bin.count * Math.abs(bin.meanPredicted! - bin.observedRate!);
  }
  return ratio(sum, n);
}

/** Every number the model card shows for one set of students. */
export interface GroupMetrics extends Omit<RateMetrics, 'threshold'> {
  /** Examples. */
  n: number;
  /** Distinct students among them, when the caller said which student each example is. */
  students: number | null;
  positives: number;
  baseRate: number | null;
  auc: number | null;
  prAuc: number | null;
  /** Null for scores that are not probabilities (a flag count). */
  brier: number | null;
  calibrationError: number | null;
  calibration: CalibrationBin[] | null;
}

export interface SubgroupMetrics extends GroupMetrics {
  attribute: string;
  group: string;
  /**
   * Fewer than `minGroupSize` students (examples when students are not given): reported, but
   * left out of the gaps.
   */
  tooSmall: boolean;
}

export interface ModelMetrics {
  flagRate: number;
  /** The overall cut, applied unchanged to every subgroup; null when nothing is flagged. */
  threshold: number | null;
  probabilities: boolean;
  minGroupSize: number;
  overall: GroupMetrics;
  subgroups: SubgroupMetrics[];
  /** Per attribute and metric, the widest difference between judged groups. */
  gaps: SubgroupGap[];
}

export interface EvaluateOptions {
  flagRate?: number;
  /** Per example, its group under each attribute (e.g. `TrainingExample.subgroups`). */
  subgroups?: readonly Readonly<Record<string, string>>[];
  /**
   * Whether scores are probabilities (default true). Pass false for a rules score such as a
   * flag count: ranks and rates are still computed, Brier and calibration are not.
   */
  probabilities?: boolean;
  /**
   * Per example, the student it is about. A student contributes several cutoff weeks, so a
   * group's size is judged by its students, not its examples.
   */
  students?: readonly string[];
  bins?: number;
  minGroupSize?: number;
}

function groupMetrics(
  scores: Scores,
  labels: Labels,
  students: number | null,
  cut: FlagCut,
  probabilities: boolean,
  bins: number,
): GroupMetrics {
  const positives = countPositives(labels);
  const { flagged, flaggedShare, precision, recall, falsePositiveRate, falseNegativeRate } =
    ratesAtCut(scores, labels, cut);
  const table = probabilities ? calibration(scores, labels, bins) : null;
  return {
    n: scores.length,
    students,
    positives,
    baseRate: ratio(positives, scores.length),
    auc: auc(scores, labels),
    prAuc: prAuc(scores, labels),
    flagged,
    flaggedShare,
    precision,
    recall,
    falsePositiveRate,
    falseNegativeRate,
    brier: probabilities ? brier(scores, labels) : null,
    calibrationError: table ? calibrationError(table) : null,
    calibration: table,
  };
}

/**
 * The holdout report: overall numbers at the district flag rate, the same per subgroup at the
 * overall threshold (a group's own threshold would hide that it is flagged more or less often),
 * and the largest gap per attribute.
 */
export function evaluate(
  scores: Scores,
  labels: Labels,
  options: EvaluateOptions = {},
): ModelMetrics {
  check(scores, labels);
  const flagRate = options.flagRate ?? DEFAULT_FLAG_RATE;
  const probabilities = options.probabilities ?? true;
  const bins = options.bins ?? 10;
  const minGroupSize = options.minGroupSize ?? MIN_GROUP_SIZE;
  const ids = options.students;
  if (ids && ids.length !== scores.length) {
    throw new RangeError(`${scores.length} scores but ${ids.length} student ids.`);
  }
  const distinct = (indexes: readonly number[]) =>
    ids ? new Set(indexes.map((i) => ids[i])).size : null;
  const cut = flagCut(scores, flagRate);
  const overall = groupMetrics(
    scores,
    labels,
    ids ? new Set(ids).size : null,
    cut,
    probabilities,
    bins,
  );

  const subgroups: SubgroupMetrics[] = [];
  if (options.subgroups) {
    if (options.subgroups.length !== scores.length) {
      throw new RangeError(`${scores.length} scores but ${options.subgroups.length} subgroups.`);
    }
    for (const [attribute, groups] of groupIndexes(options.subgroups)) {
      const rows: SubgroupMetrics[] = [];
      for (const [group, indexes] of groups) {
        const s = Float64Array.from(indexes, (i) => scores[i]!);
        const y = Uint8Array.from(indexes, (i) => labels[i]!);
        const students = distinct(indexes);
        rows.push({
          attribute,
          group,
          tooSmall: (students ?? indexes.length) < minGroupSize,
          ...groupMetrics(s, y, students, cut, probabilities, bins),
        });
      }
      rows.sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
      subgroups.push(...rows);
    }
  }
  return {
    flagRate,
    threshold: Number.isFinite(cut.threshold) ? cut.threshold : null,
    probabilities,
    minGroupSize,
    overall,
    subgroups,
    gaps: largestGaps(subgroups),
  };
}
