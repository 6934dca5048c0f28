import type { StaffRole } from '../../api/types';
import { canPlanInterventions, canSeeInterventionCoverage } from '../../domain/permissions';
import { CheckInsDuePanel } from './CheckInsDuePanel';
import { CoveragePanel } from './CoveragePanel';

/**
 * The overview's intervention panels for the signed-in role: check-ins due for those who run
 * interventions, coverage for admins (school admins get both).
 */
export function InterventionPanels({
  role,
  schoolId,
}: {
  role: StaffRole | undefined;
  /** The school a district admin chose (null: the whole district). */
  schoolId: string | null;
}) {
  const showDue = canPlanInterventions(role);
  const showCoverage = canSeeInterventionCoverage(role);
  if (!showDue && !showCoverage) return null;
  return (
    <div className="grid-2">
      {showDue && <CheckInsDuePanel role={role} />}
      {showCoverage && <CoveragePanel schoolId={schoolId} />}
    </div>
  );
}
