/**
 * Why a student scored as they did: occlusion deltas from the model itself (how much each
 * feature's own values raised the score), turned into sentences a counselor can check against
 * the record: each names the indicator, the student's own number now, where it was four weeks
 * earlier, and (for the grade features) the courses behind it.
 */
import type { Message, RiskFactor } from '../../db/schema';
import { message, wordMessage } from '../i18n/messages';
import {
  featureSpec,
  type FeatureFormat,
  type FeatureRow,
  type SequenceBatch,
} from '../training/features';
import type { RiskSession } from './session';

/**
 * Deltas are in log-odds: a score near 0 or 1 barely moves in probability when one feature is
 * averaged out, yet the feature still weighs as much. Below 0.05 (about 1 point at 50%) a
 * factor is noise, not a reason.
 */
export const MIN_FACTOR_DELTA = 0.05;
export const MAX_FACTORS = 4;

/** A feature's value as a reason quotes it: "81%", "2.3", "45 minutes" (a message). */
export function formatValue(value: number, format: FeatureFormat): string | Message {
  switch (format) {
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'grade':
      return `${Math.round(value)}%`;
    case 'gpa':
      return value.toFixed(1);
    case 'minutes':
      return message('reasons.minutes', { count: Math.round(value) });
    case 'count':
    case 'points':
      return String(Math.round(value * 10) / 10);
  }
}

/** Which way a value moved, when it moved enough to say so (half a point or more). */
function direction(now: number, before: number, format: FeatureFormat): 'down' | 'up' | null {
  const diff = now - before;
  const scaled = format === 'percent' ? diff * 100 : diff;
  if (Math.abs(scaled) < 0.5) return null;
  return diff < 0 ? 'down' : 'up';
}

/** Course names for the grade features: "Algebra I (54%)". */
export type CourseNames = (sectionId: string) => string | undefined;

export interface SectionGrade {
  sectionId: string;
  grade: number | null;
}

/** What the sentences read of one student-week. */
export interface StudentWeek {
  /** A feature's value as its FeatureSpec reads it; null when missing. */
  value(key: string): number | null;
  /** The week's grade per section; asked for only by the grade features' sentences. */
  sectionGrades(): SectionGrade[];
}

/** A student_features row as a StudentWeek. */
export function rowWeek(row: FeatureRow): StudentWeek {
  return {
    value: (key) => featureSpec(key)?.read(row) ?? null,
    sectionGrades: () => JSON.parse(row.section_grades_json) as SectionGrade[],
  };
}

function failingCourses(week: StudentWeek, courseOf: CourseNames, below = 60): Message[] {
  return week
    .sectionGrades()
    .filter((g) => g.grade !== null && g.grade < below)
    .sort((a, b) => a.grade! - b.grade!)
    .map((g) =>
      message('reasons.courseGrade', {
        course: courseOf(g.sectionId) ?? message('reasons.aCourse'),
        grade: `${Math.round(g.grade!)}%`,
      }),
    );
}

/** "Algebra I (54%), English 9 (52%)": course names are data, the same in every language. */
function listed(courses: Message[]): string {
  return courses.map((c) => wordMessage(c)).join(', ');
}

/**
 * One reason for one feature of one student, as a message: `week` is the scored week, `before`
 * the student's week four weeks earlier (null when they have none).
 */
export function reasonFor(
  key: string,
  week: StudentWeek,
  before: StudentWeek | null,
  courseOf: CourseNames,
): Message | null {
  const spec = featureSpec(key);
  if (!spec) return null;
  const now = week.value(key);
  if (now === null) return null;
  const earlier = before ? before.value(key) : null;

  if (key === 'failing_sections' || key === 'lowest_grade') {
    const courses = failingCourses(week, courseOf, key === 'lowest_grade' ? 70 : 60);
    if (key === 'failing_sections' && courses.length > 0) {
      return message('reasons.failing', { count: courses.length, courses: listed(courses) });
    }
    if (key === 'lowest_grade' && courses.length > 0) {
      return message('reasons.lowestGrade', { course: courses[0]! });
    }
  }
  if (key === 'attendance_trend' || key === 'assessment_trend') {
    const points = Math.round(now * 100);
    if (points === 0) return null;
    const what = key === 'attendance_trend' ? 'attendance' : 'assessments';
    return message(`reasons.${what}${points < 0 ? 'Fell' : 'Rose'}`, { points: Math.abs(points) });
  }
  const feature = message(`features.${key}` as never);
  const value = formatValue(now, spec.format);
  const moved = earlier === null ? null : direction(now, earlier, spec.format);
  if (!moved || earlier === null) return message('reasons.value', { feature, value });
  return message(moved === 'down' ? 'reasons.valueDown' : 'reasons.valueUp', {
    feature,
    value,
    before: formatValue(earlier, spec.format),
  });
}

