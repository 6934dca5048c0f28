import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionOwner, InterventionView, IsoDate } from '../../api/types';
import {
  changeStartDate,
  changeTier,
  checkPlan,
  checkPlanEdit,
  draftFromIntervention,
  newPlanDraft,
  type PlanDefaults,
  type PlanDraft,
} from '../../domain/interventions';
import {
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TIER_ORDER,
  INTERVENTION_TYPE_LABELS,
  INTERVENTION_TYPE_ORDER,
  isInterventionType,
  isMonitoringFrequency,
  MONITORING_LABELS,
  MONITORING_ORDER,
} from '../../domain/interventionLabels';
import { ROLE_LABELS } from '../../domain/labels';
import { i18n } from '../../i18n';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useFormSave } from '../../hooks/useFormSave';
import { useQuery } from '../../hooks/useQuery';
import { useSession } from '../../hooks/useSession';
import { dataOf } from '../../stores/asyncState';
import {
  planIntervention,
  reloadStudentInterventions,
  updateIntervention,
} from '../../stores/interventions/interventionActions';
import { interventionOwners } from '../../stores/interventions/interventionsStore';
import { ChoiceGroup, FormField } from '../common/FormField';
import { FormProblem } from './FormProblem';
import { PlanConflict } from './PlanConflict';

const PLAN_FIELDS = [
  'tier',
  'type',
  'goal',
  'strategies',
  'ownerId',
  'startDate',
  'endDate',
  'monitoring',
] as const;

type PlanFormProps = {
  studentId: string;
  /** The core's today, for the default start date. */
  today: IsoDate;
  onCancel: () => void;
  /** Called once saved (and the list refreshed), with the intervention's id. */
  onSaved: (interventionId: string) => void;
} & (
  | { mode: 'create' }
  /** The plan as it is now: after a refused edit it is the newer version someone else saved. */
  | { mode: 'edit'; intervention: InterventionView }
);

/**
 * Plan a new intervention, or edit one. DOMAIN.md's defaults are filled in (Tier 2, six weeks,
 * monitoring by tier) and follow the tier and start date until the person changes them. A refused
 * save keeps everything typed; an edit refused because someone else saved first shows what they
 * saved and lets the person keep theirs.
 */
