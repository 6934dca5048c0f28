import type SQLite from 'better-sqlite3';
import type { IsoDate, RiskTier, SectionGradeFeature, StudentIndicator } from '../../../db/schema';
import { ApiError } from '../../api/contract';
import type { Session } from '../../auth/sessions';
import { raisedFlags } from '../../indicators/explain';
import { isFailing, letterFor } from '../../indicators/rules';
import { loadThresholds } from '../../indicators/thresholds';
import { visibleStudents } from '../../scope/scope';
import type { Store } from '../../store/open';
import type { ClassReportData, ClassReportRow } from '../report-data';
import { reportStamp } from './stamp';
import { overridesOf } from '../../risk/effective-tier';

interface SectionRow {
  id: string;
  title: string;
  period: string | null;
  course_title: string;
  term_title: string;
  term_start: IsoDate;
  term_end: IsoDate;
  school_name: string | null;
}

/**
 * The class report's rows: each student enrolled in the section on the data date (kept inside
 * the section's term, so a finished term's report shows who finished it) whom the caller may
 * see. The caller's access to the section itself was checked before.
 */
export async function classReportData(
  store: Store,
  session: Session,
  sectionId: string,
): Promise<ClassReportData> {
  const { sqlite, db } = store;
  const section = sqlite
    .prepare(
      `SELECT s.id, s.title, s.period, c.title AS course_title, t.title AS term_title,
         t.start_date AS term_start, t.end_date AS term_end, sc.name AS school_name
       FROM sections s
       JOIN courses c ON c.id = s.course_id
       JOIN academic_sessions t ON t.id = s.term_id
       LEFT JOIN schools sc ON sc.id = s.school_id
       WHERE s.id = ? AND s.deleted_at IS NULL`,
    )
    .get(sectionId) as SectionRow | undefined;
  if (!section) throw new ApiError('not_found', 'That section no longer exists.');
  const teachers = sqlite
    .prepare(
      `SELECT st.given_name || ' ' || st.family_name FROM section_teachers x
       JOIN staff st ON st.id = x.staff_id
       WHERE x.section_id = ? AND x.deleted_at IS NULL
       ORDER BY x.is_primary DESC, st.family_name, st.given_name`,
    )
    .pluck()
    .all(sectionId) as string[];
  const dataAsOf =
    (sqlite.prepare('SELECT max(as_of) FROM student_indicators').pluck().get() as IsoDate | null) ??
    null;
  const on = clampDate(dataAsOf ?? section.term_start, section.term_start, section.term_end);

  const enrolledOn = db
    .selectFrom('students')
    .innerJoin('enrollments as e', 'e.student_id', 'students.id')
    .where('e.section_id', '=', sectionId)
    .where('e.deleted_at', 'is', null)
    .where('e.begin_date', '<=', on)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', on)]))
    .where('students.deleted_at', 'is', null);
  const [enrolled, students] = await Promise.all([
    enrolledOn.select('students.id').distinct().execute(),
    enrolledOn
      .where(visibleStudents(session.scope))
      .select([
        'students.id',
        'students.given_name',
        'students.family_name',
        'students.student_number',
        'students.grade_level',
      ])
      .distinct()
      .orderBy('students.family_name')
      .orderBy('students.given_name')
      .orderBy('students.id')
      .execute(),
  ]);

  const ids = JSON.stringify(students.map((s) => s.id));
  const thresholds = await loadThresholds(db);
  const indicators = byStudent(
    sqlite
      .prepare(
        'SELECT * FROM student_indicators WHERE student_id IN (SELECT value FROM json_each(?))',
      )
      .all(ids) as StudentIndicator[],
  );
  const risk = byStudent(
    sqlite
      .prepare(
        `SELECT student_id, score, tier, previous_tier FROM student_risk
         WHERE student_id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids) as {
      student_id: string;
      score: number;
      tier: RiskTier;
      previous_tier: RiskTier | null;
    }[],
  );
  const overrides = overridesOf(sqlite, ids);
  const grades = sectionGrades(sqlite, ids, sectionId, on);

  const rows = students.map((s): ClassReportRow => {
    const ind = indicators.get(s.id);
    const r = risk.get(s.id);
    const grade = grades.current.get(s.id) ?? null;
    const before = grades.previous.get(s.id) ?? null;
    return {
      studentId: s.id,
      givenName: s.given_name,
      familyName: s.family_name,
      studentNumber: s.student_number,
      gradeLevel: s.grade_level,
      flags: ind ? raisedFlags(ind) : [],
      riskTier: r?.tier ?? null,
      riskScore: r?.score ?? null,
      previousTier: r?.previous_tier ?? null,
      overrideTier: overrides.get(s.id) ?? null,
      attendanceRate: ind?.attendance_rate ?? null,
      grade,
      letter: grade === null ? null : letterFor(grade, thresholds),
      failing: grade !== null && isFailing({ letter: null, numeric: grade }, thresholds),
      gradeChange: grade !== null && before !== null ? grade - before : null,
    };
  });

  return {
    stamp: reportStamp(sqlite, session, dataAsOf),
    section: {
      id: section.id,
      title: section.title,
      courseTitle: section.course_title,
      period: section.period,
      termTitle: section.term_title,
      schoolName: section.school_name ?? '—',
      teachers,
    },
    enrolled: enrolled.length,
    rows,
    chronicAbsence: thresholds.chronicAbsence,
    comparedWeeks: grades.weeks,
  };
}

function clampDate(date: IsoDate, from: IsoDate, to: IsoDate): IsoDate {
  return date < from ? from : date > to ? to : date;
}

function byStudent<T extends { student_id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.student_id, r]));
}

/**
 * Each student's grade in this section in the latest weekly snapshot on or before `on`, and in
 * the week before it (the pipeline's gradebook standing, never marks posted later).
 */
function sectionGrades(
  sqlite: SQLite.Database,
  ids: string,
  sectionId: string,
  on: IsoDate,
): {
  current: Map<string, number>;
  previous: Map<string, number>;
  weeks: { from: IsoDate; to: IsoDate } | null;
} {
  const weeks = sqlite
    .prepare(
      `SELECT DISTINCT week_start FROM student_features
       WHERE student_id IN (SELECT value FROM json_each(?)) AND week_start <= ?
       ORDER BY week_start DESC LIMIT 2`,
    )
    .pluck()
    .all(ids, on) as IsoDate[];
  const current = new Map<string, number>();
  const previous = new Map<string, number>();
  if (weeks.length === 0) return { current, previous, weeks: null };
  const rows = sqlite
    .prepare(
      `SELECT student_id, week_start, section_grades_json FROM student_features
       WHERE student_id IN (SELECT value FROM json_each(?))
         AND week_start IN (SELECT value FROM json_each(?))`,
    )
    .all(ids, JSON.stringify(weeks)) as {
    student_id: string;
    week_start: IsoDate;
    section_grades_json: string;
  }[];
  for (const row of rows) {
    const grade = (JSON.parse(row.section_grades_json) as SectionGradeFeature[]).find(
      (g) => g.sectionId === sectionId,
    )?.grade;
    if (grade === null || grade === undefined) continue;
    (row.week_start === weeks[0] ? current : previous).set(row.student_id, grade);
  }
  return {
    current,
    previous,
    weeks: weeks.length === 2 ? { from: weeks[1]!, to: weeks[0]! } : null,
  };
}
