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

const REPORT_HEADINGS: Record<JobStatus, string> = {
  queued: 'Import report',
  running: 'Import report',
  succeeded: 'Import finished',
  failed: 'The import failed',
  cancelled: 'The import was cancelled',
  interrupted: 'The import was interrupted',
};

function stepHeading(step: WizardStep, files: number, status: JobStatus | null): string {
  switch (step) {
    case 'files':
      return 'Choose the files to import';
    case 'review':
      return files === 1
        ? 'Check the file and match its columns'
        : 'Check the files and match their columns';
    case 'run':
      return status === 'queued' ? 'Waiting to start the import' : 'Importing';
    case 'report':
      return REPORT_HEADINGS[status ?? 'succeeded'];
  }
}

/** The four steps of an import, one at a time; focus moves to each step's heading. */
export function ImportWizard() {
  const step = useStore(wizardStore, (s) => s.step);
  const fileCount = useStore(wizardStore, (s) => s.files.length);
  const status = useStore(importJob.store, (s) => s.job?.status ?? null);
  const heading = useFocusOnChange<HTMLHeadingElement>(step);
  return (
    <section className="wizard" aria-labelledby="wizard-step-title">
      <StepIndicator step={step} />
      <h2 id="wizard-step-title" ref={heading} tabIndex={-1} className="step-title">
        {stepHeading(step, fileCount, status)}
      </h2>
      {step === 'files' && <FilesStep />}
      {step === 'review' && <ReviewStep />}
      {step === 'run' && <RunStep />}
      {step === 'report' && <ReportStep />}
    </section>
  );
}
