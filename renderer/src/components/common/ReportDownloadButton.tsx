import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { toApiError } from '../../stores/request';

type DownloadState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string }
  | { status: 'error'; error: ApiError };

/**
 * A button that has the core draw a PDF report and downloads it. The first report of a session
 * takes a second or so (the core starts its drawing worker), so the button says "Preparing PDF…"
 * and is marked busy meanwhile; the file's name, or why it failed, is said beside it.
 *
 * While busy it is `aria-disabled` rather than `disabled`: a disabled button drops keyboard
 * focus to the page, and the person would have to find their place again.
 */
export function ReportDownloadButton({
  label,
  what,
  download,
  secondary = false,
}: {
  /** The button's words, e.g. "Class report (PDF)" (already in the current language). */
  label: string;
  /**
   * The report as a noun phrase for the messages, in the current language: "the class report"
   * ("Preparing the class report…", "Sightline could not prepare the class report.").
   */
  what: string;
  /** Fetches and saves the file; resolves to its name. */
  download: () => Promise<string>;
  secondary?: boolean;
}) {
  const { t } = useTranslation('sections');
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const working = state.status === 'working';

  const start = async () => {
    if (working) return;
    setState({ status: 'working' });
    try {
      setState({ status: 'done', fileName: await download() });
    } catch (err) {
      setState({ status: 'error', error: toApiError(err) });
    }
  };

  return (
    <div className="report-download">
      <button
        type="button"
        className={secondary ? 'button button-secondary' : 'button'}
        aria-disabled={working || undefined}
        aria-busy={working || undefined}
        onClick={() => void start()}
      >
        {working ? (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            {t('reportDownload.preparingButton')}
          </>
        ) : (
          label
        )}
      </button>
      <p className="field-hint report-download-status" role="status">
        {working ? (
          t('reportDownload.preparing', { what })
        ) : state.status === 'done' ? (
          <Trans
            t={t}
            i18nKey="reportDownload.downloaded"
            values={{ file: state.fileName }}
            components={{ file: <span translate="no" /> }}
          />
        ) : (
          ''
        )}
      </p>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {t('reportDownload.failed', { what, message: state.error.message })}
        </p>
      )}
    </div>
  );
}
