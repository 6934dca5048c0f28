import type { StaffRole } from '../schema';
import { simulateSchoolDays } from './attendance';
import { isoDate, localMs, type SchoolCalendar, type SemesterKey } from './calendar';
import { ASSIGNMENT_KINDS, catalogFor, type CourseSpec } from './catalog';
import {
  simulateCoursework,
  type AssignmentPlan,
  type EnrollmentWindow,
  type SectionRuntime,
} from './coursework';
import type { SchoolPlan } from './district-plan';
import { pad, type IdFactory } from './ids';
import { simulateLms } from './lms';
import { EmailBook, personName } from './names';
import { deriveOutcomes } from './outcomes';
import { COURSEWORK } from './parameters';
import { Rng } from './prng';
import { buildSchedule, type PlannedSection } from './schedule';
import { common, type CommonColumns } from './rows';
import { drawStudents, type StudentProfile } from './students';
import type { SeedWriter } from './writer';

/** Staffing ratios from the brief: a counselor per ~250 students, one school admin. */
const STUDENTS_PER_COUNSELOR = 250;

export interface DistrictContext {
  seed: number;
  calendar: SchoolCalendar;
  ids: IdFactory;
  writer: SeedWriter;
  emails: EmailBook;
  districtId: string;
  /** Session ids: the year, each semester and each quarter (q1..q4). */
  sessionIds: Record<'year' | SemesterKey | 'q1' | 'q2' | 'q3' | 'q4', string>;
  /** When rosters were loaded, before the first day: created_at of setup rows. */
  setupMs: number;
  nextStaffSeq: () => number;
  /** Called after each student with the number of students finished in this school. */
  onStudent: (doneInSchool: number) => void;
}

export function generateSchool(
  ctx: DistrictContext,
  plan: SchoolPlan,
  firstStudentSeq: number,
  schoolEffect: number,
): void {
  const { calendar, ids, writer, districtId, setupMs } = ctx;
  const rng = Rng.derive(ctx.seed, 'school', plan.number);
  const tag = pad(plan.number, 2);
  const schoolRow = common(ids, districtId, null, `sch-${tag}`, setupMs);
  const schoolId = schoolRow.id;
  // A school's own row is in its own scope, so a school-scoped sync shape includes it.
  schoolRow.school_id = schoolId;
  writer.insert('schools', schoolRow, {
    name: plan.name,
    school_type: plan.kind,
    grade_low: plan.gradeLow,
    grade_high: plan.gradeHigh,
  });
  const base = (sourceId: string, createdAt: number, updatedAt = createdAt) =>
    common(ids, districtId, schoolId, sourceId, createdAt, updatedAt);

  for (const { day, instructional } of calendar.weekdays) {
    const row = base(`cal-${tag}-${isoDate(day)}`, setupMs);
    writer.insert('calendar_days', row, {
      date: isoDate(day),
      is_instructional: instructional ? 1 : 0,
    });
  }

  const catalog = catalogFor(plan.kind);
  const courseIds = new Map<CourseSpec, string>();
  for (const spec of catalog.courses) {
    const row = base(`crs-${tag}-${spec.code}`, setupMs);
    writer.insert('courses', row, {
      title: spec.title,
      code: spec.code,
      subject: spec.subject,
      grade_level: spec.gradeLevel,
      credits: spec.credits,
      is_core: spec.isCore ? 1 : 0,
    });
    courseIds.set(spec, row.id);
  }

  const students = drawStudents(ctx.seed, plan, calendar, schoolEffect, firstStudentSeq);
  const schedule = buildSchedule(
    rng,
    catalog.courses,
    catalog.electivesPerSemester,
    students.map((s) => s.grade),
  );

  const hire = (role: StaffRole): string => {
    const seq = ctx.nextStaffSeq();
    const name = personName(rng, rng.chance(0.62) ? 'female' : 'male');
    const row = base(`stf-${pad(seq, 5)}`, setupMs);
    writer.insert('staff', row, {
      given_name: name.given,
      family_name: name.family,
      email: ctx.emails.email(name),
      role,
    });
    return row.id;
  };
  hire('school_admin');
  const counselors = Array.from(
    { length: Math.max(1, Math.ceil(plan.students / STUDENTS_PER_COUNSELOR)) },
    () => hire('counselor'),
  );
  const teachers = schedule.teachers.map(() => hire('teacher'));
  const leniency = teachers.map(() => rng.normal(0, COURSEWORK.sectionLeniencySd));

  const runtimes = schedule.sections.map((planned) =>
    writeSection(ctx, base, rng, tag, planned, courseIds, teachers, leniency),
  );

  // Caseloads split the alphabet, as many counseling offices do. Plain code-unit order, not
  // localeCompare, so the split cannot change with the ICU version Node ships.
  const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const caseloadOrder = [...students].sort(
    (a, b) =>
      byCode(a.name.family, b.name.family) || byCode(a.name.given, b.name.given) || a.seq - b.seq,
  );
  const counselorOf = new Array<string>(students.length);
  caseloadOrder.forEach((s, i) => {
    counselorOf[s.index] = counselors[
      Math.floor((i * counselors.length) / students.length)
    ] as string;
  });

  for (const profile of students) {
    writeStudent(
      ctx,
      base,
      profile,
      schedule.byStudent[profile.index] ?? { fall: [], spring: [] },
      runtimes,
      counselorOf[profile.index] ?? null,
      plan,
    );
    ctx.onStudent(profile.index + 1);
  }
}

