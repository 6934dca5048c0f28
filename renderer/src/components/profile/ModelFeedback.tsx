import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('profile');
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
      <h3 className="risk-subtitle">{t('modelFeedback.title')}</h3>
      <p className="card-note">{t('modelFeedback.intro')}</p>
      <div className="field">
        <label htmlFor={ids.note}>{t('modelFeedback.note')}</label>
        <textarea
          id={ids.note}
          rows={2}
          maxLength={FEEDBACK_NOTE_MAX}
          value={note}
          aria-describedby={ids.noteHint}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={ids.noteHint} className="field-hint">
          {t('modelFeedback.noteHint')}
        </p>
      </div>
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => void verdict('right')}
        >
          {t('modelFeedback.right')}
        </button>
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => void verdict('wrong')}
        >
          {t('modelFeedback.wrong')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={overriding}
          aria-controls={ids.form}
          onClick={() => setOverriding((o) => !o)}
        >
          {t('modelFeedback.override')}
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
          <label htmlFor={ids.tier}>{t('modelFeedback.tier')}</label>
          <select
            id={ids.tier}
            required
            value={overrideTier ?? ''}
            aria-invalid={problem !== null && !overrideTier}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(e) => setOverrideTier(isRiskTier(e.target.value) ? e.target.value : null)}
          >
            <option value="">{t('modelFeedback.chooseTier')}</option>
            {RISK_TIER_ORDER.map((option) => (
              <option key={option} value={option}>
                {option === tier
                  ? t('modelFeedback.modelTier', { tier: RISK_TIER_LABELS[option].label })
                  : RISK_TIER_LABELS[option].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>{t('modelFeedback.reason')}</label>
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
            {t('modelFeedback.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setOverriding(false);
              setProblem(null);
            }}
          >
            {t('modelFeedback.cancel')}
          </button>
        </div>
      </form>
      <p className="feedback-saved" role="status">
        {state.status === 'saving'
          ? t('modelFeedback.saving')
          : state.status === 'saved'
            ? state.message
            : ''}
      </p>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} action={t('modelFeedback.errorAction')} headingLevel={3} />
      )}
    </div>
  );
}
