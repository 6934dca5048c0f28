import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { ModelDetail } from '../components/models/ModelDetail';
import { ModelJobs } from '../components/models/ModelJobs';
import { ModelsExplainer } from '../components/models/ModelsExplainer';
import { ModelVersionsTable } from '../components/models/ModelVersionsTable';
import { canManageModels, canRescore } from '../domain/permissions';
import { selectedModelId } from '../domain/risk';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { followRunningModelJobs } from '../stores/models/modelActions';
import { modelList } from '../stores/models/modelsStore';

/** District flag rate when no version says otherwise (DOMAIN.md: the top 10%). */
const DEFAULT_FLAG_RATE = 0.1;

/**
 * The risk model's versions: what the numbers mean, train / re-score, the versions with their
 * headline numbers, and the chosen version in detail with its fairness audit. District admins
 * manage; school admins read.
 */
export function ModelsPage({ modelId }: { modelId: string | null }) {
  const { t } = useTranslation('models');
  useDocumentTitle(t('page.title'));
  const role = useSession().staff?.role;
  const canManage = canManageModels(role);
  const { state, reload } = useQuery(modelList, null);
  const data = dataOf(state);
  const refused = state.status === 'error' && state.error.code === 'forbidden';
  useEffect(() => {
    if (!refused && (canManage || canRescore(role))) void followRunningModelJobs();
  }, [refused, canManage, role]);

  const selectedId = data ? selectedModelId(data.models, data.activeId, modelId) : null;
  const selected = data?.models.find((m) => m.id === selectedId) ?? null;
  const active = data?.models.find((m) => m.id === data.activeId) ?? null;
  const flagRate = (active ?? selected)?.metrics.flagRate ?? DEFAULT_FLAG_RATE;

  return (
    <div className="page">
      <PageHeading>{t('page.title')}</PageHeading>
      <p className="page-lede">{t('page.lede')}</p>
      {role && !canManage && !refused && <p className="notice">{t('page.readOnly')}</p>}
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
          <ModelsExplainer flagRate={flagRate} />
          {(canManage || canRescore(role)) && (
            <ModelJobs canTrain={canManage} canScore={canRescore(role) && data.activeId !== null} />
          )}
          {data.models.length === 0 ? (
            <EmptyState title={t('page.emptyTitle')}>
              <p>{canManage ? t('page.emptyManage') : t('page.emptyRead')}</p>
            </EmptyState>
          ) : (
            <>
              {!active && (
                <p className="notice">
                  {canManage ? t('page.noActiveManage') : t('page.noActiveRead')}
                </p>
              )}
              <ModelVersionsTable
                models={data.models}
                activeId={data.activeId}
                selectedId={selectedId}
                busy={state.status === 'loading'}
              />
              {selected && (
                <ModelDetail
                  model={selected}
                  activeName={active?.name ?? null}
                  canRollBack={data.models.some((m) => m.status === 'retired')}
                  canManage={canManage}
                />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
