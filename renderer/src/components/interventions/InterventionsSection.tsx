import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionView } from '../../api/types';
import { canPlanInterventions } from '../../domain/permissions';
import { useFocusWhenShown } from '../../hooks/useFocusWhenShown';
import { useQuery } from '../../hooks/useQuery';
import { useSession } from '../../hooks/useSession';
import { dataOf } from '../../stores/asyncState';
import { studentInterventions } from '../../stores/interventions/interventionsStore';
import { EmptyState } from '../feedback/EmptyState';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';
import { InterventionCard, interventionHeadingId } from './InterventionCard';
import { PlanForm } from './PlanForm';

const PLAN_BUTTON_ID = 'plan-intervention';

/** Active plans first (the ones to act on), each group in the core's order (newest start first). */
function activeFirst(list: InterventionView[]): InterventionView[] {
  return [...list].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
}

/**
 * The student's MTSS interventions on their profile: each plan with its check-ins and outcome,
 * and for teachers, counselors and school admins a way to plan a new one.
 */
export function InterventionsSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation('interventions');
  const { state, reload } = useQuery(studentInterventions, studentId);
  const canPlan = canPlanInterventions(useSession().staff?.role);
  const [planning, setPlanning] = useState(false);
  const [saved, setSaved] = useState('');
  const focusWhenShown = useFocusWhenShown();
  const data = dataOf(state);

  const startPlanning = () => {
    setSaved('');
    setPlanning(true);
  };
  const cancelPlanning = () => {
    setPlanning(false);
    focusWhenShown(PLAN_BUTTON_ID);
  };
  const planned = (interventionId: string) => {
    setPlanning(false);
    setSaved(t('section.saved'));
    focusWhenShown(interventionHeadingId(interventionId));
  };

  return (
    <section className="card interventions" aria-labelledby="interventions-title">
      <div className="card-head">
        <h2 id="interventions-title" className="card-title">
          {t('section.title')}
        </h2>
        {canPlan && data && !planning && (
          <button id={PLAN_BUTTON_ID} type="button" className="button" onClick={startPlanning}>
            {t('section.plan')}
          </button>
        )}
      </div>
      <p className="feedback-saved" role="status">
        {saved}
      </p>
      {planning && data && (
        <PlanForm
          mode="create"
          studentId={studentId}
          today={data.today}
          onCancel={cancelPlanning}
          onSaved={planned}
        />
      )}
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('section.failedAction')}
          onRetry={reload}
          headingLevel={3}
        />
      ) : !data ? (
        <LoadingState what={t('section.loading')} lines={3} />
      ) : data.interventions.length === 0 ? (
        <EmptyState title={t('section.emptyTitle')}>
          <p>{canPlan ? t('section.emptyCanPlan') : t('section.emptyCannotPlan')}</p>
        </EmptyState>
      ) : (
        <ul className="intervention-list" aria-label={t('section.listLabel')}>
          {activeFirst(data.interventions).map((intervention) => (
            <li key={intervention.id}>
              <InterventionCard intervention={intervention} today={data.today} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
