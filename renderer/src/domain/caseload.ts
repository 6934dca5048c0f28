/**
 * What the caseload page decides about a row: whether it needs attention, whether anything on
 * it is new since the data the counselor last saw, and how its score moved. Pure functions.
 */
import type { CaseloadRow } from '../api/types';

export const CASELOAD_VIEWS = ['attention', 'new', 'all'] as const;
export type CaseloadViewFilter = (typeof CASELOAD_VIEWS)[number];

export const CASELOAD_ORDERS = ['risk', 'change', 'name'] as const;
export type CaseloadOrder = (typeof CASELOAD_ORDERS)[number];

/** A flag up, or a moderate or high tier (the model's or a counselor's). */
export function needsAttention(row: CaseloadRow): boolean {
  const tier = row.overrideTier ?? row.riskTier;
  return row.flags.length > 0 || tier === 'moderate' || tier === 'high';
}

/** A flag raised, or the tier moved up, since the data the counselor saw last. */
export function isNew(row: CaseloadRow): boolean {
  return row.newFlags.length > 0 || row.tierRaised;
}

export function filterCaseload(rows: CaseloadRow[], view: CaseloadViewFilter): CaseloadRow[] {
  if (view === 'all') return rows;
  return rows.filter(view === 'new' ? isNew : needsAttention);
}

/** A score change in whole points ("+12", "−3", "0"); null without both weeks. */
export function scoreChangePoints(change: number | null): number | null {
  return change === null ? null : Math.round(change * 100);
}

/** Today on this computer's calendar, as check-ins are counted in the school's local days. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
