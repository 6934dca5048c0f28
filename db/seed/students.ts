import { dayNumber, type SchoolCalendar } from './calendar';
import { drawDemographics, type DemographicFields } from './demographics';
import type { SchoolPlan } from './district-plan';
import { drawStudentLatent, type StudentLatent } from './latent-risk';
import { personName, type PersonName } from './names';
import { ENROLLMENT } from './parameters';
import { Rng } from './prng';

export interface StudentProfile {
  /** Position within the school. */
  index: number;
  /** District-wide sequence number (1-based): `stu-000123`, student number 100123. */
  seq: number;
  grade: number;
  name: PersonName;
  birthDay: number;
  entryDay: number;
  demographics: DemographicFields;
  latent: StudentLatent;
  /**
   * This student's own random stream. Every later step (attendance, coursework, LMS) draws from
   * it in a fixed order, so one student's draws never depend on how many other students exist.
   */
  rng: Rng;
}

export function drawStudents(
  seed: number,
  school: SchoolPlan,
  calendar: SchoolCalendar,
  schoolEffect: number,
  firstSeq: number,
): StudentProfile[] {
  const lateFrom = dayNumber(ENROLLMENT.lateEntryWindow.from);
  const lateTo = dayNumber(ENROLLMENT.lateEntryWindow.to);
  const lateDays = calendar.instructionalDays.filter((d) => d >= lateFrom && d <= lateTo);
  const profiles: StudentProfile[] = [];
  for (const [grade, count] of school.grades) {
    for (let i = 0; i < count; i++) {
      const seq = firstSeq + profiles.length;
      const rng = Rng.derive(seed, 'student', seq);
      const latent = drawStudentLatent(rng, schoolEffect, grade, calendar.weekCount);
      const demographics = drawDemographics(rng, latent.disadvantage);
      const name = personName(rng, demographics.sex === 'male' ? 'male' : 'female');
      // Age on 1 September is grade + 5; about 4% were held back a year at some point.
      const age = grade + 5 + (rng.chance(0.04) ? 1 : 0);
      const latestBirth = dayNumber(`${2025 - age}-09-01`);
      const birthDay = latestBirth - rng.int(0, 364);
      const entryDay = rng.chance(ENROLLMENT.lateEntrantShare)
        ? rng.pick(lateDays)
        : calendar.first;
      profiles.push({
        index: profiles.length,
        seq,
        grade,
        name,
        birthDay,
        entryDay,
        demographics,
        latent,
        rng,
      });
    }
  }
  return profiles;
}