type Base = (sourceId: string, createdAt: number, updatedAt?: number) => CommonColumns;

function writeSection(
  ctx: DistrictContext,
  base: Base,
  rng: Rng,
  tag: string,
  planned: PlannedSection,
  courseIds: Map<CourseSpec, string>,
  teachers: string[],
  leniency: number[],
): SectionRuntime {
  const { calendar, writer, setupMs, sessionIds } = ctx;
  const semester = calendar.semesters.find((s) => s.key === planned.semester);
  if (semester === undefined) throw new Error(`unknown semester ${planned.semester}`);
  const key = `${tag}-${planned.course.code}-${planned.semester === 'fall' ? 'F' : 'S'}${pad(planned.number, 2)}`;
  const section = base(`sec-${key}`, setupMs);
  writer.insert('sections', section, {
    course_id: courseIds.get(planned.course) as string,
    term_id: sessionIds[planned.semester],
    title: `${planned.course.title} · Sec ${pad(planned.number, 2)}`,
    period: String(planned.period),
  });
  const link = base(`sct-${key}`, setupMs);
  writer.insert('section_teachers', link, {
    section_id: section.id,
    staff_id: teachers[planned.teacher] as string,
    is_primary: 1,
  });

  const quarterIds =
    planned.semester === 'fall' ? [sessionIds.q1, sessionIds.q2] : [sessionIds.q3, sessionIds.q4];
  const kinds = ASSIGNMENT_KINDS[planned.course.subject];
  const kindCounts = kinds.map(() => 0);
  const assignments: AssignmentPlan[] = [];
  const days = semester.days;
  // Stop three school days short of the term's end so late work still has somewhere to land.
  for (let k = rng.int(4, 9); k < days.length - 3; k += COURSEWORK.assignmentEveryDays) {
    const due = days[k] as number;
    const kind = assignments.length % kinds.length;
    const [stem, points] = kinds[kind] as readonly [string, number];
    kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
    const quarter = due <= (semester.quarters[0]?.end ?? 0) ? 0 : 1;
    const row = base(
      `asg-${key}-${pad(assignments.length + 1, 2)}`,
      Math.max(setupMs, localMs(due - 7, 8)),
    );
    writer.insert('assignments', row, {
      section_id: section.id,
      grading_period_id: quarterIds[quarter] as string,
      title: `${stem} ${kindCounts[kind]}`,
      due_date: isoDate(due),
      points_possible: points,
    });
    assignments.push({
      id: row.id,
      key: `${key}-${pad(assignments.length + 1, 2)}`,
      due,
      points,
      quarter,
    });
  }
  return {
    id: section.id,
    key,
    course: planned.course,
    semester,
    semesterId: sessionIds[planned.semester],
    quarterIds,
    leniency: leniency[planned.teacher] ?? 0,
    assignments,
  };
}

