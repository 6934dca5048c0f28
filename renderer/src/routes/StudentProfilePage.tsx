import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ReportDownloadButton } from '../components/common/ReportDownloadButton';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { ProfileView } from '../components/profile/ProfileView';
import { ROLE_SCOPE, SCOPE_DESCRIPTIONS } from '../domain/labels';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { studentProfile } from '../stores/profileStore';
import { downloadStudentReport } from '../stores/reports/downloadReport';
import { hrefFor } from '../stores/routes';
import { lastStudentQueryStore } from '../stores/studentListStore';

export function StudentProfilePage({ studentId }: { studentId: string }) {
  const { t } = useTranslation('profile');
  const { state, reload } = useQuery(studentProfile, studentId);
  const backQuery = useStore(lastStudentQueryStore, (s) => s.query);
  const role = useSession().staff?.role;
  const name =
    state.status === 'ready'
      ? `${state.data.student.givenName} ${state.data.student.familyName}`
      : null;
  useDocumentTitle(name ?? t('page.title'));
  const scope = role ? { scope: SCOPE_DESCRIPTIONS[ROLE_SCOPE[role]] } : null;
  const forbidden = scope
    ? role === 'school_admin'
      ? t('page.forbiddenAskDistrict', scope)
      : t('page.forbiddenAskAdmin', scope)
    : undefined;
  return (
    <div className="page">
      <p className="back-link">
        <a href={hrefFor({ name: 'students', query: backQuery })}>
          <span aria-hidden="true">← </span>
          {t('page.back')}
        </a>
      </p>
      <div className="page-head">
        <PageHeading>
          {name === null ? t('page.title') : <span translate="no">{name}</span>}
        </PageHeading>
        {state.status === 'ready' && (
          <ReportDownloadButton
            label={t('page.downloadReport')}
            what={t('page.reportWhat')}
            download={() => downloadStudentReport(studentId)}
          />
        )}
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('page.errorAction')}
          onRetry={reload}
          forbiddenMessage={forbidden}
        />
      ) : state.status === 'ready' ? (
        <ProfileView profile={state.data} />
      ) : (
        <LoadingState what={t('page.loadingWhat')} lines={8} />
      )}
    </div>
  );
}
