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
  'score that term is used instead ("right" = 1, "wrong" = 0), predicted from that week. Each ' +
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

/** A counselor's verdict as a label; overrides and other verdicts say nothing about outcome. */
export function feedbackLabel(verdict: FeedbackVerdict): 0 | 1 | null {
  return verdict === 'right' ? 1 : verdict === 'wrong' ? 0 : null;
}
