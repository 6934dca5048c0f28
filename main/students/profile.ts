import { sql } from 'kysely';
import type { IsoDate, StaffRole } from '../../db/schema';
import { ApiError, type CalendarStatus, type StudentProfile } from '../api/contract';
import { weekStartOf } from '../indicators/dates';
import { explainFlags } from '../indicators/explain';
import { loadThresholds } from '../indicators/thresholds';
import { studentRisk } from '../risk/view';
import type { Store } from '../store/open';

/** When a day has several events, the calendar shows the most serious one. */
const SEVERITY: Record<CalendarStatus, number> = {
  not_enrolled: 0,
  present: 1,
  early_departure: 2,
  tardy: 3,
  excused_absence: 4,
  unexcused_absence: 5,
};

/** Everything the profile page shows about one student; the router has checked scope. */
export async function studentProfile(
  store: Store,
  studentId: string,
  viewer: StaffRole,
): Promise<StudentProfile> {
  const { db } = store;
  const student = await db
    .selectFrom('students')
    .leftJoin('schools', 'schools.id', 'students.school_id')
    .leftJoin('staff as counselor', 'counselor.id', 'students.counselor_id')
    .select([
      'students.id',
      'students.student_number',
      'students.given_name',
      'students.family_name',
      'students.grade_level',
      'students.entry_date',
      'students.exit_date',
      'students.enrollment_status',
      'students.school_id',
      'students.district_id',
      'schools.name as school_name',
      sql<string | null>`counselor.given_name || ' ' || counselor.family_name`.as('counselor_name'),
    ])
    .where('students.id', '=', studentId)
    .where('students.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!student) throw new ApiError('not_found', 'This student record no longer exists.');
  const schoolId = student.school_id ?? '';

  const indicators = await db
    .selectFrom('student_indicators')
    .selectAll()
    .where('student_id', '=', studentId)
    .executeTakeFirst();
  const thresholds = await loadThresholds(db);
  // A student without indicators yet still gets a calendar that stops at the data date.
  const asOf: IsoDate | null =
    indicators?.as_of ??
    ((
      await db
        .selectFrom('student_indicators')
        .select(sql<string | null>`max(as_of)`.as('asOf'))
        .executeTakeFirst()
    )?.asOf ||
      null);

  const [calendar, events, periods, enrollments, marks, incidents, lms, outcomes] =
    await Promise.all([
      db
        .selectFrom('calendar_days')
        .select('date')
        .where('school_id', '=', schoolId)
        .where('is_instructional', '=', 1)
        .where('deleted_at', 'is', null)
        .where('date', '<=', asOf ?? '0000-01-01')
        .orderBy('date')
        .execute(),
      db
        .selectFrom('attendance_events')
        .select(['date', 'category'])
        .where('student_id', '=', studentId)
        .where('section_id', 'is', null)
        .where('deleted_at', 'is', null)
        .execute(),
      db
        .selectFrom('academic_sessions')
        .select(['id', 'title', 'start_date', 'end_date'])
        .where('session_type', '=', 'grading_period')
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('school_id', '=', schoolId), eb('school_id', 'is', null)]))
        .orderBy('start_date')
        .execute(),
      db
        .selectFrom('enrollments')
        .innerJoin('sections', 'sections.id', 'enrollments.section_id')
        .innerJoin('courses', 'courses.id', 'sections.course_id')
        .innerJoin('academic_sessions as term', 'term.id', 'sections.term_id')
        .leftJoin('section_teachers as st', (join) =>
          join.onRef('st.section_id', '=', 'sections.id').on('st.is_primary', '=', 1),
        )
        .leftJoin('staff as teacher', 'teacher.id', 'st.staff_id')
        .select([
          'sections.id as section_id',
          'courses.title as course_title',
          'courses.subject',
          'term.start_date',
          sql<string | null>`teacher.given_name || ' ' || teacher.family_name`.as('teacher_name'),
        ])
        .where('enrollments.student_id', '=', studentId)
        .where('enrollments.deleted_at', 'is', null)
        .orderBy('term.start_date')
        .orderBy('sections.period')
        .orderBy('courses.title')
        .execute(),
      db
        .selectFrom('section_grades')
        .innerJoin('academic_sessions as period', 'period.id', 'section_grades.grading_period_id')
        .select([
          'section_grades.section_id',
          'section_grades.grading_period_id',
          'period.title as period_title',
          'section_grades.numeric_grade',
          'section_grades.letter',
          'section_grades.is_final',
        ])
        .where('section_grades.student_id', '=', studentId)
        .where('section_grades.deleted_at', 'is', null)
        .execute(),
      db
        .selectFrom('discipline_incidents')
        .select(['id', 'date', 'behavior', 'action', 'days_removed'])
        .where('student_id', '=', studentId)
        .where('deleted_at', 'is', null)
        .orderBy('date', 'desc')
        .execute(),
      db
        .selectFrom('lms_activity')
        .select(['date', 'active_minutes', 'submissions'])
        .where('student_id', '=', studentId)
        .where('deleted_at', 'is', null)
        .orderBy('date')
        .execute(),
      db
        .selectFrom('student_outcomes')
        .innerJoin('academic_sessions as term', 'term.id', 'student_outcomes.term_id')
        .select(['term.title', 'term.start_date', 'outcome', 'value', 'detail'])
        .where('student_outcomes.student_id', '=', studentId)
        .where('student_outcomes.deleted_at', 'is', null)
        .orderBy('term.start_date')
        .orderBy('outcome')
        .execute(),
    ]);

  const dayStatus = new Map<IsoDate, CalendarStatus>();
  for (const e of events) {
    const status = e.category as CalendarStatus;
    const prev = dayStatus.get(e.date);
    if (!prev || SEVERITY[status] > SEVERITY[prev]) dayStatus.set(e.date, status);
  }
  const enrolledUntil = student.exit_date ?? '9999-12-31';
  const attendanceCalendar = calendar.map(({ date }) => ({
    date,
    status:
      date < student.entry_date || date > enrolledUntil
        ? ('not_enrolled' as const)
        : (dayStatus.get(date) ?? ('present' as const)),
  }));

  const weeks = new Map<IsoDate, { activeDays: number; minutes: number; submissions: number }>();
  for (const day of lms) {
    const week = weekStartOf(day.date);
    const w = weeks.get(week) ?? { activeDays: 0, minutes: 0, submissions: 0 };
    w.activeDays++;
    w.minutes += day.active_minutes;
    w.submissions += day.submissions;
    weeks.set(week, w);
  }

  return {
    ...studentRisk(store.sqlite, studentId, viewer),
    student: {
      id: student.id,
      studentNumber: student.student_number,
      givenName: student.given_name,
      familyName: student.family_name,
      gradeLevel: student.grade_level,
      schoolName: student.school_name ?? '—',
      entryDate: student.entry_date,
      exitDate: student.exit_date,
      enrollmentStatus: student.enrollment_status,
      counselorName: student.counselor_name,
    },
    dataAsOf: asOf,
    indicators: indicators
      ? {
          attendanceRate: indicators.attendance_rate,
          daysEnrolled: indicators.days_enrolled,
          daysAbsent: indicators.days_absent,
          unexcusedAbsences: indicators.unexcused_absences,
          tardies: indicators.tardies,
          incidentDays: indicators.incident_days,
          suspensions: indicators.suspensions,
          gpa: indicators.gpa,
          failingSections: indicators.failing_sections,
          lowestGrade: indicators.lowest_grade,
          missingRate: indicators.missing_rate,
          lmsActiveDays: indicators.lms_active_days,
          attendanceTier: indicators.attendance_tier,
        }
      : null,
    flags: indicators ? explainFlags(indicators, thresholds) : [],
    attendanceCalendar,
    gradingPeriods: periods.map((p) => ({
      id: p.id,
      title: p.title,
      startDate: p.start_date,
      endDate: p.end_date,
    })),
    grades: enrollments.map((e) => ({
      sectionId: e.section_id,
      courseTitle: e.course_title,
      subject: e.subject,
      teacherName: e.teacher_name,
      marks: marks
        .filter((m) => m.section_id === e.section_id)
        .map((m) => ({
          gradingPeriodId: m.grading_period_id,
          periodTitle: m.period_title,
          numericGrade: m.numeric_grade,
          letter: m.letter,
          isFinal: m.is_final === 1,
        })),
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      date: i.date,
      behavior: i.behavior,
      action: i.action,
      daysRemoved: i.days_removed,
    })),
    lmsWeekly: [...weeks].map(([weekStart, w]) => ({ weekStart, ...w })),
    outcomes: outcomes.map((o) => ({
      termTitle: o.title,
      outcome: o.outcome,
      value: o.value === 1,
      ...outcomeDetail(o.outcome, o.detail),
    })),
  };
}

/**
 * Chronic-absence outcomes store their days as "absent 12 of 85 enrolled days"
 * (main/training/outcomes.ts); they go out as numbers, so each reader gets them in their words.
 */
function outcomeDetail(
  outcome: string,
  detail: string | null,
): { detail: string | null; absence: { absent: number; enrolled: number } | null } {
  const days =
    outcome === 'chronic_absence' && detail ? /^absent (\d+) of (\d+)/.exec(detail) : null;
  return days
    ? { detail: null, absence: { absent: Number(days[1]), enrolled: Number(days[2]) } }
    : { detail, absence: null };
}
