import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ApiError } from '../../../../main/api/contract';
import type { JobStatus } from '../../api/types';
import { parseImportJobResult } from '../../stores/imports/jobResult';
import { importJob, retryImport, startOver } from '../../stores/imports/wizardStore';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { FileReportCard } from './FileReportCard';
import { PipelineOutcome } from './PipelineOutcome';
import { ReportDownloads } from './ReportDownloads';

const UNFINISHED: Partial<Record<JobStatus, 'failed' | 'cancelled' | 'interrupted'>> = {
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

/** Step 4: what each file did, its quarantined rows, downloads, and the pipeline's update. */
export function ReportStep() {
  const { t } = useTranslation('imports');
  const job = useStore(importJob.store, (s) => s.job);
  const [retryError, setRetryError] = useState<ApiError | null>(null);
  if (!job) return null;
  const result = parseImportJobResult(job.summary?.result);
  const unfinished = UNFINISHED[job.status];
  const retry = async () => {
    setRetryError(await retryImport(job.jobId));
  };
  return (
    <>
      {unfinished && (
        <div className="error-panel" role="alert">
          <p>{t(`report.unfinished.${unfinished}`)}</p>
          {job.summary?.error && <p>{t('report.whatWentWrong', { error: job.summary.error })}</p>}
          <button type="button" className="button" onClick={() => void retry()}>
            {t('report.runAgain')}
          </button>
        </div>
      )}
      {retryError && (
        <ErrorPanel error={retryError} action={t('report.errorRetry')} headingLevel={3} />
      )}
      {job.problem && (
        <ErrorPanel error={job.problem} action={t('report.errorReport')} headingLevel={3} />
      )}
      {job.status === 'succeeded' && !result && <p className="notice">{t('report.unreadable')}</p>}
      {result?.files.map((file) => (
        <FileReportCard key={file.importId} file={file} />
      ))}
      {job.status === 'succeeded' && <PipelineOutcome pipeline={result?.pipeline ?? null} />}
      <ReportDownloads
        jobId={job.jobId}
        hasQuarantine={result ? result.files.some((f) => f.quarantined > 0) : true}
      />
      <div className="wizard-actions">
        <a className="button button-secondary" href="#/">
          {t('report.overview')}
        </a>
        <a className="button button-secondary" href="#/students">
          {t('report.students')}
        </a>
        <button type="button" className="button" onClick={startOver}>
          {t('report.more')}
        </button>
      </div>
    </>
  );
}
