import { useTranslation } from 'react-i18next';
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

/**
 * The progress checks the signed-in person should make this week: overdue first, each linking to
 * the student's profile where the check-in is recorded.
 */
export function CheckInsDuePanel({ role }: { role: StaffRole | undefined }) {
  const { t } = useTranslation('interventions');
  const { state, reload } = useQuery(checkInsDue, null);
  const data = dataOf(state);
  return (
    <section className="card" aria-labelledby="checkins-due-title">
      <h2 id="checkins-due-title" className="card-title">
        {t('duePanel.title')}
      </h2>
      {/* Whose check-ins are listed, by role (the core decides; this is only the wording). */}
      <p className="card-note">
        {role === 'counselor' ? t('duePanel.noteCounselor') : t('duePanel.note')}
      </p>
      {state.status === 'error' ? (
        <ErrorPanel
          error={state.error}
          action={t('duePanel.failedAction')}
          onRetry={reload}
          headingLevel={3}
        />
      ) : !data ? (
        <LoadingState what={t('duePanel.loading')} lines={3} />
      ) : data.due.length === 0 ? (
        <EmptyState title={t('duePanel.emptyTitle')}>
          <p>{t('duePanel.emptyBody')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('duePanel.caption')}
          captionHidden
          head={
            <tr>
              <th scope="col">{t('duePanel.student')}</th>
              <th scope="col" className="num">
                {t('duePanel.grade')}
              </th>
              <th scope="col">{t('duePanel.intervention')}</th>
              <th scope="col">{t('duePanel.nextCheckIn')}</th>
              <th scope="col">{t('duePanel.champion')}</th>
            </tr>
          }
        >
          {data.due.map((d) => {
            const due = checkInDueText(d.nextCheckInDue, data.today);
            return (
              <tr key={d.interventionId}>
                <th scope="row">
                  <a href={hrefFor({ name: 'student', studentId: d.studentId })} translate="no">
                    {d.studentName}
                  </a>
                </th>
                <td className="num">{gradeShort(d.gradeLevel)}</td>
                <td>
                  {t('typeAndTier', {
                    type: INTERVENTION_TYPE_LABELS[d.type].label,
                    tier: INTERVENTION_TIER_LABELS[d.tier].label,
                  })}
                  <span className="cell-note due-goal" translate="no">
                    {d.goal}
                  </span>
                </td>
                <td className={due.overdue ? 'due-overdue' : undefined}>
                  {due.overdue && <span aria-hidden="true">⚠ </span>}
                  {due.text}
                </td>
                <td translate="no">{d.ownerName}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