export function PlanForm(props: PlanFormProps) {
  const { t } = useTranslation('interventions');
  const { studentId, today, onCancel, onSaved } = props;
  const me = useSession().staff?.id ?? '';
  const [draft, setDraft] = useState<PlanDraft>(() =>
    props.mode === 'edit' ? draftFromIntervention(props.intervention) : newPlanDraft(today, me),
  );
  const [follows, setFollows] = useState<PlanDefaults>(() => ({
    endDate: props.mode === 'create',
    monitoring: props.mode === 'create',
  }));
  // The version the person started editing from; a conflict keeps it until they choose.
  const [baseUpdatedAt, setBaseUpdatedAt] = useState(() =>
    props.mode === 'edit' ? props.intervention.updatedAt : 0,
  );
  const owners = useQuery(interventionOwners, studentId);
  const ownerList = dataOf(owners.state);
  const { saving, issues, other, error, submit, formRef } = useFormSave(PLAN_FIELDS);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  // The new plan's form sits under the section heading; an edit sits inside its plan's card.
  const Heading = props.mode === 'create' ? 'h3' : 'h4';

  // A default champion who is not eligible for this student is no choice at all.
  const ownerId = ownerList && !ownerList.some((o) => o.id === draft.ownerId) ? '' : draft.ownerId;
  const planned = { ...draft, ownerId };
  const set = (change: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async (base: number) => {
    if (props.mode === 'create') {
      let newId = '';
      const saved = await submit(checkPlan(planned, studentId), async (input) => {
        newId = await planIntervention(input);
      });
      if (saved) onSaved(newId);
      return;
    }
    const interventionId = props.intervention.id;
    const saved = await submit(
      checkPlanEdit(planned, { studentId, interventionId, baseUpdatedAt: base }),
      async (input) => {
        try {
          await updateIntervention(input);
        } catch (err) {
          // Fetch the newer plan so the conflict can show what was saved meanwhile.
          await reloadStudentInterventions(studentId).catch(() => undefined);
          throw err;
        }
      },
    );
    if (saved) onSaved(interventionId);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(baseUpdatedAt);
  };

  const saveOver = () => {
    if (props.mode !== 'edit') return;
    setBaseUpdatedAt(props.intervention.updatedAt);
    void save(props.intervention.updatedAt);
  };

  return (
    <form
      ref={formRef}
      className="intervention-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={onSubmit}
    >
      <Heading id={titleId} ref={heading} tabIndex={-1} className="form-title">
        {props.mode === 'create' ? t('planForm.titleCreate') : t('planForm.titleEdit')}
      </Heading>
      <ChoiceGroup
        legend={t('fields.tier')}
        error={issues.tier}
        value={draft.tier}
        choices={INTERVENTION_TIER_ORDER.map((tier) => ({
          value: tier,
          label: INTERVENTION_TIER_LABELS[tier].label,
          hint: INTERVENTION_TIER_LABELS[tier].description,
        }))}
        onChange={(tier) => setDraft((d) => changeTier(d, tier, follows))}
      />
      <FormField label={t('fields.type')} error={issues.type}>
        {(control) => (
          <select
            {...control}
            value={draft.type}
            onChange={(e) =>
              set({ type: isInterventionType(e.target.value) ? e.target.value : '' })
            }
          >
            <option value="">{t('planForm.typeChoose')}</option>
            {INTERVENTION_TYPE_ORDER.map((type) => (
              <option key={type} value={type}>
                {t('planForm.typeOption', INTERVENTION_TYPE_LABELS[type])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('fields.goal')} hint={t('planForm.goalHint')} error={issues.goal}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={1000}
            value={draft.goal}
            onChange={(e) => set({ goal: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        label={t('planForm.strategiesLabel')}
        hint={t('planForm.strategiesHint')}
        error={issues.strategies}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            value={draft.strategies}
            onChange={(e) => set({ strategies: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        label={t('fields.owner')}
        hint={t('planForm.ownerHint')}
        error={
          issues.ownerId ??
          (owners.state.status === 'error'
            ? t('planForm.ownersFailed', { message: owners.state.error.message })
            : undefined)
        }
      >
        {(control) => (
          <select
            {...control}
            value={ownerId}
            disabled={!ownerList}
            onChange={(e) => set({ ownerId: e.target.value })}
          >
            <option value="">
              {ownerList ? t('planForm.ownerChoose') : t('planForm.ownersLoading')}
            </option>
            {(ownerList ?? []).map((owner) => (
              <option key={owner.id} value={owner.id}>
                {ownerLabel(owner, me)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form-row">
        <FormField label={t('fields.startDate')} error={issues.startDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.startDate}
              onChange={(e) => setDraft((d) => changeStartDate(d, e.target.value, follows))}
            />
          )}
        </FormField>
        <FormField
          label={t('fields.endDate')}
          hint={follows.endDate ? t('planForm.endDateHint') : undefined}
          error={issues.endDate}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.endDate}
              onChange={(e) => {
                setFollows((f) => ({ ...f, endDate: false }));
                set({ endDate: e.target.value });
              }}
            />
          )}
        </FormField>
      </div>
      <FormField
        label={t('fields.monitoring')}
        hint={follows.monitoring ? t('planForm.monitoringHint') : undefined}
        error={issues.monitoring}
      >
        {(control) => (
          <select
            {...control}
            value={draft.monitoring}
            onChange={(e) => {
              const monitoring = e.target.value;
              if (!isMonitoringFrequency(monitoring)) return;
              setFollows((f) => ({ ...f, monitoring: false }));
              set({ monitoring });
            }}
          >
            {MONITORING_ORDER.map((m) => (
              <option key={m} value={m}>
                {MONITORING_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormProblem what="plan" issues={issues} other={other} error={error}>
        {props.mode === 'edit' && error?.code === 'conflict' && (
          <PlanConflict
            draft={planned}
            saved={props.intervention}
            owners={ownerList ?? []}
            disabled={saving}
            onKeepMine={saveOver}
          />
        )}
      </FormProblem>
      <div className="wizard-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving
            ? t('planForm.saving')
            : props.mode === 'create'
              ? t('planForm.save')
              : t('planForm.saveChanges')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('planForm.cancel')}
        </button>
      </div>
    </form>
  );
}

function ownerLabel(owner: InterventionOwner, me: string): string {
  return owner.id === me
    ? i18n.t('interventions:planForm.ownerYou', { name: owner.name })
    : i18n.t('interventions:planForm.ownerRole', {
        name: owner.name,
        role: ROLE_LABELS[owner.role].one,
      });
}
