import { createQueryStore } from '../queryStore';
import { request } from '../request';

/** The open student's interventions with their check-ins (private notes only for those allowed). */
export const studentInterventions = createQueryStore((studentId: string) =>
  request('interventions.forStudent', { studentId }),
);

/** Who may champion an intervention for the open student (asked only when a plan form opens). */
export const interventionOwners = createQueryStore(async (studentId: string) => {
  const { owners } = await request('interventions.owners', { studentId });
  return owners;
});

/** Check-ins the signed-in person should make within the week, most overdue first. */
export const checkInsDue = createQueryStore((_: null) => request('interventions.due', {}));

/** For admins: high-risk students with an active intervention, for one school or the district. */
export const interventionCoverage = createQueryStore((schoolId: string | null) =>
  request('interventions.coverage', schoolId ? { schoolId } : {}),
);
