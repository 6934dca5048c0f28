import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { JobStatus } from '../../api/types';
import { useFocusOnChange } from '../../hooks/useFocusOnChange';
import { importJob, wizardStore } from '../../stores/imports/wizardStore';
import type { WizardStep } from '../../stores/imports/wizardRules';
import { FilesStep } from './FilesStep';
import { ReportStep } from './ReportStep';
import { ReviewStep } from './ReviewStep';
import { RunStep } from './RunStep';
import { StepIndicator } from './StepIndicator';

function stepHeading(
  t: TFunction<'imports'>,
  step: WizardStep,
  files: number,
  status: JobStatus | null,
): string {
  switch (step) {
    case 'files':
      return t('heading.files');
    case 'review':
      return t('heading.review', { count: files });
    case 'run':
      return status === 'queued' ? t('heading.queued') : t('heading.running');
    case 'report':
      return t(`heading.report.${status ?? 'succeeded'}`);
  }
}

/** The four steps of an import, one at a time; focus moves to each step's heading. */
export function ImportWizard() {
  const { t } = useTranslation('imports');
  const step = useStore(wizardStore, (s) => s.step);
  const fileCount = useStore(wizardStore, (s) => s.files.length);
  const status = useStore(importJob.store, (s) => s.job?.status ?? null);
  const heading = useFocusOnChange<HTMLHeadingElement>(step);
  return (
    <section className="wizard" aria-labelledby="wizard-step-title">
      <StepIndicator step={step} />
      <h2 id="wizard-step-title" ref={heading} tabIndex={-1} className="step-title">
        {stepHeading(t, step, fileCount, status)}
      </h2>
      {step === 'files' && <FilesStep />}
      {step === 'review' && <ReviewStep />}
      {step === 'run' && <RunStep />}
      {step === 'report' && <ReportStep />}
    </section>
  );
}
