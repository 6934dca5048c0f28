import { formatDate, plural } from '../../format/format';
import type { PipelineResultView } from '../../stores/imports/jobResult';

/** What the pipeline run after the import did, in one or two sentences. */
export function PipelineOutcome({ pipeline }: { pipeline: PipelineResultView | null }) {
  if (!pipeline) {
    return (
      <p className="notice">
        The weekly features were not updated with this import, so dashboards still show the data
        from before it. <a href="#/pipeline">Run the pipeline</a> to update them.
      </p>
    );
  }
  if (pipeline.status !== 'succeeded') {
    return (
      <p className="notice">
        The data was imported, but updating the weekly features{' '}
        {pipeline.status === 'cancelled' ? 'was cancelled' : 'failed'}
        {pipeline.error ? `: ${pipeline.error}` : '.'} <a href="#/pipeline">Run the pipeline</a>{' '}
        again so dashboards show the new data.
      </p>
    );
  }
  return (
    <p className="pipeline-outcome">
      <span aria-hidden="true">✓ </span>
      Weekly features updated for {plural(pipeline.students, 'student')}, data as of{' '}
      {formatDate(pipeline.asOf) ?? 'no date yet'}.
      {pipeline.mode === 'backfill' && pipeline.reason
        ? ` Every week was recomputed because ${pipeline.reason}.`
        : ''}
    </p>
  );
}
