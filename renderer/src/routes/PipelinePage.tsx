import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { PipelineStatusCard } from '../components/pipeline/PipelineStatusCard';
import { RunControls } from '../components/pipeline/RunControls';
import { RunHistoryTable } from '../components/pipeline/RunHistoryTable';
import { canSchedulePipeline } from '../domain/permissions';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { followRunningPipeline } from '../stores/pipeline/pipelineActions';
import { pipelineRuns } from '../stores/pipeline/pipelineRunsStore';

/** The weekly feature pipeline: freshness, schedule, run now / recompute, history. Admins only. */
export function PipelinePage() {
  const { t } = useTranslation('pipeline');
  useDocumentTitle(t('page.documentTitle'));
  const role = useSession().staff?.role;
  const { state, reload } = useQuery(pipelineRuns, null);
  const data = dataOf(state);
  const refused = state.status === 'error' && state.error.code === 'forbidden';
  useEffect(() => {
    if (!refused) void followRunningPipeline();
  }, [refused]);
  return (
    <div className="page">
      <PageHeading>{t('page.title')}</PageHeading>
      <p className="page-lede">{t('page.lede')}</p>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('page.errorAction')}
          onRetry={refused ? undefined : reload}
          forbiddenMessage={t('page.forbidden', { message: state.error.message })}
        />
      ) : !data ? (
        <LoadingState what={t('page.loading')} lines={6} />
      ) : (
        <>
          <PipelineStatusCard overview={data} canSchedule={canSchedulePipeline(role)} />
          <RunControls />
          <RunHistoryTable runs={data.runs} busy={state.status === 'loading'} />
        </>
      )}
    </div>
  );
}
