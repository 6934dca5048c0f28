import { useState } from 'react';
import { useStore } from 'zustand';
import type { ApiError } from '../../../../main/api/contract';
import type { PipelineMode } from '../../api/types';
import { isFinished, jobMessage } from '../../domain/jobLabels';
import { parsePipelineResult } from '../../stores/imports/jobResult';
import { pipelineJob, runPipeline } from '../../stores/pipeline/pipelineActions';
import { toApiError } from '../../stores/request';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ProgressBar } from '../common/ProgressBar';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { RunOutcome } from './RunOutcome';

/** "Run now", "Recompute everything" (after a confirm), and the running job's progress. */
export function RunControls() {
  const job = useStore(pipelineJob.store, (s) => s.job);
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const active = job !== null && !isFinished(job.status);

  const start = async (mode: PipelineMode) => {
    setConfirming(false);
    setStarting(true);
    setError(null);
    try {
      await runPipeline(mode);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card" aria-labelledby="pipeline-run-title">
      <h2 id="pipeline-run-title" className="card-title">
        Run the pipeline
      </h2>
      <p className="card-note">
        “Run now” updates the students with new data since the last run: usually seconds. “Recompute
        everything” rebuilds every student’s weeks from the start of the school year.
      </p>
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          disabled={active || starting}
          onClick={() => void start('incremental')}
        >
          Run now
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={active || starting}
          onClick={() => setConfirming(true)}
        >
          Recompute everything…
        </button>
      </div>
      {error && <ErrorPanel error={error} action="start the pipeline" headingLevel={3} />}
      {job && active && (
        <div className="run-progress">
          <ProgressBar
            label="Pipeline progress"
            value={job.progress}
            detail={jobMessage(job.status, job.message)}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={job.cancelling}
            onClick={() => void pipelineJob.cancel()}
          >
            {job.cancelling ? 'Cancelling…' : 'Cancel run'}
          </button>
        </div>
      )}
      {job && isFinished(job.status) && (
        <RunOutcome
          status={job.status}
          result={parsePipelineResult(job.summary?.result)}
          error={job.summary?.error ?? null}
          onRetry={() => void pipelineJob.retry()}
        />
      )}
      {job?.problem && <ErrorPanel error={job.problem} action="follow the run" headingLevel={3} />}
      <ConfirmDialog
        open={confirming}
        title="Recompute everything?"
        confirmLabel="Recompute everything"
        cancelLabel="Keep the current features"
        onConfirm={() => void start('backfill')}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Sightline will rebuild every student’s weekly features and flags from the start of the
          school year. This takes much longer than a normal run (minutes for a large district), and
          other imports wait until it finishes. Dashboards keep working meanwhile.
        </p>
        <p>Use it after changing thresholds or the school calendar, or if numbers look wrong.</p>
      </ConfirmDialog>
    </section>
  );
}
