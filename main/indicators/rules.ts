/**
 * The transparent early-warning rules (EWIMS / ABC, DOMAIN.md) as pure functions,
 * so the flags a counselor sees can be checked by hand.
 */
import type { AttendanceTier } from '../../db/schema';
import type { Thresholds } from './thresholds';

// Comparing shares of whole days: a tolerance keeps 18/180 from missing 10% by float error.
const EPSILON = 1e-9;

export function attendanceRate(daysAbsent: number, daysEnrolled: number): number | null {
  return daysEnrolled > 0 ? (daysEnrolled - daysAbsent) / daysEnrolled : null;
}

/** Missing at least the threshold share (10%) of enrolled days, for any reason. */
export function isChronicallyAbsent(
  daysAbsent: number,
  daysEnrolled: number,
  t: Thresholds,
): boolean {
  return daysEnrolled > 0 && daysAbsent / daysEnrolled >= t.chronicAbsence - EPSILON;
}

export function attendanceTier(rate: number | null, t: Thresholds): AttendanceTier | null {
  if (rate === null) return null;
  if (rate >= t.tierOnTrack - EPSILON) return 'on_track';
  if (rate >= t.tierOnTrackGraduation - EPSILON) return 'on_track_graduation';
  if (rate >= t.tierAtRisk - EPSILON) return 'at_risk';
  return 'critical';
}

export function letterFor(numeric: number, t: Thresholds): string {
  if (numeric >= 90) return 'A';
  if (numeric >= 80) return 'B';
  if (numeric >= 70) return 'C';
  if (numeric >= t.failingGrade) return 'D';
  return 'F';
}

const POINTS: Record<string, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };

/** Grade points for a mark; the letter wins when the SIS sent one (plus/minus ignored). */
export function gradePoints(
  mark: { letter: string | null; numeric: number | null },
  t: Thresholds,
): number | null {
  const letter = mark.letter?.trim().charAt(0).toUpperCase();
  if (letter && letter in POINTS) return POINTS[letter]!;
  return mark.numeric === null ? null : POINTS[letterFor(mark.numeric, t)]!;
}

export function isFailing(
  mark: { letter: string | null; numeric: number | null },
  t: Thresholds,
): boolean {
  return gradePoints(mark, t) === 0;
}

/** Credit-weighted GPA on a 4-point scale, or null with no graded courses. */
export function gpa(marks: { points: number | null; credits: number }[]): number | null {
  let points = 0;
  let credits = 0;
  for (const m of marks) {
    if (m.points === null) continue;
    points += m.points * m.credits;
    credits += m.credits;
  }
  return credits > 0 ? points / credits : null;
}

export function isLowGpa(value: number | null, t: Thresholds): boolean {
  return value !== null && value <= t.lowGpa + EPSILON;
}

/**
 * Chicago freshman on-track, pro-rated to the semesters completed so far: off track with
 * more than one core-course semester F, or fewer credits than the pace to reach the target.
 */
export function isOffTrack(
  input: { creditsEarned: number; coreSemesterFailures: number; semestersCompleted: number },
  t: Thresholds,
): boolean {
  const creditsNeeded = (t.onTrackCredits * Math.min(input.semestersCompleted, 2)) / 2;
  return input.coreSemesterFailures > 1 || input.creditsEarned < creditsNeeded - EPSILON;
}
