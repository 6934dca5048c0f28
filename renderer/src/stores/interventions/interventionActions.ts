import type {
  CheckInInput,
  CloseInterventionInput,
  InterventionPlanInput,
  InterventionUpdateInput,
} from '../../api/types';
import { caseload } from '../caseload/caseloadStore';
import { request } from '../request';
import { checkInsDue, interventionCoverage, studentInterventions } from './interventionsStore';

/**
 * After a write the student's list is asked again and awaited, so a form closes onto the saved
 * state; reminders and coverage are marked stale and refresh when next shown. (The core's
 * `data.changed` event marks them too, for other windows.)
 */
async function refreshAfterWrite(studentId: string): Promise<void> {
  checkInsDue.invalidate();
  interventionCoverage.invalidate();
  caseload.invalidate();
  await studentInterventions.load(studentId, { force: true });
}

/** Plans an intervention; returns its id. */
export async function planIntervention(input: InterventionPlanInput): Promise<string> {
  const { id } = await request('interventions.create', input);
  await refreshAfterWrite(input.studentId);
  return id;
}

/** Saves an edited plan; refused with `conflict` when someone saved it after it was read. */
export async function updateIntervention(input: InterventionUpdateInput): Promise<void> {
  await request('interventions.update', input);
  await refreshAfterWrite(input.studentId);
}

export async function recordCheckIn(input: CheckInInput): Promise<void> {
  await request('interventions.checkIn', input);
  await refreshAfterWrite(input.studentId);
}

export async function closeIntervention(input: CloseInterventionInput): Promise<void> {
  await request('interventions.close', input);
  await refreshAfterWrite(input.studentId);
}

/** A refused edit leaves the form as typed; this fetches the newer plan to show beside it. */
export async function reloadStudentInterventions(studentId: string): Promise<void> {
  await studentInterventions.load(studentId, { force: true });
}
