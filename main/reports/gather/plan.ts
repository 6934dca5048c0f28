import { ApiError } from '../../api/contract';
import type { Session } from '../../auth/sessions';
import { today } from '../../interventions/schedule';
import { interventionView } from '../../interventions/view';
import type { Store } from '../../store/open';
import { studentProfile } from '../../students/profile';
import type { InterventionPlanData } from '../report-data';
import { reportStamp } from './stamp';

/**
 * One intervention as this caller may see it (private notes only for their author and
 * counselors). An id of another student's intervention is refused as if it did not exist.
 */
export async function interventionPlanData(
  store: Store,
  session: Session,
  studentId: string,
  interventionId: string,
): Promise<InterventionPlanData> {
  const intervention = interventionView(store.sqlite, interventionId, session, today());
  if (!intervention || intervention.studentId !== studentId) {
    throw new ApiError('not_found', 'That intervention does not exist for this student.');
  }
  const profile = await studentProfile(store, studentId, session.staff.role);
  return {
    stamp: reportStamp(store.sqlite, session, profile.dataAsOf),
    student: profile.student,
    intervention,
  };
}
