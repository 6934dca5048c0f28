import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionView } from '../../api/types';
import { checkClose, type CloseDraft } from '../../domain/interventions';
import {
  INTERVENTION_OUTCOME_LABELS,
  INTERVENTION_OUTCOME_ORDER,
} from '../../domain/interventionLabels';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useFormSave } from '../../hooks/useFormSave';
import { closeIntervention } from '../../stores/interventions/interventionActions';
import { ChoiceGroup, FormField } from '../common/FormField';
import { FormProblem } from './FormProblem';

const CLOSE_FIELDS = ['outcome', 'note'] as const;

/** Ends an intervention with its outcome; after that it takes no more check-ins. */
export function CloseForm({
  intervention,
  onCancel,
  onSaved,
}: {
  intervention: InterventionView;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('interventions');
  const [draft, setDraft] = useState<CloseDraft>({ outcome: '', note: '' });
  const { saving, issues, other, error, submit, formRef } = useFormSave(CLOSE_FIELDS);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ids = { studentId: intervention.studentId, interventionId: intervention.id };
    if (await submit(checkClose(draft, ids), closeIntervention)) onSaved();
  };

  return (
    <form
      ref={formRef}
      className="intervention-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h4 id={titleId} ref={heading} tabIndex={-1} className="form-title">
        {t('closeForm.title')}
      </h4>
      <p className="card-note">{t('closeForm.note')}</p>
      <ChoiceGroup
        legend={t('closeForm.outcome')}
        error={issues.outcome}
        value={draft.outcome}
        choices={INTERVENTION_OUTCOME_ORDER.map((o) => ({
          value: o,
          label: INTERVENTION_OUTCOME_LABELS[o].label,
          hint: INTERVENTION_OUTCOME_LABELS[o].description,
        }))}
        onChange={(outcome) => setDraft((d) => ({ ...d, outcome }))}
      />
      <FormField
        label={t('closeForm.whatHappened')}
        hint={t('closeForm.whatHappenedHint')}
        error={issues.note}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
          />
        )}
      </FormField>
      <FormProblem what="outcome" issues={issues} other={other} error={error} />
      <div className="wizard-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('closeForm.saving') : t('closeForm.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('closeForm.cancel')}
        </button>
      </div>
    </form>
  );
}
