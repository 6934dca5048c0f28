import { useTranslation } from 'react-i18next';
import type { StudentIndicators } from '../../api/types';
import { TIER_LABELS } from '../../domain/labels';
import { formatCount, formatGpa, formatGrade, formatPercent } from '../../format/format';
import { KpiGrid, KpiTile } from '../common/KpiTile';

/** The student's ABC indicators (attendance, behaviour, course performance) and engagement. */
export function IndicatorTiles({ indicators: i }: { indicators: StudentIndicators }) {
  const { t } = useTranslation('profile');
  return (
    <KpiGrid>
      <KpiTile
        label={t('indicators.attendanceRate')}
        value={formatPercent(i.attendanceRate)}
        detail={
          i.attendanceTier
            ? t('indicators.tier', { tier: TIER_LABELS[i.attendanceTier].label })
            : undefined
        }
        tone={
          i.attendanceTier === 'at_risk' || i.attendanceTier === 'critical' ? 'concern' : 'neutral'
        }
      />
      <KpiTile
        label={t('indicators.daysAbsent')}
        value={formatCount(i.daysAbsent)}
        detail={t('indicators.daysAbsentDetail', {
          count: i.daysEnrolled,
          days: formatCount(i.daysEnrolled),
          unexcused: formatCount(i.unexcusedAbsences),
        })}
      />
      <KpiTile label={t('indicators.tardies')} value={formatCount(i.tardies)} />
      <KpiTile
        label={t('indicators.gpa')}
        value={formatGpa(i.gpa)}
        detail={t('indicators.gpaDetail')}
        tone={i.gpa !== null && i.gpa <= 2 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label={t('indicators.failing')}
        value={formatCount(i.failingSections)}
        detail={
          i.lowestGrade !== null
            ? t('indicators.lowestGrade', { grade: formatGrade(i.lowestGrade) })
            : undefined
        }
        tone={i.failingSections > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label={t('indicators.missing')}
        value={formatPercent(i.missingRate)}
        detail={t('indicators.missingDetail')}
      />
      <KpiTile
        label={t('indicators.incidentDays')}
        value={formatCount(i.incidentDays)}
        detail={t('indicators.suspensions', {
          count: i.suspensions,
          suspensions: formatCount(i.suspensions),
        })}
        tone={i.suspensions > 0 ? 'concern' : 'neutral'}
      />
      <KpiTile
        label={t('indicators.lmsDays')}
        value={formatCount(i.lmsActiveDays)}
        detail={t('indicators.lmsDaysDetail')}
      />
    </KpiGrid>
  );
}
