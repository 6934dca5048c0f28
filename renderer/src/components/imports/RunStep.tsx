import { useStore } from 'zustand';
import { jobMessage } from '../../domain/jobLabels';
import { importJob } from '../../stores/imports/wizardStore';
import { ProgressBar } from '../common/ProgressBar';
import { ErrorPanel } from '../feedback/ErrorPanel';

/** Step 3: the import job's progress in words, with Cancel. */
export function RunStep() {
  const job = useStore(importJob.store, (s) => s.job);
  if (!job) return <p>Starting the import…</p>;
  const message = jobMessage(job.status, job.message);
  return (
    <>
      <ProgressBar label="Import progress" value={job.progress} detail={message} />
      <p className="muted">
        You can keep working in Sightline while this runs; this page shows the report when it is
        done. Cancelling stops at the next batch: files that finished stay imported, and nothing
        from the file being read is saved.
      </p>
      {job.problem && (
        <ErrorPanel error={job.problem} action="follow the import" headingLevel={3} />
      )}
      <div className="wizard-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={job.cancelling}
          onClick={() => void importJob.cancel()}
        >
          {job.cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </>
  );
}
