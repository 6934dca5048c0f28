/**
 * The model's inputs: which columns of `student_features` a risk model reads, how each is
 * turned into a number, and how it is described to a person. Training (main/training) and
 * scoring (main/risk) both use this one list, so a model can never be fed columns in a
 * different order than it was trained on: a model version stores the keys it was trained
 * with, and scoring refuses a model whose keys are not all listed here.
 *
 * Protected attributes (demographics) are deliberately absent; see DOMAIN.md.
 */
import type { Selectable } from 'kysely';
import type { StudentFeatureTable } from '../../db/schema';

export type FeatureRow = Selectable<StudentFeatureTable>;

/** The indicator family a feature belongs to: the "ABC" plus engagement and assessments. */
export type FeatureGroup =
  'attendance' | 'behaviour' | 'grades' | 'assignments' | 'engagement' | 'assessments' | 'context';

/** How a value is written in a sentence. */
export type FeatureFormat = 'percent' | 'count' | 'grade' | 'gpa' | 'points' | 'minutes';

export interface FeatureSpec {
  key: string;
  /** Plain words, e.g. "attendance over the last 4 weeks". */
  label: string;
  group: FeatureGroup;
  format: FeatureFormat;
  /** +1 when a higher value means more risk (absences), −1 when less (attendance rate). */
  riskDirection: 1 | -1;
  /** The value for one student-week; null when it does not exist yet (no grades posted). */
  read(row: FeatureRow): number | null;
}

function perEnrolledDay(count: number, days: number): number | null {
  return days > 0 ? count / days : null;
}

export const FEATURES: readonly FeatureSpec[] = [
  {
    key: 'attendance_rate_week',
    label: 'attendance this week',
    group: 'attendance',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.attendance_rate_week,
  },
  {
    key: 'attendance_rate_4wk',
    label: 'attendance over the last 4 weeks',
    group: 'attendance',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.attendance_rate_4wk,
  },
  {
    key: 'attendance_rate_ytd',
    label: 'attendance this school year',
    group: 'attendance',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.attendance_rate_ytd,
  },
  {
    key: 'attendance_trend',
    label: 'change in attendance over the last 4 weeks',
    group: 'attendance',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.attendance_trend,
  },
  {
    key: 'unexcused_rate_ytd',
    label: 'unexcused absences (share of school days)',
    group: 'attendance',
    format: 'percent',
    riskDirection: 1,
    read: (r) => perEnrolledDay(r.unexcused_absences_ytd, r.days_enrolled_ytd),
  },
  {
    key: 'tardies_week',
    label: 'tardies this week',
    group: 'attendance',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.tardies_week,
  },
  {
    key: 'incident_days_week',
    label: 'days with a discipline incident this week',
    group: 'behaviour',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.incident_days_week,
  },
  {
    key: 'incident_rate_ytd',
    label: 'school days with a discipline incident',
    group: 'behaviour',
    format: 'percent',
    riskDirection: 1,
    read: (r) => perEnrolledDay(r.incident_days_ytd, r.days_enrolled_ytd),
  },
  {
    key: 'suspensions_ytd',
    label: 'suspensions this school year',
    group: 'behaviour',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.suspensions_ytd,
  },
  {
    key: 'lowest_grade',
    label: 'lowest current course grade',
    group: 'grades',
    format: 'grade',
    riskDirection: -1,
    read: (r) => r.lowest_grade,
  },
  {
    key: 'failing_sections',
    label: 'courses currently failing',
    group: 'grades',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.failing_sections,
  },
  {
    key: 'gpa',
    label: 'GPA',
    group: 'grades',
    format: 'gpa',
    riskDirection: -1,
    read: (r) => r.gpa,
  },
  {
    key: 'missing_rate_ytd',
    label: 'assignments missing this school year',
    group: 'assignments',
    format: 'percent',
    riskDirection: 1,
    read: (r) => r.missing_rate_ytd,
  },
  {
    key: 'late_rate_ytd',
    label: 'assignments turned in late this school year',
    group: 'assignments',
    format: 'percent',
    riskDirection: 1,
    read: (r) => r.late_rate_ytd,
  },
  {
    key: 'missing_4wk',
    label: 'missing assignments in the last 4 weeks',
    group: 'assignments',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.missing_4wk,
  },
  {
    key: 'lms_active_days_week',
    label: 'days active in the learning platform this week',
    group: 'engagement',
    format: 'count',
    riskDirection: -1,
    read: (r) => r.lms_active_days_week,
  },
  {
    key: 'lms_minutes_week',
    label: 'minutes in the learning platform this week',
    group: 'engagement',
    format: 'minutes',
    riskDirection: -1,
    read: (r) => r.lms_minutes_week,
  },
  {
    key: 'on_time_submissions_week',
    label: 'assignments submitted on time this week',
    group: 'engagement',
    format: 'count',
    riskDirection: -1,
    read: (r) => r.on_time_submissions_week,
  },
  {
    key: 'assessment_avg',
    label: 'assessment average',
    group: 'assessments',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.assessment_avg,
  },
  {
    key: 'assessment_trend',
    label: 'change in assessment scores',
    group: 'assessments',
    format: 'percent',
    riskDirection: -1,
    read: (r) => r.assessment_trend,
  },
  {
    key: 'grade_level',
    label: 'grade level',
    group: 'context',
    format: 'count',
    riskDirection: 1,
    read: (r) => r.grade_level,
  },
];

