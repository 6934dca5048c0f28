import type { InterventionOwner, InterventionView } from '../../api/types';
import type { PlanDraft } from '../../domain/interventions';
import {
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
  MONITORING_LABELS,
} from '../../domain/interventionLabels';
import { formatDate } from '../../format/format';

/** Each plan field in words, as the conflict compares them. */
function planInWords(plan: PlanDraft, owners: InterventionOwner[], ownerName?: string) {
  return [
    { field: 'Tier', text: INTERVENTION_TIER_LABELS[plan.tier].label },
    {
      field: 'What it addresses',
      text: plan.type ? INTERVENTION_TYPE_LABELS[plan.type].label : '',
    },
    { field: 'Goal', text: plan.goal.trim() },
    { field: 'Strategies', text: plan.strategies.trim() },
    {
      field: 'Champion',
      text: ownerName ?? owners.find((o) => o.id === plan.ownerId)?.name ?? plan.ownerId,
    },
    { field: 'Start date', text: formatDate(plan.startDate) ?? plan.startDate },
    { field: 'Planned end date', text: formatDate(plan.endDate) ?? plan.endDate },
    { field: 'Check progress', text: MONITORING_LABELS[plan.monitoring] },
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
  const mine = planInWords(draft, owners);
  const theirs = planInWords(saved, owners, saved.ownerName);
  const differences = theirs.filter((t, i) => t.text !== mine[i]?.text);
  return (
    <div className="plan-conflict">
      {differences.length === 0 ? (
        <p>The saved plan now reads the same as your form.</p>
      ) : (
        <>
          <p>The saved plan now says (where it differs from your form):</p>
          <dl className="conflict-list">
            {differences.map((d) => (
              <div key={d.field}>
                <dt>{d.field}</dt>
                <dd>{d.text || 'Left blank'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>
        Someone saved this plan after you opened it. Your changes are still in the form above: save
        them over the newer version, or cancel to keep it.
      </p>
      <button type="button" className="button" disabled={disabled} onClick={onKeepMine}>
        Save my version over it
      </button>
    </div>
  );
}
