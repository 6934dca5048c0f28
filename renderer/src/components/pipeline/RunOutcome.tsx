import type { JobStatus } from '../../api/types';
import { formatDate, plural } from '../../format/format';
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
  if (status === 'succeeded') {
    return (
      <p className="pipeline-outcome" role="status">
        <span aria-hidden="true">✓ </span>The run finished
        {!result
          ? '.'
          : result.students === 0
            ? `: no student had new data, so every student’s features were already up to date (data as of ${formatDate(result.asOf) ?? 'no date yet'}).`
            : `: weekly features updated for ${plural(result.students, 'student')}, data as of ${formatDate(result.asOf) ?? 'no date yet'}.`}
      </p>
    );
  }
  const what =
    status === 'cancelled'
      ? 'The run was cancelled. Nothing partial was saved; the features are as they were before it.'
      : status === 'interrupted'
        ? 'The run was interrupted because Sightline stopped. Nothing partial was saved.'
        : `The run failed${error ? `: ${error}` : '.'} Nothing partial was saved.`;
  return (
    <div className="error-panel" role="alert">
      <p>{what}</p>
      <button type="button" className="button" onClick={onRetry}>
        Run again
      </button>
    </div>
  );
}
