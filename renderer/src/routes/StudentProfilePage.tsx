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
  const { state, reload } = useQuery(studentProfile, studentId);
  const backQuery = useStore(lastStudentQueryStore, (s) => s.query);
  const role = useSession().staff?.role;
  const name =
    state.status === 'ready'
      ? `${state.data.student.givenName} ${state.data.student.familyName}`
      : null;
  useDocumentTitle(name ?? 'Student profile');
  const askWhom = role === 'school_admin' ? 'the district office' : 'your school admin';
  const forbidden = role
    ? `This student is outside your scope: you can open records only for ${SCOPE_DESCRIPTIONS[ROLE_SCOPE[role]]}. If you need this record, ask ${askWhom}.`
    : undefined;
  return (
    <div className="page">
      <p className="back-link">
        <a href={hrefFor({ name: 'students', query: backQuery })}>
          <span aria-hidden="true">← </span>Back to students
        </a>
      </p>
      <div className="page-head">
        <PageHeading>{name ?? 'Student profile'}</PageHeading>
        {state.status === 'ready' && (
          <ReportDownloadButton
            label="Download report (PDF)"
            what="the student’s report"
            download={() => downloadStudentReport(studentId)}
          />
        )}
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action="open this student’s profile"
          onRetry={reload}
          forbiddenMessage={forbidden}
        />
      ) : state.status === 'ready' ? (
        <ProfileView profile={state.data} />
      ) : (
        <LoadingState what="the student’s profile" lines={8} />
      )}
    </div>
  );
}
