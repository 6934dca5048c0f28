/**
 * A counselor's caseload: every student assigned to them with flags, risk tier and score, the
 * change since the week before, what is new since the data they last saw, and their plans.
 * A caseload is a few hundred students, so it is read whole and sorted in the renderer.
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database, IsoDate, RiskTier } from '../../db/schema';
import { FLAG_KEYS, type CaseloadRow, type FlagKey } from '../api/contract';
import { nextCheckInDue } from '../interventions/schedule';
import { visibleStudents, type Scope } from '../scope/scope';
import { overridesOf } from '../risk/effective-tier';

type FlagColumns = { [K in FlagKey as `flag_${K}`]: number | null };

interface StudentRow extends FlagColumns {
  id: string;
  given_name: string;
  family_name: string;
  student_number: string;
  grade_level: number;
  school_name: string;
  attendance_rate: number | null;
  score: number | null;
  tier: RiskTier | null;
  previous_score: number | null;
  model_version_id: string | null;
}

const raisedFlags = (row: Partial<FlagColumns> | undefined): FlagKey[] =>
  row ? FLAG_KEYS.filter((key) => row[`flag_${key}`] === 1) : [];

const TIER_RANK: Record<RiskTier, number> = { low: 0, moderate: 1, high: 2 };

/** What a counselor was shown of each student: the flags up and the model's tier. */
export type Shown = Record<string, { flags: FlagKey[]; tier: RiskTier | null }>;

export interface CaseloadData {
  students: StudentRow[];
  /** The caseload as it is now, to remember as what this visit showed. */
  shown: Shown;
}

/** The counselor's students as they are now. */
export async function readCaseload(db: Kysely<Database>, scope: Scope): Promise<CaseloadData> {
  const students = (await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .leftJoin('student_indicators as i', 'i.student_id', 'students.id')
    .leftJoin('student_risk as r', 'r.student_id', 'students.id')
    .where(visibleStudents(scope))
    .select([
      'students.id',
      'students.given_name',
      'students.family_name',
      'students.student_number',
      'students.grade_level',
      'schools.name as school_name',
      'i.attendance_rate',
      ...FLAG_KEYS.map((k) => `i.flag_${k}` as const),
      'r.score',
      'r.tier',
      'r.previous_score',
      'r.model_version_id',
    ])
    .execute()) as StudentRow[];
  const shown: Shown = {};
  for (const s of students) shown[s.id] = { flags: raisedFlags(s), tier: s.tier };
  return { students, shown };
}

/**
 * Before a first visit there is nothing the counselor saw: "new" is measured against each
 * student's weekly snapshot on or before `date` (a week before the data), flags and tier.
 */
export function shownOn(sqlite: SQLite.Database, studentIds: string[], date: IsoDate): Shown {
  const ids = JSON.stringify(studentIds);
  const flags = flagsOn(sqlite, ids, date);
  const tiers = tiersOn(sqlite, ids, date);
  const shown: Shown = {};
  for (const id of studentIds) {
    // A student with no week on or before the date is new to the data: all their flags are new.
    shown[id] = { flags: raisedFlags(flags.get(id)), tier: tiers.get(id) ?? null };
  }
  return shown;
}

/** The caseload's rows, with what is new against `before` (null: nothing to compare with). */
export function caseloadRows(
  sqlite: SQLite.Database,
  { students }: CaseloadData,
  before: Shown | null,
): CaseloadRow[] {
  if (students.length === 0) return [];
  const ids = JSON.stringify(students.map((s) => s.id));
  const overrides = overridesOf(sqlite, ids);
  const plans = activePlans(sqlite, ids);

  return students.map((s): CaseloadRow => {
    const flags = raisedFlags(s);
    const seen = before?.[s.id];
    const flagsBefore = new Set(seen?.flags ?? []);
    const newFlags = before ? flags.filter((f) => !flagsBefore.has(f)) : [];
    const tierBefore = seen?.tier ?? null;
    const tierRaised =
      before !== null &&
      s.tier !== null &&
      s.tier !== 'low' &&
      (tierBefore === null || TIER_RANK[s.tier] > TIER_RANK[tierBefore]);
    const plan = plans.get(s.id);
    return {
      studentId: s.id,
      givenName: s.given_name,
      familyName: s.family_name,
      studentNumber: s.student_number,
      gradeLevel: s.grade_level,
      schoolName: s.school_name,
      attendanceRate: s.attendance_rate,
      flags,
      newFlags,
      riskTier: s.tier,
      riskScore: s.score,
      scoreChange:
        s.score !== null && s.previous_score !== null ? s.score - s.previous_score : null,
      tierBefore,
      tierRaised,
      overrideTier: overrides.get(s.id) ?? null,
      activeInterventions: plan?.count ?? 0,
      nextCheckIn: plan?.nextCheckIn ?? null,
    };
  });
}

/** Each student's flags in their latest weekly snapshot on or before `date`. */
function flagsOn(
  sqlite: SQLite.Database,
  ids: string,
  date: IsoDate,
): Map<string, Partial<FlagColumns>> {
  const rows = sqlite
    .prepare(
      `SELECT f.student_id, ${FLAG_KEYS.map((k) => `f.flag_${k}`).join(', ')}
       FROM student_features f
       WHERE f.student_id IN (SELECT value FROM json_each(?))
         AND f.week_start = (SELECT max(week_start) FROM student_features x
                             WHERE x.student_id = f.student_id AND x.week_start <= ?)`,
    )
    .all(ids, date) as ({ student_id: string } & FlagColumns)[];
  return new Map(rows.map((r) => [r.student_id, r]));
}

/** Each student's tier from the same model in the latest scored week on or before `date`. */
function tiersOn(sqlite: SQLite.Database, ids: string, date: IsoDate): Map<string, RiskTier> {
  const rows = sqlite
    .prepare(
      `SELECT r.student_id, p.tier FROM student_risk r
       JOIN predictions p ON p.model_version_id = r.model_version_id AND p.student_id = r.student_id
       WHERE r.student_id IN (SELECT value FROM json_each(?))
         AND p.week_start = (SELECT max(week_start) FROM predictions x
                             WHERE x.model_version_id = r.model_version_id
                               AND x.student_id = r.student_id AND x.week_start <= ?)`,
    )
    .all(ids, date) as { student_id: string; tier: RiskTier }[];
  return new Map(rows.map((r) => [r.student_id, r.tier]));
}

/** Active plans per student and the earliest next check-in among them. */
function activePlans(
  sqlite: SQLite.Database,
  ids: string,
): Map<string, { count: number; nextCheckIn: IsoDate }> {
  const rows = sqlite
    .prepare(
      `SELECT i.student_id, i.start_date, i.monitoring,
         (SELECT max(date) FROM intervention_checkins c
          WHERE c.intervention_id = i.id AND c.deleted_at IS NULL) AS last_checkin
       FROM interventions i
       WHERE i.student_id IN (SELECT value FROM json_each(?))
         AND i.status = 'active' AND i.deleted_at IS NULL`,
    )
    .all(ids) as {
    student_id: string;
    start_date: IsoDate;
    monitoring: Parameters<typeof nextCheckInDue>[2];
    last_checkin: IsoDate | null;
  }[];
  const out = new Map<string, { count: number; nextCheckIn: IsoDate }>();
  for (const r of rows) {
    const due = nextCheckInDue(r.start_date, r.last_checkin, r.monitoring);
    const seen = out.get(r.student_id);
    out.set(r.student_id, {
      count: (seen?.count ?? 0) + 1,
      nextCheckIn: seen && seen.nextCheckIn < due ? seen.nextCheckIn : due,
    });
  }
  return out;
}
