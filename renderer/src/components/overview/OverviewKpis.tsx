import type { Overview } from '../../api/types';
import { formatCount, formatPercent, share } from '../../format/format';
import { KpiGrid, KpiTile } from '../common/KpiTile';

/** The four headline numbers of the overview. */
export function OverviewKpis({ overview }: { overview: Overview }) {
  const { enrollment, attendanceRate, chronicAbsenceCount, studentsWithAnyFlag } = overview;
  const ofStudents = (n: number) => {
    const pct = formatPercent(share(n, enrollment));
    return pct ? `${pct} of students` : undefined;
  };
  return (
    <KpiGrid>
      <KpiTile label="Students enrolled" value={formatCount(enrollment)} />
      <KpiTile
        label="Attendance rate"
        value={formatPercent(attendanceRate)}
        detail="Days present out of days enrolled, year to date"
      />
      <KpiTile
        label="Chronically absent"
        value={formatCount(chronicAbsenceCount)}
        detail={ofStudents(chronicAbsenceCount)}
        tone={chronicAbsenceCount > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label="Students with any flag"
        value={formatCount(studentsWithAnyFlag)}
        detail={ofStudents(studentsWithAnyFlag)}
        tone={studentsWithAnyFlag > 0 ? 'concern' : 'neutral'}
      />
    </KpiGrid>
  );
}
