import type { SubmissionStatus } from '../schema';
import { DAY, type SchoolDays } from './attendance';
import { localMs, weekIndex, type SchoolCalendar, type Semester, type Term } from './calendar';
import type { CourseSpec } from './catalog';
import { academicRisk } from './latent-risk';
import { COURSEWORK } from './parameters';
import { clamp, sigmoid } from './prng';
import type { StudentProfile } from './students';

export interface AssignmentPlan {
  id: string;
  /** Readable key for source ids: section key + sequence. */
  key: string;
  due: number;
  points: number;
  quarter: number;
}

export interface SectionRuntime {
  id: string;
  /** Readable key for source ids: school, course code, semester letter, section number. */
  key: string;
  course: CourseSpec;
  semester: Semester;
  semesterId: string;
  /** Ids of the semester's two quarter grading periods, in order. */
  quarterIds: string[];
  /** The teacher's grading leniency, shared by everyone in the section. */
  leniency: number;
  assignments: AssignmentPlan[];
}

export interface EnrollmentWindow {
  section: SectionRuntime;
  begin: number;
  end: number;
}

export interface SubmissionDraft {
  assignment: AssignmentPlan;
  status: SubmissionStatus;
  submittedDay: number | null;
  submittedAt: number | null;
  score: number | null;
}

export interface GradeDraft {
  section: SectionRuntime;
  gradingPeriodId: string;
  /** `q1`..`q4` for progress grades, `final` for the semester grade. */
  periodKey: string;
  periodEnd: number;
  isFinal: boolean;
  numeric: number;
  letter: string;
}

export interface Coursework {
  submissions: SubmissionDraft[];
  grades: GradeDraft[];
}

export function letterFor(numeric: number): string {
  return numeric >= 90
    ? 'A'
    : numeric >= 80
      ? 'B'
      : numeric >= 70
        ? 'C'
        : numeric >= 60
          ? 'D'
          : 'F';
}

const expectedScore = (risk: number) =>
  clamp(COURSEWORK.mastery.intercept + COURSEWORK.mastery.slope * risk, 0.05, 1);

/**
 * Gradebook and report card for one student. Each assignment's status and score read the
 * student's academic risk in the week it is due (plus the course's difficulty and the student's
 * fit with that course), so a mid-year decline shows up as missing work before it shows up in
 * the quarter grade. Missing work scores 0 and counts, as in most gradebooks.
 */
