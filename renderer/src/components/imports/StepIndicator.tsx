import { useTranslation } from 'react-i18next';
import { WIZARD_STEPS, type WizardStep } from '../../stores/imports/wizardRules';

/** "1 Choose files · 2 Check and match columns · 3 Import · 4 Report", the current one marked. */
export function StepIndicator({ step }: { step: WizardStep }) {
  const { t } = useTranslation('imports');
  const currentIndex = WIZARD_STEPS.indexOf(step);
  return (
    <ol className="steps" aria-label={t('steps.label')}>
      {WIZARD_STEPS.map((s, i) => {
        const state = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-name">
              <span className="visually-hidden">{t('steps.number', { number: i + 1 })} </span>
              {t(`steps.${s}`)}
              {state === 'done' && <span className="visually-hidden"> {t('steps.done')}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
