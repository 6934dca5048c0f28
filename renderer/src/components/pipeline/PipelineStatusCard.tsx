import { useTranslation } from 'react-i18next';
import type { PipelineOverview } from '../../api/types';
import { formatCount, formatDate, formatDateTime } from '../../format/format';
import { KpiGrid, KpiTile } from '../common/KpiTile';
import { ScheduleForm } from './ScheduleForm';

/** Where the features stand: data date, students waiting, next daily run (and its time). */
export function PipelineStatusCard({
  overview,
  canSchedule,
}: {
  overview: PipelineOverview;
  canSchedule: boolean;
}) {
  const { t } = useTranslation('pipeline');
  return (
    <section aria-labelledby="pipeline-status-title" className="card">
      <h2 id="pipeline-status-title" className="card-title">
        {t('status.title')}
      </h2>
      <KpiGrid>
        <KpiTile
          label={t('status.dataAsOf')}
          value={formatDate(overview.dataAsOf)}
          detail={t('status.dataAsOfDetail')}
        />
        <KpiTile
          label={t('status.pending')}
          value={formatCount(overview.pendingStudents)}
          detail={overview.pendingStudents > 0 ? t('status.pendingDetail') : t('status.upToDate')}
          tone={overview.pendingStudents > 0 ? 'concern' : 'neutral'}
        />
        <KpiTile
          label={t('status.nextRun')}
          value={formatDateTime(overview.schedule.nextRunAt)}
          detail={t('status.nextRunDetail', { time: overview.schedule.dailyAt })}
        />
      </KpiGrid>
      <ScheduleForm dailyAt={overview.schedule.dailyAt} canSchedule={canSchedule} />
    </section>
  );
}
