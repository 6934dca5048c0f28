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
  return (
    <section aria-labelledby="pipeline-status-title" className="card">
      <h2 id="pipeline-status-title" className="card-title">
        Where the features stand
      </h2>
      <KpiGrid>
        <KpiTile
          label="Data as of"
          value={formatDate(overview.dataAsOf)}
          detail="The latest school day with attendance or activity data"
        />
        <KpiTile
          label="Students waiting for the next run"
          value={formatCount(overview.pendingStudents)}
          detail={
            overview.pendingStudents > 0
              ? 'New data arrived for them since the last run'
              : 'Every student’s features are up to date'
          }
          tone={overview.pendingStudents > 0 ? 'concern' : 'neutral'}
        />
        <KpiTile
          label="Next scheduled run"
          value={formatDateTime(overview.schedule.nextRunAt)}
          detail={`Every day at ${overview.schedule.dailyAt}, while Sightline is open`}
        />
      </KpiGrid>
      <ScheduleForm dailyAt={overview.schedule.dailyAt} canSchedule={canSchedule} />
    </section>
  );
}
