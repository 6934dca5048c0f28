import { schoolName } from './names';

export type SchoolKind = 'middle' | 'high';

export interface SchoolPlan {
  /** 1-based position in the district, used in readable source ids (`sch-01`). */
  number: number;
  kind: SchoolKind;
  name: string;
  gradeLow: number;
  gradeHigh: number;
  /** [grade, student count] for each grade the school serves. */
  grades: [number, number][];
  students: number;
}

/**
 * Relative cohort sizes by grade: flat through 9th grade (a slight 9th-grade bulge from
 * retention), then shrinking as students leave high school, as in NCES enrollment tables.
 */
const GRADE_WEIGHTS: [number, number][] = [
  [6, 1.0],
  [7, 1.0],
  [8, 1.0],
  [9, 1.06],
  [10, 1.0],
  [11, 0.95],
  [12, 0.9],
];

export const MIN_STUDENTS = 20;
const STUDENTS_PER_SCHOOL = 1000;
const MIDDLE_SHARE_OF_SCHOOLS = 0.4;

/**
 * Splits `students` over middle (6–8) and high (9–12) schools of about 1,000 students each,
 * never fewer than one of each; grades split by `GRADE_WEIGHTS` (~43% middle, ~57% high).
 */
export function planDistrict(students: number): SchoolPlan[] {
  if (!Number.isInteger(students) || students < MIN_STUDENTS) {
    throw new RangeError(`students must be an integer ≥ ${MIN_STUDENTS} (got ${students})`);
  }
  const schoolCount = Math.max(2, Math.round(students / STUDENTS_PER_SCHOOL));
  const middleCount = Math.max(1, Math.round(schoolCount * MIDDLE_SHARE_OF_SCHOOLS));
  const highCount = Math.max(1, schoolCount - middleCount);

  const gradeCounts = largestRemainder(
    students,
    GRADE_WEIGHTS.map(([, w]) => w),
  );
  const plans: SchoolPlan[] = [];
  const build = (kind: SchoolKind, count: number, low: number, high: number) => {
    const perSchool: [number, number][][] = Array.from({ length: count }, () => []);
    GRADE_WEIGHTS.forEach(([grade], gi) => {
      if (grade < low || grade > high) return;
      const split = largestRemainder(gradeCounts[gi] ?? 0, new Array<number>(count).fill(1));
      split.forEach((n, si) => perSchool[si]?.push([grade, n]));
    });
    perSchool.forEach((grades, i) => {
      plans.push({
        number: plans.length + 1,
        kind,
        name: schoolName(i, kind),
        gradeLow: low,
        gradeHigh: high,
        grades,
        students: grades.reduce((sum, [, n]) => sum + n, 0),
      });
    });
  };
  build('middle', middleCount, 6, 8);
  build('high', highCount, 9, 12);
  return plans;
}

/** Integer shares of `total` proportional to `weights` that add up exactly to `total`. */
function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
