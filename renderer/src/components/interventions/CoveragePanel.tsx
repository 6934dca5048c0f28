import type { InterventionCoverage } from '../../api/types';
import {
  INTERVENTION_OUTCOME_LABELS,
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
} from '../../domain/interventionLabels';
import { formatCount, formatPercent, share } from '../../format/format';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { interventionCoverage } from '../../stores/interventions/interventionsStore';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';

/** "12 of 40 high-risk students have an active intervention (30%)." */
export function coverageSentence(c: InterventionCoverage): string {
  const verb = c.highRiskStudents === 1 ? 'student has' : 'students have';
  const pct = formatPercent(share(c.highRiskWithActive, c.highRiskStudents));
  return `${formatCount(c.highRiskWithActive)} of ${formatCount(c.highRiskStudents)} high-risk ${verb} an active intervention${pct ? ` (${pct})` : ''}.`;
}

/**
 * For admins: are the students the model ranks high-risk getting help, what kinds, and how did
 * closed interventions end. Tables only, so nothing depends on reading a chart.
 */
export function CoveragePanel({ schoolId }: { schoolId: string | null }) {
  const { state, reload } = useQuery(interventionCoverage, schoolId);
  const data = dataOf(state);
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="card-title">
        Intervention coverage
      </h2>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action="count intervention coverage"
          onRetry={reload}
          headingLevel={3}
        />
      ) : !data ? (
        <LoadingState what="intervention coverage" lines={4} />
      ) : (
        <CoverageDetails coverage={data} />
      )}
    </section>
  );
}

function CoverageDetails({ coverage }: { coverage: InterventionCoverage }) {
  const where = coverage.schoolName ? ` at ${coverage.schoolName}` : '';
  const closed = coverage.byType.reduce((n, t) => n + t.closed, 0);
  return (
    <>
      {coverage.highRiskStudents > 0 ? (
        <p className="coverage-headline">{coverageSentence(coverage)}</p>
      ) : (
        <p className="coverage-headline">No students{where} are in the high-risk tier right now.</p>
      )}
      <p className="card-note">
        High risk means the active risk model’s high tier.{' '}
        {formatCount(coverage.activeInterventions)}{' '}
        {coverage.activeInterventions === 1 ? 'intervention is' : 'interventions are'} active
        {where} in all.
      </p>
      {coverage.activeInterventions + closed === 0 ? (
        <EmptyState title={`No interventions have been planned${where} yet.`}>
          <p>Counselors, teachers and school admins plan them from a student’s profile.</p>
        </EmptyState>
      ) : (
        <div className="coverage-tables">
          <DataTable
            caption="Interventions by what they address"
            head={
              <tr>
                <th scope="col">Addresses</th>
                <th scope="col" className="num">
                  Active
                </th>
                <th scope="col" className="num">
                  Closed
                </th>
              </tr>
            }
          >
            {coverage.byType.map((t) => (
              <tr key={t.type}>
                <th scope="row">{INTERVENTION_TYPE_LABELS[t.type].label}</th>
                <td className="num">{formatCount(t.active)}</td>
                <td className="num">{formatCount(t.closed)}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption="Active interventions by tier"
            head={
              <tr>
                <th scope="col">Tier</th>
                <th scope="col" className="num">
                  Active
                </th>
              </tr>
            }
          >
            {coverage.byTier.map((t) => (
              <tr key={t.tier}>
                <th scope="row">{INTERVENTION_TIER_LABELS[t.tier].label}</th>
                <td className="num">{formatCount(t.active)}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption="Closed interventions by outcome"
            head={
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Interventions
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
