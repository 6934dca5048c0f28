/**
 * What the early-warning model learns to predict, from the outcomes a school records at the
 * end of a term (`student_outcomes`) and, where a student has none, from counselors' verdicts
 * on a flag (`risk_feedback`). The wording below goes onto every model card.
 */
import type { FeedbackVerdict, OutcomeKind } from '../../db/schema';

export const LABEL_DEFINITION =
  'A student is labelled at risk (1) for a term when the school recorded, for that term, a ' +
  'course failure (an F as a final grade), chronic absence (absent on at least 10% of enrolled ' +
  'school days) or a withdrawal as a dropout or an expulsion; otherwise, when the term\u2019s ' +
  'outcomes were recorded, not at risk (0). A student who transferred out during a term, or ' +
  'withdrew for another or unrecorded reason, is left out for that term: they left before its ' +
  'outcomes could be observed, and a transfer is not a failure of the school\u2019s support. ' +
  'Where a student has no recorded outcome for a term, a counselor\u2019s verdict on a flag or ' +
  'score that term is used instead (a raised flag judged right, or a student left unflagged ' +
  'judged wrong, is 1; the opposite is 0), predicted from that week, in training only. Each ' +
  'example is the student\u2019s weekly indicators up to a cutoff week in the term, weeks before ' +
  'the outcome is known, for students still enrolled at the end of that week.';

/** Withdrawal reasons that count as the adverse outcome an early warning tries to prevent. */
export const ADVERSE_WITHDRAWALS: readonly string[] = ['dropout', 'expelled'];

/**
 * A student's recorded outcomes for one term, folded together: `1` or `0`, or `'left'` when
 * they withdrew for a reason that is not adverse (a transfer), so the term's other outcomes are
 * cut short and neither label would be true.
 */
export type TermOutcome = 0 | 1 | 'left';

export interface OutcomeRecord {
  outcome: OutcomeKind;
  value: number;
  detail: string | null;
}

/** Adds one outcome row to what is known of a student's term (start from `0`). */
export function foldOutcome(current: TermOutcome, row: OutcomeRecord): TermOutcome {
  if (row.value !== 1 || current === 'left') return current;
  if (row.outcome !== 'withdrawal') return 1;
  return ADVERSE_WITHDRAWALS.includes((row.detail ?? '').trim().toLowerCase()) ? 1 : 'left';
}

/**
 * A counselor's verdict as a label, given whether the flag or tier they judged was raised: a
 * raised flag judged right, or a student left unflagged judged wrong (missed), is at risk.
 * Overrides say nothing about the outcome.
 */
export function feedbackLabel(verdict: FeedbackVerdict, raised: boolean): 0 | 1 | null {
  if (verdict !== 'right' && verdict !== 'wrong') return null;
  return (verdict === 'right') === raised ? 1 : 0;
}
