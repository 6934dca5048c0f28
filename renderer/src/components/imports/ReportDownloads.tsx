import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { downloadImportCsv } from '../../stores/imports/download';
import { toApiError } from '../../stores/request';
import { AS_IS } from './asIs';

type What = 'quarantine' | 'report';

/** The job's quarantined rows and per-file report as CSV files (each download is logged). */
export function ReportDownloads({
  jobId,
  hasQuarantine,
}: {
  jobId: string;
  hasQuarantine: boolean;
}) {
  const { t } = useTranslation('imports');
  const [busy, setBusy] = useState<What | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async (what: What) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      const fileName = await downloadImportCsv({ what, jobId });
      setDone(fileName);
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
            {busy === 'quarantine' ? t('downloads.preparing') : t('downloads.quarantine')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null}
          onClick={() => void download('report')}
        >
          {busy === 'report' ? t('downloads.preparing') : t('downloads.report')}
        </button>
      </div>
      <p className="field-hint">{t('downloads.note')}</p>
      <p className="field-hint" role="status">
        {done && (
          <Trans t={t} i18nKey="downloads.done" values={{ file: done }} components={AS_IS} />
        )}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {t('downloads.failed', { message: error.message })}
        </p>
      )}
    </div>
  );
}
