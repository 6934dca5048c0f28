import { useId, useState, type FormEvent } from 'react';
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
        Add a check-in
      </h4>
      <FormField label="Date of the check-in" error={issues.date}>
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
        legend="How is the student doing?"
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
      <FormField
        label="Note"
        hint="What happened since the last check-in: what was tried, what changed."
        error={issues.note}
      >
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
          <label htmlFor={privateId}>Private check-in</label>
          <p id={privateHintId} className="field-hint">
            Only you and counselors can read a private check-in. Teachers and administrators who can
            see this student see only that a private check-in was recorded, not its date, progress
            or note. Use it for sensitive matters such as family circumstances.
          </p>
        </div>
      </div>
      <FormProblem what="the check-in" issues={issues} other={other} error={error} />
      <div className="wizard-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save check-in'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
