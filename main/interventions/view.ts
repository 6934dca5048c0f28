import type SQLite from 'better-sqlite3';
import type { Intervention, InterventionCheckin, IsoDate } from '../../db/schema';
import type { InterventionCheckinView, InterventionView } from '../api/contract';
import type { Session } from '../auth/sessions';
import { mayEdit, mayReadPrivate } from './access';
import { nextCheckInDue } from './schedule';

type CheckinRow = InterventionCheckin & { author_name: string };
type InterventionRow = Intervention & { owner_name: string; created_by_name: string };

const STAFF_NAME = (alias: string) =>
  `coalesce((SELECT given_name || ' ' || family_name FROM staff WHERE id = ${alias}), 'Unknown staff member')`;

/** A student's interventions, newest start first, as the caller may see them. */
export function interventionsForStudent(
  sqlite: SQLite.Database,
  studentId: string,
  session: Session,
  on: IsoDate,
): InterventionView[] {
  const rows = sqlite
    .prepare(
      `SELECT i.*, ${STAFF_NAME('i.owner_id')} AS owner_name,
         ${STAFF_NAME('i.created_by')} AS created_by_name
       FROM interventions i
       WHERE i.student_id = ? AND i.deleted_at IS NULL
       ORDER BY i.status = 'closed', i.start_date DESC, i.id DESC`,
    )
    .all(studentId) as InterventionRow[];
  const checkins = sqlite
    .prepare(
      `SELECT c.*, ${STAFF_NAME('c.author_id')} AS author_name
       FROM intervention_checkins c
       WHERE c.student_id = ? AND c.deleted_at IS NULL
       ORDER BY c.date DESC, c.created_at DESC`,
    )
    .all(studentId) as CheckinRow[];
  return rows.map((row) =>
    toView(
      row,
      checkins.filter((c) => c.intervention_id === row.id),
      session,
      on,
    ),
  );
}

export function interventionView(
  sqlite: SQLite.Database,
  interventionId: string,
  session: Session,
  on: IsoDate,
): InterventionView | null {
  const row = sqlite
    .prepare(
      `SELECT i.*, ${STAFF_NAME('i.owner_id')} AS owner_name,
         ${STAFF_NAME('i.created_by')} AS created_by_name
       FROM interventions i WHERE i.id = ? AND i.deleted_at IS NULL`,
    )
    .get(interventionId) as InterventionRow | undefined;
  if (!row) return null;
  const checkins = sqlite
    .prepare(
      `SELECT c.*, ${STAFF_NAME('c.author_id')} AS author_name
       FROM intervention_checkins c
       WHERE c.intervention_id = ? AND c.deleted_at IS NULL
       ORDER BY c.date DESC, c.created_at DESC`,
    )
    .all(interventionId) as CheckinRow[];
  return toView(row, checkins, session, on);
}

function toView(
  row: InterventionRow,
  checkins: CheckinRow[],
  session: Session,
  on: IsoDate,
): InterventionView {
  const readable = checkins.filter((c) => !c.private || mayReadPrivate(session, c.author_id));
  // The schedule follows every check-in, private or not: a hidden note still counts as done.
  const lastCheckIn = checkins[0]?.date ?? null;
  const due =
    row.status === 'active' ? nextCheckInDue(row.start_date, lastCheckIn, row.monitoring) : null;
  return {
    id: row.id,
    studentId: row.student_id,
    tier: row.tier,
    type: row.type,
    goal: row.goal,
    strategies: row.strategies,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    startDate: row.start_date,
    endDate: row.end_date,
    monitoring: row.monitoring,
    status: row.status,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    closedAt: row.closed_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    nextCheckInDue: due,
    overdue: due !== null && due < on,
    checkins: readable.map((c): InterventionCheckinView => ({
      id: c.id,
      date: c.date,
      progress: c.progress,
      note: c.note,
      private: c.private === 1,
      authorName: c.author_name,
      createdAt: c.created_at,
    })),
    hiddenPrivateNotes: checkins.length - readable.length,
    canEdit: mayEdit(session, row),
  };
}
