import type { StaffRole } from '../api/types';
import { ReportDownloadButton } from '../components/common/ReportDownloadButton';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { SectionDetail } from '../components/sections/SectionDetail';
import { sectionsTitle } from '../domain/sections';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { downloadClassReport } from '../stores/reports/downloadReport';
import { hrefFor } from '../stores/routes';
import { sectionView } from '../stores/sections/sectionsStore';

/** The core's refusal for a section outside the person's scope, with what to do about it. */
function refusal(role: StaffRole | undefined): string | undefined {
  if (role === 'teacher') {
    return 'You can open only the sections you teach, and this is not one of them. If you need it, ask its teacher or your school admin.';
  }
  if (role === 'counselor' || role === 'school_admin') {
    return 'You can open only the sections at your school. If you need this one, ask the district office.';
  }
  return undefined;
}

/** One section: who it is, who needs attention, the roster, the weekly trend, the class report. */
export function SectionPage({ sectionId }: { sectionId: string }) {
  const { state, reload } = useQuery(sectionView, sectionId);
  const role = useSession().staff?.role;
  const title = state.status === 'ready' ? state.data.section.title : null;
  useDocumentTitle(title ?? 'Section');
  const refused = state.status === 'error' && state.error.code === 'forbidden';
  return (
    <div className="page">
      <p className="back-link">
        <a href={hrefFor({ name: 'sections' })}>
          <span aria-hidden="true">← </span>Back to {sectionsTitle(role).toLowerCase()}
        </a>
      </p>
      <div className="page-head">
        <PageHeading>{title ?? 'Section'}</PageHeading>
        {state.status === 'ready' && (
          <ReportDownloadButton
            label="Class report (PDF)"
            what="the class report"
            download={() => downloadClassReport(sectionId)}
          />
        )}
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action="open this section"
          onRetry={refused ? undefined : reload}
          forbiddenMessage={refusal(role)}
        />
      ) : state.status === 'ready' ? (
        <SectionDetail view={state.data} />
      ) : (
        <LoadingState what="the section" lines={8} />
      )}
    </div>
  );
}
