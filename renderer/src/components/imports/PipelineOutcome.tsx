import { Trans, useTranslation } from 'react-i18next';
import { formatCount, formatDate } from '../../format/format';
import type { PipelineResultView } from '../../stores/imports/jobResult';

const RUN_THE_PIPELINE = { link: <a href="#/pipeline" /> };

/** What the pipeline run after the import did, in one or two sentences. */
export function PipelineOutcome({ pipeline }: { pipeline: PipelineResultView | null }) {
  const { t } = useTranslation('imports');
  if (!pipeline) {
    return (
      <p className="notice">
        <Trans t={t} i18nKey="pipeline.notRun" components={RUN_THE_PIPELINE} />
      </p>
    );
  }
  if (pipeline.status !== 'succeeded') {
    const cancelled = pipeline.status === 'cancelled';
    return (
      <p className="notice">
        {pipeline.error ? (
          <Trans
            t={t}
            i18nKey={cancelled ? 'pipeline.cancelledBecause' : 'pipeline.failedBecause'}
            values={{ error: pipeline.error }}
            components={RUN_THE_PIPELINE}
          />
        ) : (
          <Trans
            t={t}
            i18nKey={cancelled ? 'pipeline.cancelled' : 'pipeline.failed'}
            components={RUN_THE_PIPELINE}
          />
        )}
      </p>
    );
  }
  const updated = t('pipeline.updated', {
    count: pipeline.students,
    n: formatCount(pipeline.students),
    date: formatDate(pipeline.asOf) ?? t('pipeline.noDate'),
  });
  return (
    <p className="pipeline-outcome">
      <span aria-hidden="true">✓ </span>
      {pipeline.mode === 'backfill' && pipeline.reason
        ? `${updated} ${t('pipeline.backfill', { reason: pipeline.reason })}`
        : updated}
    </p>
  );
}
