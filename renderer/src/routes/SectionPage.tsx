import { useTranslation } from 'react-i18next';
import { ReportDownloadButton } from '../components/common/ReportDownloadButton';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { SectionDetail } from '../components/sections/SectionDetail';
import { sectionsBackText } from '../domain/sections';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { downloadClassReport } from '../stores/reports/downloadReport';
import { hrefFor } from '../stores/routes';
import { sectionView } from '../stores/sections/sectionsStore';

/** One section: who it is, who needs attention, the roster, the weekly trend, the class report. */
export function SectionPage({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation('sections');
  const { state, reload } = useQuery(sectionView, sectionId);
  const role = useSession().staff?.role;
  const title = state.status === 'ready' ? state.data.section.title : null;
  useDocumentTitle(title ?? t('page.fallbackTitle'));
  const refused = state.status === 'error' && state.error.code === 'forbidden';
  // The core's refusal for a section outside the person's scope, with what to do about it.
  const refusal =
    role === 'teacher'
      ? t('page.refusalTeacher')
      : role === 'counselor' || role === 'school_admin'
        ? t('page.refusalSchool')
        : undefined;
  return (
    <div className="page">
      <p className="back-link">
        <a href={hrefFor({ name: 'sections' })}>
          <span aria-hidden="true">← </span>
          {sectionsBackText(role)}
        </a>
      </p>
      <div className="page-head">
        <PageHeading>
          {title ? <span translate="no">{title}</span> : t('page.fallbackTitle')}
        </PageHeading>
        {state.status === 'ready' && (
          <ReportDownloadButton
            label={t('page.report')}
            what={t('page.reportWhat')}
            download={() => downloadClassReport(sectionId)}
          />
        )}
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('page.failedAction')}
          onRetry={refused ? undefined : reload}
          forbiddenMessage={refusal}
        />
      ) : state.status === 'ready' ? (
        <SectionDetail view={state.data} />
      ) : (
        <LoadingState what={t('page.loading')} lines={8} />
      )}
    </div>
  );
}
