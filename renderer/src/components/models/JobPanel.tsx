import { useStore } from 'zustand';
import { isFinished, jobMessage } from '../../domain/jobLabels';
import type { JobTracker } from '../../stores/jobs/jobTracker';
import { ProgressBar } from '../common/ProgressBar';
import { ErrorPanel } from '../feedback/ErrorPanel';

interface JobPanelProps {
  tracker: JobTracker;
  /** The progress bar's name, e.g. "Training progress". */
  label: string;
  cancelLabel: string;
  /** What finished well means, e.g. "Training finished: …". */
  succeeded: string;
  /** What to call the job in sentences: "Training", "Scoring". */
  what: string;
  /** What following the job is called in an error: "follow the training". */
  followAction: string;
}

/** A background job started from this page: its bar with Cancel, then how it ended. */
export function JobPanel({
  tracker,
  label,
  cancelLabel,
  succeeded,
  what,
  followAction,
}: JobPanelProps) {
  const job = useStore(tracker.store, (s) => s.job);
  if (!job) return null;
  const active = !isFinished(job.status);
  return (
    <div className="run-progress">
      {active && (
        <>
          <ProgressBar
            label={label}
            value={job.progress}
            detail={jobMessage(job.status, job.message)}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={job.cancelling}
            onClick={() => void tracker.cancel()}
          >
            {job.cancelling ? 'Cancelling…' : cancelLabel}
          </button>
        </>
      )}
      {job.status === 'succeeded' && (
        <p className="pipeline-outcome" role="status">
          <span aria-hidden="true">✓ </span>
          {succeeded}
        </p>
      )}
      {isFinished(job.status) && job.status !== 'succeeded' && (
        <div className="error-panel" role="alert">
          <p>
            {job.status === 'cancelled'
              ? `${what} was cancelled. Nothing partial was saved.`
              : job.status === 'interrupted'
                ? `${what} was interrupted because Sightline stopped. Nothing partial was saved.`
                : `${what} failed${job.summary?.error ? `: ${job.summary.error}` : '.'} Nothing partial was saved.`}
          </p>
          <button type="button" className="button" onClick={() => void tracker.retry()}>
            Try again
          </button>
        </div>
      )}
      {job.problem && <ErrorPanel error={job.problem} action={followAction} headingLevel={3} />}
    </div>
  );
}
