import { LATENT } from './parameters';
import type { Rng } from './prng';

/**
 * The hidden state that drives every observable row for one student.
 *
 * risk[t] = stable + school + grade + drift[t], where drift is a weekly AR(1) with occasional
 * decline shocks (a family crisis, a move) and recoveries. Attendance, behaviour, coursework and
 * LMS engagement each read risk[t] plus a stable domain offset, so the ABC indicators correlate
 * the way they do in real data without being copies of one another, and a student whose drift
 * jumps in week 20 shows it first in attendance, then in missing work, then in grades.
 */
export interface StudentLatent {
  /** Economic disadvantage (standard normal); its sign is the FRL flag. */
  disadvantage: number;
  /** Stable risk, correlated with disadvantage (LATENT.disadvantageCorrelation). */
  stable: number;
  attendance: number;
  behaviour: number;
  academic: number;
  engagement: number;
  /** Common risk for each week of the school year (Monday-based weeks from the first day). */
  weekly: Float64Array;
}

export function drawStudentLatent(
  rng: Rng,
  schoolEffect: number,
  grade: number,
  weeks: number,
): StudentLatent {
  const rho = LATENT.disadvantageCorrelation;
  const disadvantage = rng.normal();
  const stable = rho * disadvantage + Math.sqrt(1 - rho * rho) * rng.normal();
  const base = stable + schoolEffect + (LATENT.gradeEffect[grade] ?? 0);

  const { phi, innovationSd, initialSd } = LATENT.drift;
  const decline = LATENT.declineShock;
  const recovery = LATENT.recoveryShock;
  const weekly = new Float64Array(weeks);
  let drift = rng.normal(0, initialSd);
  for (let t = 0; t < weeks; t++) {
    if (t > 0) drift = phi * drift + rng.normal(0, innovationSd);
    if (rng.chance(decline.weeklyProbability))
      drift += Math.abs(rng.normal(decline.mean, decline.sd));
    if (drift > recovery.threshold && rng.chance(recovery.weeklyProbability)) {
      drift -= Math.abs(rng.normal(recovery.mean, recovery.sd));
    }
    weekly[t] = base + drift;
  }
  const sd = LATENT.domainSd;
  return {
    disadvantage,
    stable,
    attendance: rng.normal(0, sd.attendance),
    behaviour: rng.normal(0, sd.behaviour),
    academic: rng.normal(0, sd.academic),
    engagement: rng.normal(0, sd.engagement),
    weekly,
  };
}

export function riskAt(latent: StudentLatent, week: number): number {
  const w = Math.min(Math.max(week, 0), latent.weekly.length - 1);
  return latent.weekly[w] as number;
}

const { loadings } = LATENT;

export function attendanceRisk(latent: StudentLatent, week: number): number {
  return loadings.attendance * riskAt(latent, week) + latent.attendance;
}

export function behaviourRisk(latent: StudentLatent, week: number): number {
  return loadings.behaviour * riskAt(latent, week) + latent.behaviour;
}

export function academicRisk(latent: StudentLatent, week: number): number {
  return loadings.academic * riskAt(latent, week) + latent.academic;
}

export function engagementRisk(latent: StudentLatent, week: number): number {
  return loadings.engagement * riskAt(latent, week) + latent.engagement;
}
