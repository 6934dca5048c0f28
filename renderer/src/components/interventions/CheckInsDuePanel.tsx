import type { StaffRole } from '../../api/types';
import { checkInDueText } from '../../domain/interventions';
import {
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
} from '../../domain/interventionLabels';
import { gradeShort } from '../../domain/labels';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { checkInsDue } from '../../stores/interventions/interventionsStore';
import { hrefFor } from '../../stores/routes';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';

/** Whose check-ins are listed, by role (the core decides; this is only the wording). */
function whose(role: StaffRole | undefined): string {
  return role === 'counselor'
    ? 'Interventions you champion, and those for students on your caseload,'
    : 'Interventions you champion';
}

/**
 * The progress checks the signed-in person should make this week: overdue first, each linking to
 * the student's profile where the check-in is recorded.
 */
export function CheckInsDuePanel({ role }: { role: StaffRole | undefined }) {
  const { state, reload } = useQuery(checkInsDue, null);
  const data = dataOf(state);
  return (
    <section className="card" aria-labelledby="checkins-due-title">
      <h2 id="checkins-due-title" className="card-title">
        Check-ins due
      </h2>
      <p className="card-note">
        {whose(role)} with a progress check overdue or due in the next 7 days.
      </p>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action="list the check-ins due"
          onRetry={reload}
          headingLevel={3}
        />
      ) : !data ? (
        <LoadingState what="check-ins due" lines={3} />
      ) : data.due.length === 0 ? (
        <EmptyState title="No check-ins due this week.">
          <p>
            When an intervention you run needs a progress check within 7 days, it is listed here. To
            start one, open a student’s profile and choose “Plan an intervention”.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Check-ins overdue or due in the next 7 days, most overdue first"
          captionHidden
          head={
            <tr>
              <th scope="col">Student</th>
              <th scope="col" className="num">
                Grade
              </th>
              <th scope="col">Intervention</th>
              <th scope="col">Next check-in</th>
              <th scope="col">Champion</th>
            </tr>
          }
        >
          {data.due.map((d) => {
            const due = checkInDueText(d.nextCheckInDue, data.today);
            return (
              <tr key={d.interventionId}>
                <th scope="row">
                  <a href={hrefFor({ name: 'student', studentId: d.studentId })}>{d.studentName}</a>
                </th>
                <td className="num">{gradeShort(d.gradeLevel)}</td>
                <td>
                  {INTERVENTION_TYPE_LABELS[d.type].label} ·{' '}
                  {INTERVENTION_TIER_LABELS[d.tier].label}
                  <span className="cell-note due-goal">{d.goal}</span>
                </td>
                <td className={due.overdue ? 'due-overdue' : undefined}>
                  {due.overdue && <span aria-hidden="true">⚠ </span>}
                  {due.text}
                </td>
                <td>{d.ownerName}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
