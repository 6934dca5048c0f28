import type { ReactNode } from 'react';
import type { Overview } from '../../api/types';
import { SCOPE_DESCRIPTIONS } from '../../domain/labels';
import { formatDate } from '../../format/format';
import { AttendanceTiers } from './AttendanceTiers';
import { AttendanceTrendFigure } from './AttendanceTrendFigure';
import { FlagsByGradeFigure } from './FlagsByGradeFigure';
import { OverviewKpis } from './OverviewKpis';

/**
 * Everything the overview shows for one scope; `children` (panels to act on, such as check-ins
 * due) come right after the key numbers.
 */
export function OverviewView({ overview, children }: { overview: Overview; children?: ReactNode }) {
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
      {children}
      <div className="grid-2">
        <AttendanceTrendFigure points={overview.attendanceTrend} />
        <AttendanceTiers tiers={overview.attendanceTiers} />
      </div>
      <FlagsByGradeFigure rows={overview.flagsByGrade} />
    </>
  );
}
