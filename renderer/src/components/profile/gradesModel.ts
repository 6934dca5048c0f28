import type { GradingPeriod, ProfileGrades } from '../../api/types';

export const FAILING_GRADE = 60;

export type Mark = ProfileGrades[number]['marks'][number];

/** One course across the year: its sections (e.g. fall and spring) joined into one row. */
export interface CourseGrades {
  key: string;
  courseTitle: string;
  subject: string;
  teachers: string[];
  /** Grading-period marks by grading period id. */
  byPeriod: Map<string, Mark>;
  /** Final marks, and marks for periods the profile does not list (e.g. semesters). */
  finals: Mark[];
}

export function isFailingMark(mark: Mark): boolean {
  if (mark.letter) return mark.letter.trim().toUpperCase().startsWith('F');
  return mark.numericGrade !== null && mark.numericGrade < FAILING_GRADE;
}

/** Grading periods in calendar order. */
export function sortedPeriods(periods: GradingPeriod[]): GradingPeriod[] {
  return [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** Sections of the same course (same title and subject) become one course row. */
export function groupByCourse(grades: ProfileGrades, periods: GradingPeriod[]): CourseGrades[] {
  const known = new Set(periods.map((p) => p.id));
  const courses = new Map<string, CourseGrades>();
  for (const section of grades) {
    const key = `${section.subject}|${section.courseTitle}`;
    let course = courses.get(key);
    if (!course) {
      course = {
        key,
        courseTitle: section.courseTitle,
        subject: section.subject,
        teachers: [],
        byPeriod: new Map(),
        finals: [],
      };
      courses.set(key, course);
    }
    if (section.teacherName && !course.teachers.includes(section.teacherName)) {
      course.teachers.push(section.teacherName);
    }
    for (const mark of section.marks) {
      if (!mark.isFinal && known.has(mark.gradingPeriodId)) {
        course.byPeriod.set(mark.gradingPeriodId, mark);
      } else {
        course.finals.push(mark);
      }
    }
  }
  return [...courses.values()];
}

/** Periods that have at least one mark. */
export function periodsWithMarks(
  courses: CourseGrades[],
  periods: GradingPeriod[],
): GradingPeriod[] {
  return sortedPeriods(periods).filter((p) => courses.some((c) => c.byPeriod.has(p.id)));
}
