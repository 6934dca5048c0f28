import { useId, useState, type FormEvent } from 'react';
import type { RiskTier } from '../../api/types';
import { FEEDBACK_NOTE_MAX, overrideProblem } from '../../domain/risk';
import { isRiskTier, RISK_TIER_LABELS, RISK_TIER_ORDER } from '../../domain/riskLabels';
import { useRiskFeedback } from '../../hooks/useRiskFeedback';
import { ErrorPanel } from '../feedback/ErrorPanel';

/**
 * A counselor's or admin's verdict on the model's score: right, wrong (each with an optional
 * note), or a different tier with the reason. The core keeps who, when and why.
 */
export function ModelFeedback({ studentId, tier }: { studentId: string; tier: RiskTier }) {
  const { state, send } = useRiskFeedback(studentId);
  const [note, setNote] = useState('');
  const [overriding, setOverriding] = useState(false);
  const [overrideTier, setOverrideTier] = useState<RiskTier | null>(null);
  const [overrideNote, setOverrideNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = {
    note: useId(),
    noteHint: useId(),
    form: useId(),
    tier: useId(),
    reason: useId(),
    problem: useId(),
  };
  const saving = state.status === 'saving';

  const verdict = async (v: 'right' | 'wrong') => {
    if (await send({ target: 'model', verdict: v, note: note.trim() })) setNote('');
  };
  const submitOverride = async (event: FormEvent) => {
    event.preventDefault();
    const why = overrideProblem(overrideTier, overrideNote);
    setProblem(why);
    if (why || !overrideTier) return;
    const saved = await send({
      target: 'model',
      verdict: 'override',
      overrideTier,
      note: overrideNote.trim(),
    });
    if (saved) {
      setOverriding(false);
      setOverrideTier(null);
      setOverrideNote('');
    }
  };

  return (
    <div className="risk-review">
      <h3 className="risk-subtitle">Is this flag right?</h3>
      <p className="card-note">
        You know this student; the model does not. Your answer is kept with your name and the date
        and is used to check the model.
      </p>
      <div className="field">
        <label htmlFor={ids.note}>Note (optional)</label>
        <textarea
          id={ids.note}
          rows={2}
          maxLength={FEEDBACK_NOTE_MAX}
          value={note}
          aria-describedby={ids.noteHint}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={ids.noteHint} className="field-hint">
          Saved with “This flag is right” or “This flag is wrong”.
        </p>
      </div>
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => void verdict('right')}
        >
          This flag is right
        </button>
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => void verdict('wrong')}
        >
          This flag is wrong
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={overriding}
          aria-controls={ids.form}
          onClick={() => setOverriding((o) => !o)}
        >
          Override tier…
        </button>
      </div>
      <form
        id={ids.form}
        className="override-form"
        hidden={!overriding}
        noValidate
        onSubmit={(e) => void submitOverride(e)}
      >
        <div className="field">
          <label htmlFor={ids.tier}>Tier you think is right</label>
          <select
            id={ids.tier}
            required
            value={overrideTier ?? ''}
            aria-invalid={problem !== null && !overrideTier}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(e) => setOverrideTier(isRiskTier(e.target.value) ? e.target.value : null)}
          >
            <option value="">Choose a tier</option>
            {RISK_TIER_ORDER.map((t) => (
              <option key={t} value={t}>
                {RISK_TIER_LABELS[t].label}
                {t === tier ? ' (the model’s tier)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>Why? (required)</label>
          <textarea
            id={ids.reason}
            rows={3}
            required
            maxLength={FEEDBACK_NOTE_MAX}
            value={overrideNote}
            aria-invalid={problem !== null && overrideTier !== null}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(e) => setOverrideNote(e.target.value)}
          />
        </div>
        {problem && (
          <p id={ids.problem} className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="wizard-actions">
          <button type="submit" className="button" disabled={saving}>
            Save override
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setOverriding(false);
              setProblem(null);
            }}
          >
            Cancel
          </button>
        </div>
      </form>
      <p className="feedback-saved" role="status">
        {state.status === 'saving' ? 'Saving…' : state.status === 'saved' ? state.message : ''}
      </p>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} action="save your feedback" headingLevel={3} />
      )}
    </div>
  );
}
