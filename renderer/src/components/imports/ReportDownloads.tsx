import { useState } from 'react';
import type { ApiError } from '../../../../main/api/contract';
import { downloadImportCsv } from '../../stores/imports/download';
import { toApiError } from '../../stores/request';

type What = 'quarantine' | 'report';

/** The job's quarantined rows and per-file report as CSV files (each download is logged). */
export function ReportDownloads({
  jobId,
  hasQuarantine,
}: {
  jobId: string;
  hasQuarantine: boolean;
}) {
  const [busy, setBusy] = useState<What | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async (what: What) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      const fileName = await downloadImportCsv({ what, jobId });
      setDone(`Downloaded ${fileName}.`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="downloads">
      <div className="wizard-actions">
        {hasQuarantine && (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy !== null}
            onClick={() => void download('quarantine')}
          >
            {busy === 'quarantine' ? 'Preparing…' : 'Download quarantine CSV'}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null}
          onClick={() => void download('report')}
        >
          {busy === 'report' ? 'Preparing…' : 'Download report CSV'}
        </button>
      </div>
      <p className="field-hint">
        Downloads hold student records: keep them on school systems. Each download is recorded in
        the access log.
      </p>
      <p className="field-hint" role="status">
        {done ?? ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          The download could not be prepared: {error.message}
        </p>
      )}
    </div>
  );
}
