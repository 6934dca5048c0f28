import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('overview');
  useDocumentTitle(t('page.title'));
  const { canChoose, schoolId } = useSchoolChoice();
  const { state, reload } = useQuery(overview, schoolId);
  const schoolList = useQuery(schools, null, canChoose);
  const schoolOptions = dataOf(schoolList.state);
  const role = useSession().staff?.role;
  const heading =
    role === 'teacher' || role === 'counselor'
      ? t('page.headingOwn')
      : canChoose && !schoolId
        ? t('page.headingDistrict')
        : t('page.headingSchool');
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
          action={t('page.schoolsErrorAction')}
          onRetry={schoolList.reload}
        />
      )}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action={t('page.errorAction')} onRetry={reload} />
      ) : state.status === 'ready' ? (
        state.data.enrollment === 0 ? (
          <EmptyState title={t('page.emptyTitle')}>
            <p>{t('page.emptyBody')}</p>
          </EmptyState>
        ) : (
          <OverviewView overview={state.data}>
            <InterventionPanels role={role} schoolId={schoolId} />
          </OverviewView>
        )
      ) : (
        <LoadingState what={t('page.loading')} lines={6} />
      )}
    </div>
  );
}
