import { useState } from 'react';
import { useStore } from 'zustand';
import type { ApiError } from '../../../../main/api/contract';
import type { JobStatus } from '../../api/types';
import { parseImportJobResult } from '../../stores/imports/jobResult';
import { importJob, retryImport, startOver } from '../../stores/imports/wizardStore';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { FileReportCard } from './FileReportCard';
import { PipelineOutcome } from './PipelineOutcome';
import { ReportDownloads } from './ReportDownloads';

const UNFINISHED: Partial<Record<JobStatus, string>> = {
  failed:
    'The import failed. Files that finished before the problem stay imported; nothing from the file that failed was saved.',
  cancelled:
    'The import was cancelled. Files that finished before the cancel stay imported; nothing from the file being read was saved.',
  interrupted:
    'The import was interrupted because Sightline stopped while it ran. Nothing partial was saved.',
};

/** Step 4: what each file did, its quarantined rows, downloads, and the pipeline's update. */
export function ReportStep() {
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
          <p>{unfinished}</p>
          {job.summary?.error && <p>What went wrong: {job.summary.error}</p>}
          <button type="button" className="button" onClick={() => void retry()}>
            Run again
          </button>
        </div>
      )}
      {retryError && (
        <ErrorPanel error={retryError} action="run the import again" headingLevel={3} />
      )}
      {job.problem && <ErrorPanel error={job.problem} action="load the report" headingLevel={3} />}
      {job.status === 'succeeded' && !result && (
        <p className="notice">
          The import finished, but Sightline could not read its report here. Download the report CSV
          below, or see Recent imports.
        </p>
      )}
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
          Go to the overview
        </a>
        <a className="button button-secondary" href="#/students">
          Open the student list
        </a>
        <button type="button" className="button" onClick={startOver}>
          Import more files
        </button>
      </div>
    </>
  );
}