export function simulateCoursework(
  profile: StudentProfile,
  windows: readonly EnrollmentWindow[],
  days: SchoolDays,
  calendar: SchoolCalendar,
): Coursework {
  const { rng, latent } = profile;
  const submissions: SubmissionDraft[] = [];
  const grades: GradeDraft[] = [];
  const meanRisk = (from: number, to: number, shift: number): number => {
    const w0 = weekIndex(calendar, from);
    const w1 = weekIndex(calendar, to);
    let sum = 0;
    for (let w = w0; w <= w1; w++) sum += academicRisk(latent, w);
    return sum / (w1 - w0 + 1) + shift;
  };

  // A new semester brings new teachers, content and circumstances: one shift per semester.
  const semesterShift = {
    fall: rng.normal(0, COURSEWORK.semesterShiftSd),
    spring: rng.normal(0, COURSEWORK.semesterShiftSd),
  };
  for (const window of windows) {
    const { section, begin, end } = window;
    const shift =
      section.course.difficulty +
      semesterShift[section.semester.key] +
      rng.normal(0, COURSEWORK.courseAffinitySd);
    const earned = [0, 0];
    const possible = [0, 0];
    for (const assignment of section.assignments) {
      if (assignment.due < begin || assignment.due > end) continue;
      const draft = submit(assignment, shift, section.leniency, begin, end);
      submissions.push(draft);
      if (draft.status === 'excused') continue;
      earned[assignment.quarter] = (earned[assignment.quarter] ?? 0) + (draft.score ?? 0);
      possible[assignment.quarter] = (possible[assignment.quarter] ?? 0) + assignment.points;
    }

    const quarterGrades: number[] = [];
    section.semester.quarters.forEach((quarter: Term, q: number) => {
      if (end < quarter.end || begin > quarter.end) return;
      const risk = meanRisk(Math.max(begin, quarter.start), quarter.end, shift);
      const assessment = clamp(
        expectedScore(risk) + section.leniency + rng.normal(0, COURSEWORK.assessmentNoiseSd),
        0,
        1,
      );
      const gradebook = (possible[q] ?? 0) > 0 ? (earned[q] ?? 0) / (possible[q] ?? 1) : null;
      const pct =
        gradebook === null
          ? assessment
          : COURSEWORK.gradebookWeight * gradebook + (1 - COURSEWORK.gradebookWeight) * assessment;
      const numeric = round1(100 * pct);
      quarterGrades.push(numeric);
      grades.push({
        section,
        gradingPeriodId: section.quarterIds[q] as string,
        periodKey: quarter.key,
        periodEnd: quarter.end,
        isFinal: false,
        numeric,
        letter: letterFor(numeric),
      });
    });

    const semester = section.semester;
    if (end >= semester.end && quarterGrades.length > 0) {
      const risk = meanRisk(semester.end - 13, semester.end, shift);
      const exam = clamp(
        expectedScore(risk) + section.leniency + rng.normal(0, COURSEWORK.examNoiseSd),
        0,
        1,
      );
      const quarterMean = quarterGrades.reduce((a, b) => a + b, 0) / quarterGrades.length;
      const numeric = round1(
        COURSEWORK.examWeight * 100 * exam + (1 - COURSEWORK.examWeight) * quarterMean,
      );
      grades.push({
        section,
        gradingPeriodId: section.semesterId,
        periodKey: 'final',
        periodEnd: semester.end,
        isFinal: true,
        numeric,
        letter: letterFor(numeric),
      });
    }
  }
  return { submissions, grades };

  function submit(
    assignment: AssignmentPlan,
    shift: number,
    leniency: number,
    firstDay: number,
    lastDay: number,
  ): SubmissionDraft {
    const risk = academicRisk(latent, weekIndex(calendar, assignment.due)) + shift;
    const dueStatus = days.status[assignment.due - calendar.first] ?? DAY.none;
    const absent = dueStatus !== DAY.present;
    if (
      (dueStatus === DAY.excused || dueStatus === DAY.suspended) &&
      rng.chance(COURSEWORK.excusedWhenAbsent)
    ) {
      return { assignment, status: 'excused', submittedDay: null, submittedAt: null, score: null };
    }
    const m = COURSEWORK.missing;
    const l = COURSEWORK.late;
    const lateLimit = Math.min(lastDay, calendar.dataAsOf);
    let status: SubmissionStatus = 'on_time';
    if (rng.chance(sigmoid(m.intercept + m.slope * risk + (absent ? m.absent : 0)))) {
      status = 'missing';
    } else if (rng.chance(sigmoid(l.intercept + l.slope * risk + (absent ? l.absent : 0)))) {
      status = lateLimit > assignment.due ? 'late' : 'missing';
    }
    if (status === 'missing') {
      return { assignment, status, submittedDay: null, submittedAt: null, score: 0 };
    }
    const quality = clamp(
      expectedScore(risk) + leniency + rng.normal(0, COURSEWORK.scoreNoiseSd),
      0,
      1,
    );
    const fraction = status === 'late' ? quality * (1 - COURSEWORK.latePenalty) : quality;
    const submittedDay =
      status === 'late'
        ? Math.min(assignment.due + rng.int(1, 5), lateLimit)
        : Math.max(firstDay, assignment.due - rng.weightedPick([0, 1, 2], [0.6, 0.25, 0.15]));
    return {
      assignment,
      status,
      submittedDay,
      submittedAt: localMs(submittedDay, rng.int(7, 22), rng.int(0, 59)),
      score: Math.round(fraction * assignment.points * 2) / 2,
    };
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
