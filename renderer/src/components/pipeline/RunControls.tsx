import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('pipeline');
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
        {t('run.title')}
      </h2>
      <p className="card-note">{t('run.note')}</p>
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          disabled={active || starting}
          onClick={() => void start('incremental')}
        >
          {t('run.runNow')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={active || starting}
          onClick={() => setConfirming(true)}
        >
          {t('run.recompute')}
        </button>
      </div>
      {error && <ErrorPanel error={error} action={t('run.errorAction')} headingLevel={3} />}
      {job && active && (
        <div className="run-progress">
          <ProgressBar
            label={t('run.progress')}
            value={job.progress}
            detail={jobMessage(job.status, job.message)}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={job.cancelling}
            onClick={() => void pipelineJob.cancel()}
          >
            {job.cancelling ? t('run.cancelling') : t('run.cancel')}
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
      {job?.problem && (
        <ErrorPanel error={job.problem} action={t('run.followAction')} headingLevel={3} />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('run.confirm.title')}
        confirmLabel={t('run.confirm.confirm')}
        cancelLabel={t('run.confirm.cancel')}
        onConfirm={() => void start('backfill')}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('run.confirm.body')}</p>
        <p>{t('run.confirm.when')}</p>
      </ConfirmDialog>
    </section>
  );
}