/** The same reason in English words (what scores store as `sentence`). */
export function sentenceFor(
  key: string,
  week: StudentWeek,
  before: StudentWeek | null,
  courseOf: CourseNames,
): string | null {
  const reason = reasonFor(key, week, before, courseOf);
  return reason ? wordMessage(reason) : null;
}

/**
 * The factors worth telling: features whose own values raise the score by at least a point,
 * largest first, each with its sentence. Context features (grade level) are not reasons a
 * school can act on, so they are never listed.
 */
export function explainScore(
  deltas: readonly { feature: string; delta: number }[],
  week: StudentWeek,
  before: StudentWeek | null,
  courseOf: CourseNames,
): RiskFactor[] {
  const out: RiskFactor[] = [];
  for (const { feature, delta } of [...deltas].sort((a, b) => b.delta - a.delta)) {
    if (out.length >= MAX_FACTORS || delta < MIN_FACTOR_DELTA) break;
    if (featureSpec(feature)?.group === 'context') continue;
    const reason = reasonFor(feature, week, before, courseOf);
    if (reason) {
      out.push({
        feature,
        delta: Math.round(delta * 1000) / 1000,
        sentence: wordMessage(reason),
        message: reason,
      });
    }
  }
  return out;
}

/** Sequences per ONNX run when occluding: larger runs cost less per sequence, to a point. */
export const OCCLUSION_BATCH = 4096;

/**
 * Occlusion: each feature in turn set to the training average (0 once standardised) in every
 * week; how far the score's log-odds fall is how much the student's own value raised it.
 * Returns [n × features] deltas. Two kinds are not run through the model: context features
 * (never listed as reasons; NaN) and features already at the average in every week, whose
 * occluded input is the input itself (0): three of the 21 in the demo district, which has no
 * assessment results.
 */
export async function occlusionDeltas(
  session: RiskSession,
  base: SequenceBatch,
  scores: ArrayLike<number>,
  keys: readonly string[],
  options: { check?: () => void; onDone?: (students: number) => void } = {},
): Promise<Float64Array> {
  const { n, weeks, features: f } = base;
  const stride = weeks * f;
  const deltas = new Float64Array(n * f);
  const occluded = keys.map((k) => featureSpec(k)?.group !== 'context');
  const x = new Float32Array(OCCLUSION_BATCH * stride);
  const mask = new Float32Array(OCCLUSION_BATCH * weeks);
  // Which (student, feature) each sequence of the pending batch answers for.
  const owner = new Int32Array(OCCLUSION_BATCH);
  const feature = new Int32Array(OCCLUSION_BATCH);
  let pending = 0;
  const flush = async () => {
    options.check?.();
    const { risk } = await session.run({
      x: x.subarray(0, pending * stride),
      mask: mask.subarray(0, pending * weeks),
      n: pending,
      weeks,
      features: f,
    });
    for (let j = 0; j < pending; j++) {
      const s = owner[j]!;
      deltas[s * f + feature[j]!] = logit(scores[s]!) - logit(risk[j]!);
    }
    pending = 0;
  };
  for (let s = 0; s < n; s++) {
    const seq = base.x.subarray(s * stride, (s + 1) * stride);
    const seqMask = base.mask.subarray(s * weeks, (s + 1) * weeks);
    for (let k = 0; k < f; k++) {
      if (!occluded[k]) {
        deltas[s * f + k] = Number.NaN;
        continue;
      }
      let atAverage = true;
      for (let t = 0; t < weeks && atAverage; t++) atAverage = seq[t * f + k] === 0;
      if (atAverage) continue;
      const at = pending * stride;
      x.set(seq, at);
      for (let t = 0; t < weeks; t++) x[at + t * f + k] = 0;
      mask.set(seqMask, pending * weeks);
      owner[pending] = s;
      feature[pending] = k;
      if (++pending === OCCLUSION_BATCH) {
        await flush();
        options.onDone?.(s);
      }
    }
  }
  if (pending > 0) await flush();
  options.onDone?.(n);
  return deltas;
}

/** Log-odds, clamped so a score of exactly 0 or 1 stays finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
}
