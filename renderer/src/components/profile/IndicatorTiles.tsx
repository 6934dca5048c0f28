import type { StudentIndicators } from '../../api/types';
import { TIER_LABELS } from '../../domain/labels';
import { formatCount, formatGpa, formatGrade, formatPercent, plural } from '../../format/format';
import { KpiGrid, KpiTile } from '../common/KpiTile';

/** The student's ABC indicators (attendance, behaviour, course performance) and engagement. */
export function IndicatorTiles({ indicators: i }: { indicators: StudentIndicators }) {
  return (
    <KpiGrid>
      <KpiTile
        label="Attendance rate"
        value={formatPercent(i.attendanceRate)}
        detail={i.attendanceTier ? `Tier: ${TIER_LABELS[i.attendanceTier].label}` : undefined}
        tone={
          i.attendanceTier === 'at_risk' || i.attendanceTier === 'critical' ? 'concern' : 'neutral'
        }
      />
      <KpiTile
        label="Days absent"
        value={formatCount(i.daysAbsent)}
        detail={`of ${plural(i.daysEnrolled, 'day')} enrolled · ${formatCount(i.unexcusedAbsences)} unexcused`}
      />
      <KpiTile label="Tardies" value={formatCount(i.tardies)} />
      <KpiTile
        label="GPA"
        value={formatGpa(i.gpa)}
        detail="On a 4-point scale"
        tone={i.gpa !== null && i.gpa <= 2 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label="Failing courses"
        value={formatCount(i.failingSections)}
        detail={
          i.lowestGrade !== null ? `Lowest current grade: ${formatGrade(i.lowestGrade)}` : undefined
        }
        tone={i.failingSections > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label="Missing assignments"
        value={formatPercent(i.missingRate)}
        detail="Share of assignments not turned in"
      />
      <KpiTile
        label="Days with an incident"
        value={formatCount(i.incidentDays)}
        detail={plural(i.suspensions, 'suspension')}
        tone={i.suspensions > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label="Active days online"
        value={formatCount(i.lmsActiveDays)}
        detail="Days with learning-platform activity"
      />
    </KpiGrid>
  );
}
