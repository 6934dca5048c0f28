/**
 * Sudden changes in a student's week, judged two ways, both with robust z-scores (median and
 * MAD): against the student's own previous weeks, and against their cohort (same school and
 * grade) in the same week. Both must agree, so a student who is always low is not "sudden",
 * and a week when everyone is low (a snow day, a short week, the last partial week) is not
 * about one student.
 */
import type { FeatureAnomalyTable } from '../../db/schema';
import { median, robustZ, summarise, type RobustSummary } from './robust';

export type AnomalyFeature =
  'attendance_rate_week' | 'lms_active_days_week' | 'gpa' | 'missing_4wk';

export interface AnomalySpec {
  feature: AnomalyFeature;
  /** The worrying direction; changes the other way are never anomalies. */
  direction: 'drop' | 'rise';
  /** The smallest spread (in the feature's units) a z-score divides by. */
  minScale: number;
  label: string;
  format: (value: number) => string;
}

// The cohort index of student_features (db/migrations/0003) covers these columns; a feature
// added here still works, only the anomaly step then reads the table too.
export const ANOMALY_SPECS: readonly AnomalySpec[] = [
  {
    feature: 'attendance_rate_week',
    direction: 'drop',
    // Most weeks are 100% with no spread: at 0.15 it takes three days out of five, not one
    // sick day, to count as sudden (about 2% of student-weeks in the demo district).
    minScale: 0.15,
    label: 'attendance this week',
    format: (v) => `${Math.round(v * 100)}%`,
  },
  {
    // Days active rather than minutes: minutes vary so much week to week that only a drop
    // below zero would stand out, and "0 days, usually 4" reads plainly.
    feature: 'lms_active_days_week',
    direction: 'drop',
    minScale: 1,
    label: 'days active in the LMS this week',
    format: (v) => String(Math.round(v)),
  },
  {
    feature: 'gpa',
    direction: 'drop',
    minScale: 0.25,
    label: 'GPA',
    format: (v) => v.toFixed(2),
  },
  {
    feature: 'missing_4wk',
    direction: 'rise',
    minScale: 1,
    label: 'missing assignments in the last 4 weeks',
    format: (v) => String(Math.round(v)),
  },
];

export const ANOMALY_RULES = {
  /** The own-history baseline: this many weeks before the week judged. */
  historyWeeks: 8,
  /** Fewer school weeks of history than this: too early to call anything sudden. */
  minHistoryWeeks: 3,
  /** |own z| at least this (the usual cut for robust z-scores). */
  ownZ: 3.5,
  /** |cohort z| at least this, when the cohort is big enough to judge. */
  cohortZ: 2,
  /** Cohorts smaller than this are not compared against; the own-history test stands alone. */
  minCohort: 5,
} as const;

export type AnomalyFinding = Omit<FeatureAnomalyTable, 'student_id' | 'week_start' | 'run_id'>;

export interface AnomalyInput {
  value: number;
  /** The feature in the student's earlier school weeks (no nulls). */
  history: readonly number[];
  /** The cohort that week, the student included. */
  cohort: RobustSummary | null;
  gradeLevel: number;
}

const gradeName = (grade: number) =>
  grade === 0 ? 'kindergarten' : grade < 0 ? 'pre-kindergarten' : `grade ${grade}`;

export function detectAnomaly(spec: AnomalySpec, input: AnomalyInput): AnomalyFinding | null {
  if (input.history.length < ANOMALY_RULES.minHistoryWeeks) return null;
  const sign = spec.direction === 'drop' ? -1 : 1;
  // The scale is at least minScale, so a change smaller than ownZ × minScale can never count:
  // most student-weeks stop here, before the MAD is worked out.
  const center = median(input.history)!;
  if (sign * (input.value - center) < ANOMALY_RULES.ownZ * spec.minScale) return null;
  const own = summarise(input.history)!;
  const ownZ = robustZ(input.value, own, spec.minScale);
  if (sign * ownZ < ANOMALY_RULES.ownZ) return null;
  const cohortZ =
    input.cohort && input.cohort.n >= ANOMALY_RULES.minCohort
      ? robustZ(input.value, input.cohort, spec.minScale)
      : null;
  if (cohortZ !== null && sign * cohortZ < ANOMALY_RULES.cohortZ) return null;

  const f = spec.format;
  let explanation = `${spec.label} ${f(input.value)}, usually ${f(own.median)}`;
  if (cohortZ !== null) {
    explanation += `; classmates in ${gradeName(input.gradeLevel)} typically ${f(input.cohort!.median)}`;
  }
  return {
    feature: spec.feature,
    value: input.value,
    own_baseline: own.median,
    own_z: ownZ,
    cohort_median: input.cohort?.median ?? null,
    cohort_z: cohortZ,
    direction: spec.direction,
    explanation: explanation.charAt(0).toUpperCase() + explanation.slice(1) + '.',
  };
}
