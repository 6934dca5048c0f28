import type { StaffRole } from '../../db/schema';
import type { Session } from '../auth/sessions';

/** Who plans and runs interventions on the laptop; district admins read them (DOMAIN.md). */
export const INTERVENTION_EDITORS = ['teacher', 'counselor', 'school_admin'] as const;

export function isEditorRole(role: StaffRole): boolean {
  return (INTERVENTION_EDITORS as readonly StaffRole[]).includes(role);
}

/**
 * Counselors and school admins run any intervention of a student they can see; a teacher runs
 * the ones they champion or started, not a counselor's plan for the same student.
 */
export function mayEdit(
  session: Session,
  intervention: { owner_id: string; created_by: string },
): boolean {
  const { role, id } = session.staff;
  if (role === 'counselor' || role === 'school_admin') return true;
  return role === 'teacher' && (intervention.owner_id === id || intervention.created_by === id);
}

/** Private notes are for their author and counselors only (DOMAIN.md). */
export function mayReadPrivate(session: Session, authorId: string): boolean {
  return session.staff.role === 'counselor' || session.staff.id === authorId;
}
