import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionView, IsoDate } from '../../api/types';
import { checkCheckIn, newCheckInDraft, type CheckInDraft } from '../../domain/interventions';
import { PROGRESS_LABELS, PROGRESS_ORDER } from '../../domain/interventionLabels';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useFormSave } from '../../hooks/useFormSave';
import { recordCheckIn } from '../../stores/interventions/interventionActions';
import { ChoiceGroup, FormField } from '../common/FormField';
import { FormProblem } from './FormProblem';

const CHECK_IN_FIELDS = ['date', 'progress', 'note', 'private'] as const;

/**
 * A progress check on one intervention: when, how the student is doing, what happened, and
 * whether the note is private (said in plain words: who can and cannot read it).
 */
export function CheckInForm({
  intervention,
  today,
  onCancel,
  onSaved,
}: {
  intervention: InterventionView;
  today: IsoDate;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('interventions');
  const [draft, setDraft] = useState<CheckInDraft>(() => newCheckInDraft(today));
  const { saving, issues, other, error, submit, formRef } = useFormSave(CHECK_IN_FIELDS);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  const privateId = useId();
  const privateHintId = useId();
  const set = (change: Partial<CheckInDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ids = { studentId: intervention.studentId, interventionId: intervention.id };
    if (await submit(checkCheckIn(draft, ids), recordCheckIn)) onSaved();
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
        {t('checkInForm.title')}
      </h4>
      <FormField label={t('checkInForm.date')} error={issues.date}>
        {(control) => (
          <input
            {...control}
            type="date"
            min={intervention.startDate}
            max={today}
            value={draft.date}
            onChange={(e) => set({ date: e.target.value })}
          />
        )}
      </FormField>
      <ChoiceGroup
        legend={t('checkInForm.progress')}
        error={issues.progress}
        value={draft.progress}
        inline
        choices={PROGRESS_ORDER.map((p) => ({
          value: p,
          label: PROGRESS_LABELS[p].label,
          icon: PROGRESS_LABELS[p].icon,
        }))}
        onChange={(progress) => set({ progress })}
      />
      <FormField label={t('checkInForm.note')} hint={t('checkInForm.noteHint')} error={issues.note}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            value={draft.note}
            onChange={(e) => set({ note: e.target.value })}
          />
        )}
      </FormField>
      <div className="field-check">
        <input
          id={privateId}
          type="checkbox"
          checked={draft.private}
          aria-describedby={privateHintId}
          onChange={(e) => set({ private: e.target.checked })}
        />
        <div>
          <label htmlFor={privateId}>{t('checkInForm.private')}</label>
          <p id={privateHintId} className="field-hint">
            {t('checkInForm.privateHint')}
          </p>
        </div>
      </div>
      <FormProblem what="checkIn" issues={issues} other={other} error={error} />
      <div className="wizard-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('checkInForm.saving') : t('checkInForm.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('checkInForm.cancel')}
        </button>
      </div>
    </form>
  );
}