export const FEATURE_KEYS: readonly string[] = FEATURES.map((f) => f.key);

const BY_KEY = new Map(FEATURES.map((f) => [f.key, f]));

export function featureSpec(key: string): FeatureSpec | undefined {
  return BY_KEY.get(key);
}

/**
 * What a trained model needs to turn raw student-weeks into its input: the feature keys in
 * order, and the training set's mean and standard deviation of each (missing values become
 * the mean, i.e. 0 after standardising). Stored with every model version.
 */
export interface FeatureSchema {
  /** Feature keys, in the order of the input's last axis. */
  keys: string[];
  means: number[];
  stds: number[];
  /** Weeks per sequence (the input's middle axis); the last week is the scoring week. */
  weeks: number;
}

/** The model input for a batch of students: weekly sequences, oldest week first. */
export interface SequenceBatch {
  /** Standardised features, row-major [n, weeks, keys.length]. */
  x: Float32Array;
  /** 1 where the week exists for the student, 0 for padding before their first week, [n, weeks]. */
  mask: Float32Array;
  n: number;
  weeks: number;
  features: number;
}

/** Reads one student-week in schema order, raw (null → NaN). */
export function rawVector(row: FeatureRow, keys: readonly string[]): Float64Array {
  const out = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const spec = BY_KEY.get(key);
    if (!spec) throw new Error(`Unknown feature "${key}".`);
    const v = spec.read(row);
    out[i] = v === null || !Number.isFinite(v) ? Number.NaN : v;
  });
  return out;
}

/** Mean and standard deviation per feature over many raw vectors, ignoring missing values. */
export function fitStandardiser(
  vectors: Iterable<Float64Array>,
  keys: readonly string[],
  weeks: number,
): FeatureSchema {
  const k = keys.length;
  const n = new Float64Array(k);
  const sum = new Float64Array(k);
  const sumSq = new Float64Array(k);
  for (const v of vectors) {
    for (let i = 0; i < k; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) continue;
      n[i]!++;
      sum[i]! += x;
      sumSq[i]! += x * x;
    }
  }
  const means: number[] = [];
  const stds: number[] = [];
  for (let i = 0; i < k; i++) {
    const mean = n[i]! > 0 ? sum[i]! / n[i]! : 0;
    const variance = n[i]! > 1 ? Math.max(0, sumSq[i]! / n[i]! - mean * mean) : 0;
    means.push(mean);
    // A constant feature carries no information; a std of 1 keeps it at 0 instead of dividing by 0.
    stds.push(variance > 1e-12 ? Math.sqrt(variance) : 1);
  }
  return { keys: [...keys], means, stds, weeks };
}

/**
 * Builds the model input from each student's weeks (oldest first, at most `schema.weeks`
 * used: the latest ones). Missing values become 0, the training mean.
 */
export function toSequenceBatch(
  students: readonly (readonly FeatureRow[])[],
  schema: FeatureSchema,
): SequenceBatch {
  const { weeks, keys } = schema;
  const f = keys.length;
  const n = students.length;
  const x = new Float32Array(n * weeks * f);
  const mask = new Float32Array(n * weeks);
  students.forEach((rows, s) => {
    const used = rows.slice(-weeks);
    const pad = weeks - used.length;
    used.forEach((row, j) => {
      const t = pad + j;
      mask[s * weeks + t] = 1;
      const raw = rawVector(row, keys);
      const base = (s * weeks + t) * f;
      for (let i = 0; i < f; i++) {
        const v = raw[i]!;
        x[base + i] = Number.isNaN(v) ? 0 : (v - schema.means[i]!) / schema.stds[i]!;
      }
    });
  });
  return { x, mask, n, weeks, features: f };
}
