import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { InterventionView, IsoDate } from '../../api/types';
import { checkInDueText } from '../../domain/interventions';
import {
  INTERVENTION_OUTCOME_LABELS,
  INTERVENTION_STATUS_LABELS,
  INTERVENTION_TIER_LABELS,
  INTERVENTION_TYPE_LABELS,
  MONITORING_LABELS,
} from '../../domain/interventionLabels';
import { formatDate, formatDateTime } from '../../format/format';
import { useFocusWhenShown } from '../../hooks/useFocusWhenShown';
import { downloadInterventionPlan } from '../../stores/reports/downloadReport';
import { ReportDownloadButton } from '../common/ReportDownloadButton';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory } from './CheckInHistory';
import { CloseForm } from './CloseForm';
import { PlanForm } from './PlanForm';

type OpenForm = 'checkIn' | 'edit' | 'close';

/** The forms a card opens, in the order of their buttons. */
const ACTIONS: OpenForm[] = ['checkIn', 'edit', 'close'];

/** The id of an intervention's heading, where focus goes after it is saved. */
export function interventionHeadingId(interventionId: string): string {
  return `intervention-${interventionId}`;
}

/**
 * One intervention: the plan, when the next check-in is due, its outcome once closed, and its
 * check-ins. Those who may run it (the core's `canEdit`) add check-ins, edit and close it here;
 * anyone who can read it prints it (the PDF holds only the check-ins the reader may see).
 */
export function InterventionCard({
  intervention,
  today,
}: {
  intervention: InterventionView;
  today: IsoDate;
}) {
  const { t } = useTranslation('interventions');
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [saved, setSaved] = useState('');
  const focusWhenShown = useFocusWhenShown();
  const headingId = interventionHeadingId(intervention.id);
  const buttonId = (form: OpenForm) => `${headingId}-${form}`;
  const active = intervention.status === 'active';
  const mayRun = intervention.canEdit && active;

  const openForm = (form: OpenForm) => {
    setSaved('');
    setOpen(form);
  };
  const cancel = (form: OpenForm) => {
    setOpen(null);
    focusWhenShown(buttonId(form));
  };
  const done = (form: OpenForm) => {
    setOpen(null);
    setSaved(t(`card.saved.${form}`));
    focusWhenShown(headingId);
  };

  return (
    <article
      className={`intervention intervention-${intervention.status}`}
      aria-labelledby={headingId}
    >
      <div className="intervention-head">
        <h3 id={headingId} tabIndex={-1} className="intervention-title">
          {t('typeAndTier', {
            type: INTERVENTION_TYPE_LABELS[intervention.type].label,
            tier: INTERVENTION_TIER_LABELS[intervention.tier].label,
          })}
        </h3>
        <span className={`status-badge intervention-status-${intervention.status}`}>
          {INTERVENTION_STATUS_LABELS[intervention.status]}
        </span>
        <ReportDownloadButton
          label={t('card.print')}
          what={t('card.printWhat')}
          secondary
          download={() => downloadInterventionPlan(intervention.studentId, intervention.id)}
        />
      </div>
      <PlanFacts intervention={intervention} today={today} />
      <p className="feedback-saved" role="status">
        {saved}
      </p>
      {mayRun && open === null && (
        <div className="wizard-actions">
          {ACTIONS.map((form) => (
            <button
              key={form}
              id={buttonId(form)}
              type="button"
              className={form === 'checkIn' ? 'button' : 'button button-secondary'}
              onClick={() => openForm(form)}
            >
              {t(`card.actions.${form}`)}
            </button>
          ))}
        </div>
      )}
      {open === 'checkIn' && (
        <CheckInForm
          intervention={intervention}
          today={today}
          onCancel={() => cancel('checkIn')}
          onSaved={() => done('checkIn')}
        />
      )}
      {open === 'edit' && (
        <PlanForm
          mode="edit"
          intervention={intervention}
          studentId={intervention.studentId}
          today={today}
          onCancel={() => cancel('edit')}
          onSaved={() => done('edit')}
        />
      )}
      {open === 'close' && (
        <CloseForm
          intervention={intervention}
          onCancel={() => cancel('close')}
          onSaved={() => done('close')}
        />
      )}
      <CheckInHistory intervention={intervention} />
    </article>
  );
}

/** The plan in a description list: goal, strategies, who, when, how often, what is next. */
function PlanFacts({ intervention, today }: { intervention: InterventionView; today: IsoDate }) {
  const { t } = useTranslation('interventions');
  const due = intervention.nextCheckInDue
    ? checkInDueText(intervention.nextCheckInDue, today)
    : null;
  return (
    <dl className="intervention-facts">
      <div className="fact-wide">
        <dt>{t('card.goal')}</dt>
        <dd className="prose" translate="no">
          {intervention.goal}
        </dd>
      </div>
      {intervention.strategies && (
        <div className="fact-wide">
          <dt>{t('card.strategies')}</dt>
          <dd className="prose" translate="no">
            {intervention.strategies}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('card.champion')}</dt>
        <dd translate="no">{intervention.ownerName}</dd>
      </div>
      <div>
        <dt>{t('card.dates')}</dt>
        <dd>
          {t('card.dateRange', {
            start: formatDate(intervention.startDate),
            end: formatDate(intervention.endDate),
          })}
          <span className="cell-note">
            <Trans
              t={t}
              i18nKey="card.plannedBy"
              values={{ name: intervention.createdByName }}
              components={{ name: <span translate="no" /> }}
            />
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('card.checksProgress')}</dt>
        <dd>{MONITORING_LABELS[intervention.monitoring]}</dd>
      </div>
      {due && (
        <div>
          <dt>{t('card.nextCheckIn')}</dt>
          <dd className={due.overdue ? 'due-overdue' : undefined}>
            {due.overdue && <span aria-hidden="true">⚠ </span>}
            {due.text}
          </dd>
        </div>
      )}
      {intervention.status === 'closed' && intervention.outcome && (
        <div className="fact-wide">
          <dt>{t('card.outcome')}</dt>
          <dd>
            <strong>{INTERVENTION_OUTCOME_LABELS[intervention.outcome].label}</strong>
            {intervention.closedAt &&
              t('card.closedAt', { when: formatDateTime(intervention.closedAt) })}
            {intervention.outcomeNote && (
              <p className="prose" translate="no">
                {intervention.outcomeNote}
              </p>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
