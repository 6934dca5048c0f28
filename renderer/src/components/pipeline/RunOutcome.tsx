import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../api/types';
import { formatCount, formatDate } from '../../format/format';
import type { PipelineResultView } from '../../stores/imports/jobResult';

/** How the run started from this page ended, in words, with "Run again" when it did not finish. */
export function RunOutcome({
  status,
  result,
  error,
  onRetry,
}: {
  status: JobStatus;
  result: PipelineResultView | null;
  error: string | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation('pipeline');
  if (status === 'succeeded') {
    const date = result ? (formatDate(result.asOf) ?? t('outcome.noDate')) : null;
    return (
      <p className="pipeline-outcome" role="status">
        <span aria-hidden="true">✓ </span>
        {!result
          ? t('outcome.finished')
          : result.students === 0
            ? t('outcome.upToDate', { date })
            : t('outcome.updated', {
                count: result.students,
                students: formatCount(result.students),
                date,
              })}
      </p>
    );
  }
  const what =
    status === 'cancelled'
      ? t('outcome.cancelled')
      : status === 'interrupted'
        ? t('outcome.interrupted')
        : error
          ? t('outcome.failedWithError', { error })
          : t('outcome.failed');
  return (
    <div className="error-panel" role="alert">
      <p>{what}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('outcome.runAgain')}
      </button>
    </div>
  );
}
