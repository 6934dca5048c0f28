/**
 * The rules behind the intervention forms and lists: DOMAIN.md's defaults (Tier 2, six weeks,
 * monitoring by tier), checking a form with the contract's own schemas before it is sent, sorting
 * the core's refusals onto the fields they are about, and when a check-in is due, in words.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { inputs } from '../../../main/api/contract';
import type { ApiError } from '../../../main/api/errors';
import type {
  CheckInInput,
  CheckinProgress,
  CloseInterventionInput,
  InterventionOutcome,
  InterventionPlanInput,
  InterventionTier,
  InterventionType,
  InterventionUpdateInput,
  InterventionView,
  IsoDate,
  MonitoringFrequency,
} from '../api/types';
import { formatDate, plural } from '../format/format';

/** A plan runs six weeks unless the person planning it says otherwise (DOMAIN.md). */
export const PLANNED_DAYS = 42;

/** Tier 3 weekly, Tier 2 every two weeks (DOMAIN.md); Tier 1 monthly. */
export const MONITORING_FOR_TIER: Record<InterventionTier, MonitoringFrequency> = {
  1: 'monthly',
  2: 'biweekly',
  3: 'weekly',
};

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

/** A plan as the form holds it: a choice not made yet is ''. */
export interface PlanDraft {
  tier: InterventionTier;
  type: InterventionType | '';
  goal: string;
  strategies: string;
  ownerId: string;
  startDate: string;
  endDate: string;
  monitoring: MonitoringFrequency;
}

export function newPlanDraft(today: IsoDate, ownerId: string): PlanDraft {
  return {
    tier: 2,
    type: '',
    goal: '',
    strategies: '',
    ownerId,
    startDate: today,
    endDate: addDaysIso(today, PLANNED_DAYS),
    monitoring: MONITORING_FOR_TIER[2],
  };
}

export function draftFromIntervention(intervention: InterventionView): PlanDraft {
  const { tier, type, goal, strategies, ownerId, startDate, endDate, monitoring } = intervention;
  return { tier, type, goal, strategies, ownerId, startDate, endDate, monitoring };
}

/**
 * Which fields still follow the defaults: the end date follows the start date and monitoring
 * follows the tier until the person changes them (then their choice stands).
 */
export interface PlanDefaults {
  endDate: boolean;
  monitoring: boolean;
}

export function changeTier(
  draft: PlanDraft,
  tier: InterventionTier,
  follows: PlanDefaults,
): PlanDraft {
  return {
    ...draft,
    tier,
    monitoring: follows.monitoring ? MONITORING_FOR_TIER[tier] : draft.monitoring,
  };
}

export function changeStartDate(
  draft: PlanDraft,
  startDate: string,
  follows: PlanDefaults,
): PlanDraft {
  const endDate =
    follows.endDate && isIsoDate(startDate) ? addDaysIso(startDate, PLANNED_DAYS) : draft.endDate;
  return { ...draft, startDate, endDate };
}

function isIsoDate(value: string): value is IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseISO(value).getTime());
}

export interface CheckInDraft {
  date: string;
  progress: CheckinProgress | '';
  note: string;
  private: boolean;
}

export function newCheckInDraft(today: IsoDate): CheckInDraft {
  return { date: today, progress: '', note: '', private: false };
}

export interface CloseDraft {
  outcome: InterventionOutcome | '';
  note: string;
}

/** One message per field, keyed by the field's name in the contract ("goal", "endDate"). */
export type FieldIssues = Partial<Record<string, string>>;

/** A form checked before sending: the input to send, or what to fix, field by field. */
export type Checked<T> = { ok: true; input: T } | { ok: false; issues: FieldIssues };

/**
 * Empty answers in words for the person filling the form; the schema's own messages are written
 * for typed values ("Use a date such as 2026-01-31.").
 */
const WHEN_EMPTY: Record<string, string> = {
  ownerId: 'Choose who champions this intervention.',
  startDate: 'Choose the date the intervention starts.',
  endDate: 'Choose the date it is planned to end.',
  date: 'Choose the date of the check-in.',
};

function toFieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  values: object,
): FieldIssues {
  const byField: FieldIssues = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '(input)';
    if (byField[field]) continue;
    const value: unknown = (values as Record<string, unknown>)[field];
    byField[field] = value === '' && WHEN_EMPTY[field] ? WHEN_EMPTY[field] : issue.message;
  }
  return byField;
}

/*
 * The forms check themselves with the contract's schemas, so every problem shows at once, in the
 * same words the core would use; the core checks again (and adds what only it knows, such as
 * who may champion the plan).
 */

export function checkPlan(draft: PlanDraft, studentId: string): Checked<InterventionPlanInput> {
  const value = { ...draft, studentId };
  const parsed = inputs['interventions.create'].safeParse(value);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error.issues, value) };
}

export function checkPlanEdit(
  draft: PlanDraft,
  ids: { studentId: string; interventionId: string; baseUpdatedAt: number },
): Checked<InterventionUpdateInput> {
  const value = { ...draft, ...ids };
  const parsed = inputs['interventions.update'].safeParse(value);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error.issues, value) };
}

export function checkCheckIn(
  draft: CheckInDraft,
  ids: { studentId: string; interventionId: string },
): Checked<CheckInInput> {
  const value = { ...draft, ...ids };
  const parsed = inputs['interventions.checkIn'].safeParse(value);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error.issues, value) };
}

export function checkClose(
  draft: CloseDraft,
  ids: { studentId: string; interventionId: string },
): Checked<CloseInterventionInput> {
  const value = { ...draft, ...ids };
  const parsed = inputs['interventions.close'].safeParse(value);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error.issues, value) };
}

/**
 * The core's refusal split into messages for the form's fields and the rest (shown above the
 * buttons). `fields` lists the names the form shows; an issue about anything else is "other".
 */
export function issuesFromError(
  error: ApiError,
  fields: readonly string[],
): { byField: FieldIssues; other: string[] } {
  const byField: FieldIssues = {};
  const other: string[] = [];
  for (const issue of error.issues ?? []) {
    if (fields.includes(issue.path)) byField[issue.path] ??= issue.message;
    else other.push(issue.message);
  }
  return { byField, other };
}

/** When the next check-in is due, in words (never colour alone): "Overdue by 3 days (…)". */
export function checkInDueText(due: IsoDate, today: IsoDate): { text: string; overdue: boolean } {
  const days = differenceInCalendarDays(parseISO(due), parseISO(today));
  const date = formatDate(due) ?? due;
  if (days < 0) return { text: `Overdue by ${plural(-days, 'day')} (due ${date})`, overdue: true };
  if (days === 0) return { text: `Due today (${date})`, overdue: false };
  if (days === 1) return { text: `Due tomorrow (${date})`, overdue: false };
  return { text: `Due ${date} (in ${plural(days, 'day')})`, overdue: false };
}
