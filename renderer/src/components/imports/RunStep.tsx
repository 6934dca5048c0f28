import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { jobMessage } from '../../domain/jobLabels';
import { importJob } from '../../stores/imports/wizardStore';
import { ProgressBar } from '../common/ProgressBar';
import { ErrorPanel } from '../feedback/ErrorPanel';

/** Step 3: the import job's progress in words, with Cancel. */
export function RunStep() {
  const { t } = useTranslation('imports');
  const job = useStore(importJob.store, (s) => s.job);
  if (!job) return <p>{t('run.starting')}</p>;
  const message = jobMessage(job.status, job.message);
  return (
    <>
      <ProgressBar label={t('run.progress')} value={job.progress} detail={message} />
      <p className="muted">{t('run.note')}</p>
      {job.problem && (
        <ErrorPanel error={job.problem} action={t('run.errorFollow')} headingLevel={3} />
      )}
      <div className="wizard-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={job.cancelling}
          onClick={() => void importJob.cancel()}
        >
          {job.cancelling ? t('run.cancelling') : t('run.cancel')}
        </button>
      </div>
    </>
  );
}
