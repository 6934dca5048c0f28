import { addDays, format, parseISO } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema';
import type { InterventionDue } from '../api/contract';
import { visibleStudents, type Scope } from '../scope/scope';
import { daysOverdue, nextCheckInDue } from './schedule';

/** Reminders look this far ahead, so a check-in due on Monday shows up the week before. */
export const DUE_WINDOW_DAYS = 7;

/**
 * Active interventions whose next check-in is overdue or due within a week, for the people who
 * run them: their champion, and the counselor whose caseload the student is on.
 */
export async function interventionsDue(
  db: Kysely<Database>,
  scope: Scope,
  on: IsoDate,
): Promise<InterventionDue[]> {
  const rows = await db
    .selectFrom('interventions as i')
    .innerJoin('students', 'students.id', 'i.student_id')
    .where(visibleStudents(scope) as never)
    .where('i.status', '=', 'active')
    .where('i.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('i.owner_id', '=', scope.staffId),
        eb('students.counselor_id', '=', scope.staffId),
      ]),
    )
    .select([
      'i.id',
      'i.student_id',
      'i.tier',
      'i.type',
      'i.goal',
      'i.start_date',
      'i.monitoring',
      'students.given_name',
      'students.family_name',
      'students.grade_level',
      sql<string>`coalesce((SELECT given_name || ' ' || family_name FROM staff WHERE staff.id = i.owner_id), 'Unknown staff member')`.as(
        'owner_name',
      ),
      sql<IsoDate | null>`(SELECT max(date) FROM intervention_checkins c WHERE c.intervention_id = i.id AND c.deleted_at IS NULL)`.as(
        'last_checkin',
      ),
    ])
    .execute();
  const horizon = format(addDays(parseISO(on), DUE_WINDOW_DAYS), 'yyyy-MM-dd');
  return rows
    .map((r): InterventionDue => {
      const due = nextCheckInDue(r.start_date, r.last_checkin, r.monitoring);
      return {
        interventionId: r.id,
        studentId: r.student_id,
        studentName: `${r.given_name} ${r.family_name}`,
        gradeLevel: r.grade_level,
        tier: r.tier,
        type: r.type,
        goal: r.goal,
        ownerName: r.owner_name,
        nextCheckInDue: due,
        daysOverdue: daysOverdue(due, on),
      };
    })
    .filter((d) => d.nextCheckInDue <= horizon)
    .sort(
      (a, b) =>
        a.nextCheckInDue.localeCompare(b.nextCheckInDue) ||
        a.studentName.localeCompare(b.studentName),
    );
}
