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
import { formatCount, formatDate } from '../format/format';
import { i18n } from '../i18n';

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
const WHEN_EMPTY = {
  ownerId: () => i18n.t('interventions:checks.empty.ownerId'),
  startDate: () => i18n.t('interventions:checks.empty.startDate'),
  endDate: () => i18n.t('interventions:checks.empty.endDate'),
  date: () => i18n.t('interventions:checks.empty.date'),
} as const satisfies Record<string, () => string>;

/**
 * The contract's own messages (main/api/contract.ts, in English) in the current language. The
 * forms check themselves with those schemas and the core refuses with the same words, so one
 * table serves both; a message not listed here is shown as the core wrote it.
 */
const CONTRACT_MESSAGES: Record<string, () => string> = {
  'Use a date such as 2026-01-31.': () => i18n.t('interventions:checks.dateFormat'),
  'That date does not exist.': () => i18n.t('interventions:checks.dateMissing'),
  'Choose what the intervention addresses.': () => i18n.t('interventions:checks.type'),
  'Write the goal: what should change, by how much, by when.': () =>
    i18n.t('interventions:checks.goal'),
  'The end date must come after the start date.': () => i18n.t('interventions:checks.dateOrder'),
  'Choose how the student is doing.': () => i18n.t('interventions:checks.progress'),
  'Write what happened since the last check-in.': () => i18n.t('interventions:checks.note'),
  'Choose the outcome.': () => i18n.t('interventions:checks.outcome'),
};

/** A contract message in the current language (unknown ones as they are). */
export function contractMessage(message: string): string {
  return Object.hasOwn(CONTRACT_MESSAGES, message) ? CONTRACT_MESSAGES[message]!() : message;
}

function whenEmpty(field: string): string | undefined {
  return Object.hasOwn(WHEN_EMPTY, field)
    ? WHEN_EMPTY[field as keyof typeof WHEN_EMPTY]()
    : undefined;
}

function toFieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  values: object,
): FieldIssues {
  const byField: FieldIssues = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '(input)';
    if (byField[field]) continue;
    const value: unknown = (values as Record<string, unknown>)[field];
    byField[field] =
      (value === '' ? whenEmpty(field) : undefined) ?? contractMessage(issue.message);
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
    const message = contractMessage(issue.message);
    if (fields.includes(issue.path)) byField[issue.path] ??= message;
    else other.push(message);
  }
  return { byField, other };
}

/** When the next check-in is due, in words (never colour alone): "Overdue by 3 days (…)". */
export function checkInDueText(due: IsoDate, today: IsoDate): { text: string; overdue: boolean } {
  const days = differenceInCalendarDays(parseISO(due), parseISO(today));
  const date = formatDate(due) ?? due;
  if (days < 0) {
    const text = i18n.t('interventions:due.overdue', {
      count: -days,
      days: formatCount(-days),
      date,
    });
    return { text, overdue: true };
  }
  if (days === 0) return { text: i18n.t('interventions:due.today', { date }), overdue: false };
  if (days === 1) return { text: i18n.t('interventions:due.tomorrow', { date }), overdue: false };
  const text = i18n.t('interventions:due.later', { count: days, days: formatCount(days), date });
  return { text, overdue: false };
}
