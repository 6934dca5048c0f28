import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/types';
import { formatCount, formatPercent, share } from '../../format/format';
import { KpiGrid, KpiTile } from '../common/KpiTile';

/** The four headline numbers of the overview. */
export function OverviewKpis({ overview }: { overview: Overview }) {
  const { t } = useTranslation('overview');
  const { enrollment, attendanceRate, chronicAbsenceCount, studentsWithAnyFlag } = overview;
  const ofStudents = (n: number) => {
    const percent = formatPercent(share(n, enrollment));
    return percent ? t('kpis.ofStudents', { percent }) : undefined;
  };
  return (
    <KpiGrid>
      <KpiTile label={t('kpis.enrolled')} value={formatCount(enrollment)} />
      <KpiTile
        label={t('kpis.attendanceRate')}
        value={formatPercent(attendanceRate)}
        detail={t('kpis.attendanceRateDetail')}
      />
      <KpiTile
        label={t('kpis.chronic')}
        value={formatCount(chronicAbsenceCount)}
        detail={ofStudents(chronicAbsenceCount)}
        tone={chronicAbsenceCount > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label={t('kpis.anyFlag')}
        value={formatCount(studentsWithAnyFlag)}
        detail={ofStudents(studentsWithAnyFlag)}
        tone={studentsWithAnyFlag > 0 ? 'concern' : 'neutral'}
      />
    </KpiGrid>
  );
}
