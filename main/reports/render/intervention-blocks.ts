/** The parts of an intervention both the student report and the plan print. */
import type { InterventionView } from '../../api/contract';
import type { TaggedReport } from './tagged-doc';
import { localDay, longDate, plural } from './text';
import {
  INTERVENTION_TIER_WORDS,
  INTERVENTION_TYPE_WORDS,
  MONITORING_WORDS,
  OUTCOME_WORDS,
  PROGRESS_WORDS,
  STATUS_WORDS,
} from './words';

/** "Attendance · Tier 2 (targeted) · Active". */
export function interventionTitle(iv: InterventionView): string {
  return `${INTERVENTION_TYPE_WORDS[iv.type]} · ${INTERVENTION_TIER_WORDS[iv.tier]} · ${STATUS_WORDS[iv.status]}`;
}

export function outcomeText(iv: InterventionView): string {
  if (iv.status !== 'closed' || !iv.outcome) {
    return 'Open: the outcome is recorded when the intervention is closed.';
  }
  const closed = iv.closedAt ? ` Closed on ${longDate(localDay(iv.closedAt))}.` : '';
  const note = iv.outcomeNote ? ` Note: ${iv.outcomeNote}` : '';
  return `${OUTCOME_WORDS[iv.outcome]}.${closed}${note}`;
}

/** The plan's fields as a two-column table, field names as row headers. */
export function interventionFields(
  report: TaggedReport,
  iv: InterventionView,
  options: { withOutcome: boolean } = { withOutcome: true },
): void {
  const schedule =
    iv.status === 'active' && iv.nextCheckInDue
      ? `${MONITORING_WORDS[iv.monitoring]}; next check-in due ${longDate(iv.nextCheckInDue)}${iv.overdue ? ' (overdue)' : ''}`
      : MONITORING_WORDS[iv.monitoring];
  report.table(
    [
      { header: 'Field', width: 0.22 },
      { header: 'Plan', width: 0.78 },
    ],
    [
      ['Tier', INTERVENTION_TIER_WORDS[iv.tier]],
      ['Type', INTERVENTION_TYPE_WORDS[iv.type]],
      ['Goal', iv.goal],
      ['Strategies', iv.strategies || 'None written down.'],
      ['Champion', iv.ownerName],
      ['Dates', `Started ${longDate(iv.startDate)}; planned to end ${longDate(iv.endDate)}`],
      ['Monitoring', schedule],
      ['Status', STATUS_WORDS[iv.status]],
      ...(options.withOutcome ? [['Outcome', outcomeText(iv)]] : []),
      ['Planned by', iv.createdByName],
    ],
    { rowHeaders: true, headerRow: false, fontSize: 9.5 },
  );
}

/** Check-ins, newest first, and a count of the private notes the reader may not see. */
export function checkinHistory(report: TaggedReport, iv: InterventionView): void {
  if (iv.checkins.length === 0) {
    report.paragraph(
      iv.hiddenPrivateNotes > 0 ? 'No check-ins you can read.' : 'No check-ins recorded yet.',
    );
  } else {
    report.table(
      [
        { header: 'Date', width: 0.15 },
        { header: 'Progress', width: 0.14 },
        { header: 'What happened', width: 0.51 },
        { header: 'Recorded by', width: 0.2 },
      ],
      iv.checkins.map((c) => [
        longDate(c.date),
        PROGRESS_WORDS[c.progress],
        c.private ? `Private note: ${c.note}` : c.note,
        c.authorName,
      ]),
    );
  }
  if (iv.hiddenPrivateNotes > 0) {
    report.paragraph(
      `${plural(iv.hiddenPrivateNotes, 'private check-in note is', 'private check-in notes are')} not shown: private notes are for their author and counselors.`,
    );
  }
}
