/**
 * One student's weekly feature rows, from their raw records and the shared context. Pure: the
 * same inputs give the same rows, which is what lets an incremental run equal a full backfill.
 * Every week is computed from the start of the year (year-to-date values need it); only weeks
 * from `fromWeek` on are returned.
 */
import type { Bool, SectionGradeFeature, StudentFeatureTable } from '../../db/schema';
import { attendanceRate, isChronicallyAbsent, isLowGpa, isOffTrack } from '../indicators/rules';
import type { PipelineContext } from './context';
import type { StudentRaw, StudentRecord } from './raw-inputs';
import { SectionStandings } from './section-standing';
import { dayNumber } from './weeks';

export type FeatureRow = Omit<StudentFeatureTable, 'run_id' | 'computed_at'>;

/** The weeks a student gets rows for: enrolled at least one day of it, inside the year. */
export function enrolledWeekRange(
  student: Pick<StudentRecord, 'entry_date' | 'exit_date'>,
  ctx: PipelineContext,
): { first: number; last: number; entryDay: number; exitDay: number } | null {
  const { weeks } = ctx;
  if (weeks.count === 0) return null;
  const entryDay = Math.max(dayNumber(student.entry_date), weeks.yearStartDay);
  const exitDay = student.exit_date
    ? Math.min(dayNumber(student.exit_date), weeks.endDay)
    : weeks.endDay;
  if (entryDay > exitDay) return null;
  return { first: weeks.indexOfDay(entryDay), last: weeks.indexOfDay(exitDay), entryDay, exitDay };
}

const bit = (b: boolean): Bool => (b ? 1 : 0);

/** Sum of `values` over weeks [from, to], clipped to the year. */
function windowSum(values: Int32Array | Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let w = Math.max(0, from); w <= to; w++) sum += values[w]!;
  return sum;
}

