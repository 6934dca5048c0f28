import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { isFinished, jobMessage } from '../../domain/jobLabels';
import type { JobTracker } from '../../stores/jobs/jobTracker';
import { ProgressBar } from '../common/ProgressBar';
import { ErrorPanel } from '../feedback/ErrorPanel';

interface JobPanelProps {
  tracker: JobTracker;
  /** Which job this is: its words are under `jobs.<kind>` in the models namespace. */
  kind: 'training' | 'scoring';
}

/** A background job started from this page: its bar with Cancel, then how it ended. */
export function JobPanel({ tracker, kind }: JobPanelProps) {
  const { t } = useTranslation('models');
  const job = useStore(tracker.store, (s) => s.job);
  if (!job) return null;
  const active = !isFinished(job.status);
  const error = job.summary?.error;
  return (
    <div className="run-progress">
      {active && (
        <>
          <ProgressBar
            label={t(`jobs.${kind}.progress`)}
            value={job.progress}
            detail={jobMessage(job.status, job.message)}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={job.cancelling}
            onClick={() => void tracker.cancel()}
          >
            {job.cancelling ? t('jobs.cancelling') : t(`jobs.${kind}.cancel`)}
          </button>
        </>
      )}
      {job.status === 'succeeded' && (
        <p className="pipeline-outcome" role="status">
          <span aria-hidden="true">✓ </span>
          {t(`jobs.${kind}.succeeded`)}
        </p>
      )}
      {isFinished(job.status) && job.status !== 'succeeded' && (
        <div className="error-panel" role="alert">
          <p>
            {job.status === 'cancelled'
              ? t(`jobs.${kind}.cancelled`)
              : job.status === 'interrupted'
                ? t(`jobs.${kind}.interrupted`)
                : error
                  ? t(`jobs.${kind}.failedWithError`, { error })
                  : t(`jobs.${kind}.failed`)}
          </p>
          <button type="button" className="button" onClick={() => void tracker.retry()}>
            {t('jobs.tryAgain')}
          </button>
        </div>
      )}
      {job.problem && (
        <ErrorPanel
          error={job.problem}
          action={t(`jobs.${kind}.followAction`)}
          headingLevel={3}
        />
      )}
    </div>
  );
}
