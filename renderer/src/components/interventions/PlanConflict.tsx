import { useTranslation } from 'react-i18next';
import type { InterventionOwner, InterventionView } from '../../api/types';
import type { PlanDraft } from '../../domain/interventions';
import {
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
  MONITORING_LABELS,
} from '../../domain/interventionLabels';
import { formatDate } from '../../format/format';
import { i18n } from '../../i18n';

/** Each plan field in words, as the conflict compares them (`data`: what someone typed or chose). */
function planInWords(
  plan: PlanDraft,
  owners: InterventionOwner[],
  ownerName?: string,
): { field: string; text: string; data?: boolean }[] {
  return [
    { field: i18n.t('interventions:fields.tier'), text: INTERVENTION_TIER_LABELS[plan.tier].label },
    {
      field: i18n.t('interventions:fields.type'),
      text: plan.type ? INTERVENTION_TYPE_LABELS[plan.type].label : '',
    },
    { field: i18n.t('interventions:fields.goal'), text: plan.goal.trim(), data: true },
    { field: i18n.t('interventions:fields.strategies'), text: plan.strategies.trim(), data: true },
    {
      field: i18n.t('interventions:fields.owner'),
      text: ownerName ?? owners.find((o) => o.id === plan.ownerId)?.name ?? plan.ownerId,
      data: true,
    },
    {
      field: i18n.t('interventions:fields.startDate'),
      text: formatDate(plan.startDate) ?? plan.startDate,
    },
    {
      field: i18n.t('interventions:fields.endDate'),
      text: formatDate(plan.endDate) ?? plan.endDate,
    },
    { field: i18n.t('interventions:fields.monitoring'), text: MONITORING_LABELS[plan.monitoring] },
  ];
}

/**
 * Someone saved this plan after the form was opened: what they saved, where it differs from what
 * is in the form, and a way to save the form's version over it. Nothing typed is lost; Cancel
 * keeps theirs.
 */
export function PlanConflict({
  draft,
  saved,
  owners,
  disabled,
  onKeepMine,
}: {
  draft: PlanDraft;
  saved: InterventionView;
  owners: InterventionOwner[];
  disabled: boolean;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation('interventions');
  const mine = planInWords(draft, owners);
  const theirs = planInWords(saved, owners, saved.ownerName);
  const differences = theirs.filter((t, i) => t.text !== mine[i]?.text);
  return (
    <div className="plan-conflict">
      {differences.length === 0 ? (
        <p>{t('conflict.same')}</p>
      ) : (
        <>
          <p>{t('conflict.differs')}</p>
          <dl className="conflict-list">
            {differences.map((d) => (
              <div key={d.field}>
                <dt>{d.field}</dt>
                <dd translate={d.data && d.text ? 'no' : undefined}>
                  {d.text || t('conflict.blank')}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>{t('conflict.explain')}</p>
      <button type="button" className="button" disabled={disabled} onClick={onKeepMine}>
        {t('conflict.saveMine')}
      </button>
    </div>
  );
}
