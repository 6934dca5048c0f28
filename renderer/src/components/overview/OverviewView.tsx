import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Overview } from '../../api/types';
import { SCOPE_DESCRIPTIONS } from '../../domain/labels';
import { formatDate } from '../../format/format';
import { AttendanceTiers } from './AttendanceTiers';
import { AttendanceTrendFigure } from './AttendanceTrendFigure';
import { ChronicAbsenceTrendFigure } from './ChronicAbsenceTrendFigure';
import { FlagsByGradeFigure } from './FlagsByGradeFigure';
import { OverviewKpis } from './OverviewKpis';
import { RiskTiersByGradeFigure } from './RiskTiersByGradeFigure';

/** Whose or which students these are: "Ms Rivera’s caseload", a school's name, "All schools". */
function ScopeLabel({ scope }: { scope: Overview['scope'] }) {
  const { t } = useTranslation('overview');
  if (scope.kind === 'district') return <>{t('lede.scope.district')}</>;
  if (scope.name === null) return <>{t('lede.scope.schoolUnnamed')}</>;
  return (
    <Trans
      t={t}
      i18nKey={`lede.scope.${scope.kind}`}
      values={{ name: scope.name }}
      components={{ name: <span translate="no" /> }}
    />
  );
}

/**
 * Everything the overview shows for one scope; `children` (panels to act on, such as check-ins
 * due and intervention coverage) come right after the key numbers, then risk tiers by grade, the
 * attendance and chronic-absence trends side by side, attendance tiers and the flags. Wide
 * tables get the full width, so none scrolls sideways.
 */
export function OverviewView({ overview, children }: { overview: Overview; children?: ReactNode }) {
  const { t } = useTranslation('overview');
  return (
    <>
      <p className="page-lede">
        <span className="scope-label">
          <ScopeLabel scope={overview.scope} />
        </span>{' '}
        · {SCOPE_DESCRIPTIONS[overview.scope.kind]} ·{' '}
        {t('lede.dataAsOf', { date: formatDate(overview.dataAsOf) ?? t('lede.noDate') })}
      </p>
      <section aria-label={t('kpis.region')}>
        <OverviewKpis overview={overview} />
      </section>
      {children}
      <RiskTiersByGradeFigure rows={overview.riskTiersByGrade} />
      <div className="grid-2">
        <AttendanceTrendFigure points={overview.attendanceTrend} />
        <ChronicAbsenceTrendFigure
          points={overview.chronicAbsenceTrend}
          threshold={overview.chronicAbsenceThreshold}
        />
      </div>
      <AttendanceTiers tiers={overview.attendanceTiers} />
      <FlagsByGradeFigure rows={overview.flagsByGrade} />
    </>
  );
}