function writeStudent(
  ctx: DistrictContext,
  base: Base,
  profile: StudentProfile,
  sections: Record<SemesterKey, number[]>,
  runtimes: SectionRuntime[],
  counselorId: string | null,
  plan: SchoolPlan,
): void {
  const { calendar, writer, setupMs } = ctx;
  const days = simulateSchoolDays(profile, calendar, plan.kind);
  const exit = days.exitDay;
  const windows: EnrollmentWindow[] = [];
  for (const semester of calendar.semesters) {
    const begin = Math.max(semester.start, profile.entryDay);
    const end = Math.min(semester.end, exit ?? semester.end);
    if (begin > end) continue;
    for (const s of sections[semester.key]) {
      windows.push({ section: runtimes[s] as SectionRuntime, begin, end });
    }
  }
  const coursework = simulateCoursework(profile, windows, days, calendar);
  const lms = simulateLms(profile, calendar, days, coursework.submissions);
  const outcomes = deriveOutcomes(profile, calendar, days, coursework.grades);

  const num = pad(profile.seq);
  const stu = `stu-${num}`;
  const createdAt =
    profile.entryDay === calendar.first ? setupMs : localMs(profile.entryDay, 7, 30);
  const student = base(stu, createdAt, exit === null ? createdAt : localMs(exit, 15));
  writer.insert('students', student, {
    student_number: String(100000 + profile.seq),
    given_name: profile.name.given,
    family_name: profile.name.family,
    grade_level: profile.grade,
    birth_date: isoDate(profile.birthDay),
    entry_date: isoDate(profile.entryDay),
    exit_date: exit === null ? null : isoDate(exit),
    enrollment_status: exit === null ? 'active' : 'withdrawn',
    counselor_id: counselorId,
  });
  const studentId = student.id;
  const demographics = base(`dem-${num}`, createdAt);
  writer.insert('demographics', demographics, {
    student_id: studentId,
    ...profile.demographics,
  });

  for (const w of windows) {
    const endedEarly = w.end < w.section.semester.end;
    const created =
      w.begin === w.section.semester.start
        ? Math.min(setupMs, localMs(w.begin, 7))
        : localMs(w.begin, 7, 30);
    const row = base(
      `enr-${num}-${w.section.key}`,
      created,
      endedEarly ? localMs(w.end, 15) : created,
    );
    writer.insert('enrollments', row, {
      student_id: studentId,
      section_id: w.section.id,
      begin_date: isoDate(w.begin),
      end_date: isoDate(w.end),
    });
  }

  for (const e of days.events) {
    const hour = e.category === 'early_departure' ? 13 : e.category === 'tardy' ? 8 : 9;
    const row = base(`att-${num}-${isoDate(e.day)}-${e.category}`, localMs(e.day, hour, 15));
    writer.insert('attendance_events', row, {
      student_id: studentId,
      section_id: null,
      date: isoDate(e.day),
      category: e.category,
      minutes: e.minutes,
    });
  }

  for (const incident of days.incidents) {
    const row = base(`inc-${num}-${isoDate(incident.day)}`, localMs(incident.day, 12));
    writer.insert('discipline_incidents', row, {
      student_id: studentId,
      date: isoDate(incident.day),
      behavior: incident.behaviour,
      action: incident.action,
      days_removed: incident.daysRemoved,
    });
  }

  for (const s of coursework.submissions) {
    const created = s.submittedAt ?? localMs(s.assignment.due, 23, 59);
    const gradedDay = Math.min((s.submittedDay ?? s.assignment.due) + 3, calendar.dataAsOf);
    const row = base(
      `sub-${num}-${s.assignment.key}`,
      created,
      Math.max(created, localMs(gradedDay, 16)),
    );
    writer.insert('submissions', row, {
      assignment_id: s.assignment.id,
      student_id: studentId,
      status: s.status,
      submitted_at: s.submittedAt,
      score: s.score,
    });
  }

  for (const g of coursework.grades) {
    const row = base(`grd-${num}-${g.section.key}-${g.periodKey}`, localMs(g.periodEnd, 17));
    writer.insert('section_grades', row, {
      student_id: studentId,
      section_id: g.section.id,
      grading_period_id: g.gradingPeriodId,
      letter: g.letter,
      numeric_grade: g.numeric,
      is_final: g.isFinal ? 1 : 0,
    });
  }

  for (const d of lms) {
    const row = base(`lms-${num}-${isoDate(d.day)}`, localMs(d.day, 23, 30));
    writer.insert('lms_activity', row, {
      student_id: studentId,
      section_id: null,
      date: isoDate(d.day),
      sessions: d.sessions,
      active_minutes: d.activeMinutes,
      submissions: d.submissions,
    });
  }

  for (const o of outcomes) {
    const row = base(`out-${num}-${o.semester.key}-${o.outcome}`, localMs(o.recordedDay, 18));
    writer.insert('student_outcomes', row, {
      student_id: studentId,
      term_id: ctx.sessionIds[o.semester.key],
      outcome: o.outcome,
      value: o.value,
      detail: o.detail,
    });
  }
}
