import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { OverviewView } from '../components/overview/OverviewView';
import { SchoolPicker } from '../components/common/SchoolPicker';
import { InterventionPanels } from '../components/interventions/InterventionPanels';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSchoolChoice } from '../hooks/useSchoolChoice';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { overview } from '../stores/overviewStore';
import { chooseSchool, schools } from '../stores/schoolsStore';

export function OverviewPage() {
  useDocumentTitle('Overview');
  const { canChoose, schoolId } = useSchoolChoice();
  const { state, reload } = useQuery(overview, schoolId);
  const schoolList = useQuery(schools, null, canChoose);
  const schoolOptions = dataOf(schoolList.state);
  const role = useSession().staff?.role;
  const heading =
    role === 'teacher' || role === 'counselor'
      ? 'Overview of your students'
      : canChoose && !schoolId
        ? 'District overview'
        : 'School overview';
  return (
    <div className="page">
      <div className="page-head">
        <PageHeading>{heading}</PageHeading>
        {canChoose && schoolOptions && (
          <SchoolPicker schools={schoolOptions} value={schoolId} onChange={chooseSchool} />
        )}
      </div>
      {canChoose && schoolList.state.status === 'error' && (
        <ErrorPanel
          error={schoolList.state.error}
          action="list the schools"
          onRetry={schoolList.reload}
        />
      )}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action="load the overview" onRetry={reload} />
      ) : state.status === 'ready' ? (
        state.data.enrollment === 0 ? (
          <EmptyState title="No students are in your view yet.">
            <p>
              Once rosters are imported (or you are assigned sections or a caseload), their numbers
              appear here.
            </p>
          </EmptyState>
        ) : (
          <OverviewView overview={state.data}>
            <InterventionPanels role={role} schoolId={schoolId} />
          </OverviewView>
        )
      ) : (
        <LoadingState what="the overview" lines={6} />
      )}
    </div>
  );
}
