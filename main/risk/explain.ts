/**
 * Turns a score's occlusion deltas into sentences a counselor can check against the record:
 * each names the indicator, the student's own number now, where it was four weeks earlier,
 * and (for the grade features) the courses behind it.
 */
import type { RiskFactor } from '../../db/schema';
import { featureSpec, type FeatureFormat, type FeatureRow } from '../training/features';

/**
 * Deltas are in log-odds: a score near 0 or 1 barely moves in probability when one feature is
 * averaged out, yet the feature still weighs as much. Below 0.05 (about 1 point at 50%) a
 * factor is noise, not a reason.
 */
export const MIN_FACTOR_DELTA = 0.05;
export const MAX_FACTORS = 4;

export function formatValue(value: number, format: FeatureFormat): string {
  switch (format) {
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'grade':
      return `${Math.round(value)}%`;
    case 'gpa':
      return value.toFixed(1);
    case 'minutes':
      return `${Math.round(value)} minutes`;
    case 'count':
    case 'points':
      return String(Math.round(value * 10) / 10);
  }
}

/** Signed change, e.g. "down 15 points" for rates, "up 2" for counts. */
function change(now: number, before: number, format: FeatureFormat): string | null {
  const diff = now - before;
  const scaled = format === 'percent' ? diff * 100 : diff;
  if (Math.abs(scaled) < 0.5) return null;
  return `${diff < 0 ? 'down' : 'up'} from ${formatValue(before, format)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Course names for the grade features: "Algebra I (54%)". */
export type CourseNames = (sectionId: string) => string | undefined;

function failingCourses(row: FeatureRow, courseOf: CourseNames, below = 60): string[] {
  const grades = JSON.parse(row.section_grades_json) as {
    sectionId: string;
    grade: number | null;
  }[];
  return grades
    .filter((g) => g.grade !== null && g.grade < below)
    .sort((a, b) => a.grade! - b.grade!)
    .map((g) => `${courseOf(g.sectionId) ?? 'a course'} (${Math.round(g.grade!)}%)`);
}

/**
 * One sentence for one feature of one student: `row` is the scored week, `before` the
 * student's week four weeks earlier (null when they have none).
 */
export function sentenceFor(
  key: string,
  row: FeatureRow,
  before: FeatureRow | null,
  courseOf: CourseNames,
): string | null {
  const spec = featureSpec(key);
  if (!spec) return null;
  const now = spec.read(row);
  if (now === null) return null;
  const earlier = before ? spec.read(before) : null;

  if (key === 'failing_sections' || key === 'lowest_grade') {
    const courses = failingCourses(row, courseOf, key === 'lowest_grade' ? 70 : 60);
    if (key === 'failing_sections' && courses.length > 0) {
      return `Failing ${courses.length === 1 ? 'a course' : `${courses.length} courses`}: ${courses.join(', ')}.`;
    }
    if (key === 'lowest_grade' && courses.length > 0) {
      return `Lowest current grade: ${courses[0]}.`;
    }
  }
  if (key === 'attendance_trend') {
    const points = Math.round(now * 100);
    if (points === 0) return null;
    return `Attendance ${points < 0 ? 'fell' : 'rose'} by ${Math.abs(points)} points over the last 4 weeks compared with the 4 weeks before.`;
  }
  if (key === 'assessment_trend') {
    const points = Math.round(now * 100);
    if (points === 0) return null;
    return `Assessment scores ${points < 0 ? 'fell' : 'rose'} by ${Math.abs(points)} points.`;
  }
  const moved = earlier === null ? null : change(now, earlier, spec.format);
  return `${capitalise(spec.label)}: ${formatValue(now, spec.format)}${moved ? `, ${moved} four weeks earlier` : ''}.`;
}

/**
 * The factors worth telling: features whose own values raise the score by at least a point,
 * largest first, each with its sentence. Context features (grade level) are not reasons a
 * school can act on, so they are never listed.
 */
export function explainScore(
  deltas: readonly { feature: string; delta: number }[],
  row: FeatureRow,
  before: FeatureRow | null,
  courseOf: CourseNames,
): RiskFactor[] {
  const out: RiskFactor[] = [];
  for (const { feature, delta } of [...deltas].sort((a, b) => b.delta - a.delta)) {
    if (out.length >= MAX_FACTORS || delta < MIN_FACTOR_DELTA) break;
    if (featureSpec(feature)?.group === 'context') continue;
    const sentence = sentenceFor(feature, row, before, courseOf);
    if (sentence) out.push({ feature, delta: Math.round(delta * 1000) / 1000, sentence });
  }
  return out;
}
