import { Trans, useTranslation } from 'react-i18next';
import type { InterventionCoverage } from '../../api/types';
import {
  INTERVENTION_OUTCOME_LABELS,
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
} from '../../domain/interventionLabels';
import { formatCount, formatPercent, share } from '../../format/format';
import { i18n } from '../../i18n';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { interventionCoverage } from '../../stores/interventions/interventionsStore';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';

/** "12 of 40 high-risk students have an active intervention (30%)." */
export function coverageSentence(c: InterventionCoverage): string {
  const percent = formatPercent(share(c.highRiskWithActive, c.highRiskStudents));
  const values = {
    count: c.highRiskStudents,
    withActive: formatCount(c.highRiskWithActive),
    highRisk: formatCount(c.highRiskStudents),
  };
  return percent
    ? i18n.t('interventions:coverage.sentence', { ...values, percent })
    : i18n.t('interventions:coverage.sentenceNoPercent', values);
}

/**
 * For admins: are the students the model ranks high-risk getting help, what kinds, and how did
 * closed interventions end. Tables only, so nothing depends on reading a chart.
 */
export function CoveragePanel({ schoolId }: { schoolId: string | null }) {
  const { t } = useTranslation('interventions');
  const { state, reload } = useQuery(interventionCoverage, schoolId);
  const data = dataOf(state);
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="card-title">
        {t('coverage.title')}
      </h2>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('coverage.failedAction')}
          onRetry={reload}
          headingLevel={3}
        />
      ) : !data ? (
        <LoadingState what={t('coverage.loading')} lines={4} />
      ) : (
        <CoverageDetails coverage={data} />
      )}
    </section>
  );
}

function CoverageDetails({ coverage }: { coverage: InterventionCoverage }) {
  const { t } = useTranslation('interventions');
  const school = coverage.schoolName;
  // The school's name is data, not words to translate.
  const schoolName = { school: <span translate="no" /> };
  const closed = coverage.byType.reduce((n, row) => n + row.closed, 0);
  const active = {
    count: coverage.activeInterventions,
    active: formatCount(coverage.activeInterventions),
  };
  return (
    <>
      {coverage.highRiskStudents > 0 ? (
        <p className="coverage-headline">{coverageSentence(coverage)}</p>
      ) : (
        <p className="coverage-headline">
          {school ? (
            <Trans
              t={t}
              i18nKey="coverage.noHighRiskAt"
              values={{ school }}
              components={schoolName}
            />
          ) : (
            t('coverage.noHighRisk')
          )}
        </p>
      )}
      <p className="card-note">
        {school ? (
          <Trans
            t={t}
            i18nKey="coverage.activeNoteAt"
            count={active.count}
            values={{ ...active, school }}
            components={schoolName}
          />
        ) : (
          t('coverage.activeNote', active)
        )}
      </p>
      {coverage.activeInterventions + closed === 0 ? (
        <EmptyState
          title={school ? t('coverage.emptyTitleAt', { school }) : t('coverage.emptyTitle')}
        >
          <p>{t('coverage.emptyBody')}</p>
        </EmptyState>
      ) : (
        <div className="coverage-tables">
          <DataTable
            caption={t('coverage.byType')}
            head={
              <tr>
                <th scope="col">{t('coverage.addresses')}</th>
                <th scope="col" className="num">
                  {t('coverage.active')}
                </th>
                <th scope="col" className="num">
                  {t('coverage.closed')}
                </th>
              </tr>
            }
          >
            {coverage.byType.map((row) => (
              <tr key={row.type}>
                <th scope="row">{INTERVENTION_TYPE_LABELS[row.type].label}</th>
                <td className="num">{formatCount(row.active)}</td>
                <td className="num">{formatCount(row.closed)}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption={t('coverage.byTier')}
            head={
              <tr>
                <th scope="col">{t('coverage.tier')}</th>
                <th scope="col" className="num">
                  {t('coverage.active')}
                </th>
              </tr>
            }
          >
            {coverage.byTier.map((row) => (
              <tr key={row.tier}>
                <th scope="row">{INTERVENTION_TIER_LABELS[row.tier].label}</th>
                <td className="num">{formatCount(row.active)}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption={t('coverage.byOutcome')}
            head={
              <tr>
                <th scope="col">{t('coverage.outcome')}</th>
                <th scope="col" className="num">
                  {t('coverage.interventions')}
                </th>
              </tr>
            }
          >
            {coverage.byOutcome.map((o) => (
              <tr key={o.outcome}>
                <th scope="row">{INTERVENTION_OUTCOME_LABELS[o.outcome].label}</th>
                <td className="num">{formatCount(o.count)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </>
  );
}
