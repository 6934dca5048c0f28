import { WIZARD_STEPS, type WizardStep } from '../../stores/imports/wizardRules';

/** "1 Choose files · 2 Check and match columns · 3 Import · 4 Report", the current one marked. */
export function StepIndicator({ step }: { step: WizardStep }) {
  const currentIndex = WIZARD_STEPS.findIndex((s) => s.step === step);
  return (
    <ol className="steps" aria-label="Import steps">
      {WIZARD_STEPS.map((s, i) => {
        const state = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo';
        return (
          <li
            key={s.step}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-name">
              <span className="visually-hidden">Step {i + 1}: </span>
              {s.title}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
