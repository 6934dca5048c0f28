import { useEffect } from 'react';
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
  useDocumentTitle('Pipeline');
  const role = useSession().staff?.role;
  const { state, reload } = useQuery(pipelineRuns, null);
  const data = dataOf(state);
  const refused = state.status === 'error' && state.error.code === 'forbidden';
  useEffect(() => {
    if (!refused) void followRunningPipeline();
  }, [refused]);
  return (
    <div className="page">
      <PageHeading>Weekly feature pipeline</PageHeading>
      <p className="page-lede">
        The pipeline turns attendance, grades, incidents and learning-platform activity into each
        student’s weekly features and early-warning flags. It runs after every import and once a
        day; run it here when you need the dashboards current now.
      </p>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action="open the pipeline page"
          onRetry={refused ? undefined : reload}
          forbiddenMessage={`${state.error.message} Ask your school or district admin if the dashboards look out of date.`}
        />
      ) : !data ? (
        <LoadingState what="the pipeline’s history" lines={6} />
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
