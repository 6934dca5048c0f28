import { useEffect } from 'react';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { ImportWizard } from '../components/imports/ImportWizard';
import { RecentImports } from '../components/imports/RecentImports';
import { PageHeading } from '../components/layout/PageHeading';
import type { StaffRole } from '../api/types';
import { canImport } from '../domain/permissions';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { recentImports } from '../stores/imports/recentImportsStore';
import { resumeRunningImport } from '../stores/imports/wizardStore';

/** What each importing role's rows are limited to (main/imports/scope.ts enforces it). */
const SCOPE_NOTE: Partial<Record<StaffRole, string>> = {
  teacher:
    'You can import attendance, grades, assignments, submissions, LMS activity and assessment results for the students in your sections. Attendance and LMS rows must name one of your sections. Rows about other students are set aside with a reason.',
  school_admin:
    'You can import records for the students and sections of your school. Rosters (OneRoster) are imported by the district office.',
};

/**
 * Import data: the wizard, and below it the latest imports. Teachers, school and district admins
 * (the core decides what each may import, row by row).
 */
export function ImportsPage() {
  useDocumentTitle('Import data');
  const role = useSession().staff?.role;
  // Other roles never see the wizard: the core's refusal of the import list says why, in words.
  const allowed = canImport(role);
  const recent = useQuery(recentImports, null);
  const error = recent.state.status === 'error' ? recent.state.error : null;
  const refused = error?.code === 'forbidden';
  useEffect(() => {
    if (allowed) void resumeRunningImport();
  }, [allowed]);
  return (
    <div className="page">
      <PageHeading>Import data</PageHeading>
      <p className="page-lede">
        Bring in exports from your student information system or learning platform. Sightline checks
        every row before saving: rows it cannot use are set aside (quarantined) with a reason you
        can act on, never silently dropped.
      </p>
      {role && SCOPE_NOTE[role] && <p className="notice">{SCOPE_NOTE[role]}</p>}
      {error && (refused || !allowed) ? (
        <ErrorPanel
          error={error}
          action="open imports"
          onRetry={refused ? undefined : recent.reload}
          forbiddenMessage={`${error.message} If a file needs importing, send it to your district office.`}
        />
      ) : !allowed ? (
        <LoadingState what="imports" />
      ) : (
        <>
          <ImportWizard />
          <RecentImports />
        </>
      )}
    </div>
  );
}
