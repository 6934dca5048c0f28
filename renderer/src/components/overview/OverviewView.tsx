import type { Overview } from '../../api/types';
import { SCOPE_DESCRIPTIONS } from '../../domain/labels';
import { formatDate } from '../../format/format';
import { AttendanceTiers } from './AttendanceTiers';
import { AttendanceTrendFigure } from './AttendanceTrendFigure';
import { FlagsByGradeFigure } from './FlagsByGradeFigure';
import { OverviewKpis } from './OverviewKpis';

/** Everything the overview shows for one scope. */
export function OverviewView({ overview }: { overview: Overview }) {
  return (
    <>
      <p className="page-lede">
        <span className="scope-label">{overview.scope.label}</span> ·{' '}
        {SCOPE_DESCRIPTIONS[overview.scope.kind]} · data as of{' '}
        {formatDate(overview.dataAsOf) ?? 'no date yet'}
      </p>
      <section aria-label="Key numbers">
        <OverviewKpis overview={overview} />
      </section>
      <div className="grid-2">
        <AttendanceTrendFigure points={overview.attendanceTrend} />
        <AttendanceTiers tiers={overview.attendanceTiers} />
      </div>
      <FlagsByGradeFigure rows={overview.flagsByGrade} />
    </>
  );
}