export function computeStudentWeeks(
  student: StudentRecord,
  raw: StudentRaw,
  ctx: PipelineContext,
  fromWeek: number,
): FeatureRow[] {
  const range = enrolledWeekRange(student, ctx);
  if (!range || range.last < Math.max(range.first, fromWeek)) return [];
  const { weeks, thresholds: t } = ctx;
  const n = range.last + 1;

  // Attendance: instructional days of the student's school inside their enrollment.
  const enrolled = new Int32Array(n);
  const absent = new Int32Array(n);
  const unexcused = new Int32Array(n);
  const tardy = new Int32Array(n);
  const calendar = ctx.calendarOf(student.school_id);
  for (let i = lowerBoundDay(calendar, range.entryDay); i < calendar.length; i++) {
    const day = calendar[i]!;
    if (day > range.exitDay) break;
    const w = weeks.indexOfDay(day);
    enrolled[w]!++;
    if (raw.absentDays.has(day)) absent[w]!++;
    if (raw.unexcusedDays.has(day)) unexcused[w]!++;
    if (raw.tardyDays.has(day)) tardy[w]!++;
  }

  // Behaviour: days with any incident; suspensions counted one per incident, as refresh does.
  const incidentDays = new Int32Array(n);
  const suspensions = new Int32Array(n);
  const seenIncidentDays = new Set<number>();
  for (const inc of raw.incidents) {
    const w = weeks.indexOfDay(inc.day);
    if (w >= n) continue;
    if (!seenIncidentDays.has(inc.day)) {
      seenIncidentDays.add(inc.day);
      incidentDays[w]!++;
    }
    if (inc.suspension) suspensions[w]!++;
  }

  const lmsDays = new Int32Array(n);
  const lmsMinutes = new Float64Array(n);
  const lmsSessions = new Int32Array(n);
  for (const lms of raw.lmsWeeks) {
    if (lms.week >= n) continue;
    lmsDays[lms.week] = lms.days;
    lmsMinutes[lms.week] = lms.minutes;
    lmsSessions[lms.week] = lms.sessions;
  }

  // Submissions by the week their assignment was due; excused ones are not "due".
  const due = new Int32Array(n);
  const missing = new Int32Array(n);
  const late = new Int32Array(n);
  const onTime = new Int32Array(n);
  for (const s of raw.submissions) {
    const w = weeks.indexOfDay(s.dueDay);
    if (w >= n || s.status === 'excused') continue;
    due[w]!++;
    if (s.status === 'missing') missing[w]!++;
    else if (s.status === 'late') late[w]!++;
    else onTime[w]!++;
  }

  // Assessments: the running mean, and each result minus the previous one of the same test.
  const lastOfTest = new Map<string, number>();
  const assessmentDeltas = raw.assessments.map((a) => {
    const prev = lastOfTest.get(a.key);
    lastOfTest.set(a.key, a.value);
    return prev === undefined ? null : a.value - prev;
  });
  let nextAssessment = 0;
  let assessmentSum = 0;
  let assessmentCount = 0;
  let assessmentTrend: number | null = null;

  const standings = new SectionStandings(raw, ctx);
  // Grades move only in weeks with something due; reuse last week's JSON when nothing did.
  let lastSections: SectionGradeFeature[] = [];
  let lastJson = '[]';
  const rows: FeatureRow[] = [];
  let enrolledYtd = 0;
  let absentYtd = 0;
  let unexcusedYtd = 0;
  let tardyYtd = 0;
  let incidentYtd = 0;
  let suspensionsYtd = 0;
  let dueYtd = 0;
  let missingYtd = 0;
  let lateYtd = 0;
  const rate = (from: number, to: number) =>
    attendanceRate(windowSum(absent, from, to), windowSum(enrolled, from, to));

  for (let w = 0; w < n; w++) {
    const weekStartDay = weeks.startDay(w);
    const cutoffDay = weeks.cutoffDay(w);
    enrolledYtd += enrolled[w]!;
    absentYtd += absent[w]!;
    unexcusedYtd += unexcused[w]!;
    tardyYtd += tardy[w]!;
    incidentYtd += incidentDays[w]!;
    suspensionsYtd += suspensions[w]!;
    dueYtd += due[w]!;
    missingYtd += missing[w]!;
    lateYtd += late[w]!;
    while (
      nextAssessment < raw.assessments.length &&
      raw.assessments[nextAssessment]!.day <= cutoffDay
    ) {
      assessmentSum += raw.assessments[nextAssessment]!.value;
      assessmentCount++;
      assessmentTrend = assessmentDeltas[nextAssessment]!;
      nextAssessment++;
    }
    const standing = standings.advance(w, weekStartDay, cutoffDay);
    if (w < range.first || w < fromWeek) continue;

    if (!sameSections(standing.sections, lastSections)) {
      lastSections = standing.sections;
      lastJson = sectionGradesJson(lastSections);
    }
    const recent = rate(w - 3, w);
    const before = w - 4 >= 0 ? rate(w - 7, w - 4) : null;
    const flags = {
      chronic: isChronicallyAbsent(absentYtd, enrolledYtd, t),
      failure: standing.failingSections > 0 || standing.anyFinalF,
      lowGpa: isLowGpa(standing.gpa, t),
      suspension: suspensionsYtd > 0,
    };
    const offTrack =
      student.grade_level === 9
        ? isOffTrack(
            {
              creditsEarned: standing.creditsEarned,
              coreSemesterFailures: standing.coreSemesterFailures,
              semestersCompleted: ctx.semestersCompleted(student.school_id, cutoffDay),
            },
            t,
          )
        : null;
    rows.push({
      student_id: student.id,
      week_start: weeks.start(w),
      district_id: student.district_id,
      school_id: student.school_id,
      grade_level: student.grade_level,
      days_enrolled_week: enrolled[w]!,
      days_absent_week: absent[w]!,
      days_enrolled_ytd: enrolledYtd,
      days_absent_ytd: absentYtd,
      attendance_rate_week: attendanceRate(absent[w]!, enrolled[w]!),
      attendance_rate_4wk: recent,
      attendance_rate_ytd: attendanceRate(absentYtd, enrolledYtd),
      unexcused_absences_ytd: unexcusedYtd,
      tardies_week: tardy[w]!,
      tardies_ytd: tardyYtd,
      attendance_trend: recent !== null && before !== null ? recent - before : null,
      incident_days_week: incidentDays[w]!,
      incident_days_ytd: incidentYtd,
      suspensions_ytd: suspensionsYtd,
      section_grades_json: lastJson,
      lowest_grade: standing.lowestGrade,
      failing_sections: standing.failingSections,
      gpa: standing.gpa,
      assignments_due_ytd: dueYtd,
      missing_rate_ytd: dueYtd > 0 ? missingYtd / dueYtd : null,
      late_rate_ytd: dueYtd > 0 ? lateYtd / dueYtd : null,
      missing_4wk: windowSum(missing, w - 3, w),
      lms_active_days_week: lmsDays[w]!,
      lms_minutes_week: lmsMinutes[w]!,
      lms_sessions_week: lmsSessions[w]!,
      on_time_submissions_week: onTime[w]!,
      assessment_avg: assessmentCount > 0 ? assessmentSum / assessmentCount : null,
      assessment_trend: assessmentTrend,
      flag_chronic_absence: bit(flags.chronic),
      flag_course_failure: bit(flags.failure),
      flag_low_gpa: bit(flags.lowGpa),
      flag_suspension: bit(flags.suspension),
      flag_off_track: offTrack === null ? null : bit(offTrack),
      flag_count: Object.values(flags).filter(Boolean).length + (offTrack ? 1 : 0),
    });
  }
  return rows;
}

function sameSections(
  a: readonly SectionGradeFeature[],
  b: readonly SectionGradeFeature[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.sectionId !== b[i]!.sectionId || a[i]!.grade !== b[i]!.grade) return false;
  }
  return true;
}

// JSON.stringify of the whole array was a third of the compute time; the pieces are simple.
const quotedIds = new Map<string, string>();
export function sectionGradesJson(sections: readonly SectionGradeFeature[]): string {
  let json = '[';
  for (let i = 0; i < sections.length; i++) {
    const { sectionId, grade } = sections[i]!;
    let quoted = quotedIds.get(sectionId);
    if (quoted === undefined) quotedIds.set(sectionId, (quoted = JSON.stringify(sectionId)));
    json += `${i ? ',' : ''}{"sectionId":${quoted},"grade":${grade === null || !Number.isFinite(grade) ? 'null' : String(grade)}}`;
  }
  return json + ']';
}

function lowerBoundDay(sorted: Int32Array, day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
