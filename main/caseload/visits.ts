/**
 * "New since your last visit" for a counselor's caseload. A visit remembers what it showed: each
 * student's flags and tier and the data date. A later visit with newer data compares with what
 * the visit before it showed; visits while the data stays the same keep comparing with the same
 * thing, so new items stay marked until the counselor marks them seen. Remembering what was shown
 * (rather than reading the weekly snapshot of that date) matters: the pipeline rewrites a week's
 * snapshot as later days of the same week arrive. Kept per staff member in the local `settings`
 * table (this laptop's memory, never synced); a caseload of a few hundred is a few kilobytes.
 */
import { formatISO, parseISO, subDays } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema';
import { ApiError } from '../api/contract';
import type { Shown } from './view';

interface Visit {
  /** The data date the latest visit showed. */
  seenAsOf: IsoDate | null;
  /** What the latest visit showed. */
  shown: Shown;
  /** What the latest visit compared with (null: the weekly snapshot of `comparedWith`). */
  before: Shown | null;
  comparedWith: IsoDate | null;
  visitedAt: number;
}

const keyFor = (staffId: string) => `caseload.visit.${staffId}`;

/** Before a first visit, "new" means new this week. */
const WEEK_BEFORE_DAYS = 7;

async function readVisit(db: Kysely<Database>, staffId: string): Promise<Visit | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', keyFor(staffId))
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as Visit) : null;
}

async function writeVisit(db: Kysely<Database>, staffId: string, visit: Visit): Promise<void> {
  const value = JSON.stringify(visit);
  await db
    .insertInto('settings')
    .values({ key: keyFor(staffId), value_json: value, updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value, updated_at: Date.now() }))
    .execute();
}

export function weekBefore(date: IsoDate): IsoDate {
  return formatISO(subDays(parseISO(date), WEEK_BEFORE_DAYS), { representation: 'date' });
}

/**
 * Records a visit that shows `shown` (data as of `dataAsOf`) and returns what to compare it
 * with: `before` (what an earlier visit showed), or null with `comparedWith` a date whose weekly
 * snapshot stands in for it (a first visit); and when the counselor last came by.
 */
export async function visitCaseload(
  db: Kysely<Database>,
  staffId: string,
  dataAsOf: IsoDate | null,
  shown: Shown,
): Promise<{ before: Shown | null; comparedWith: IsoDate | null; lastVisitAt: number | null }> {
  const last = await readVisit(db, staffId);
  let before: Shown | null;
  let comparedWith: IsoDate | null;
  if (!last) {
    before = null;
    comparedWith = dataAsOf ? weekBefore(dataAsOf) : null;
  } else if (last.seenAsOf === dataAsOf) {
    ({ before, comparedWith } = last);
  } else {
    before = last.shown;
    comparedWith = last.seenAsOf;
  }
  await writeVisit(db, staffId, {
    seenAsOf: dataAsOf,
    shown,
    before,
    comparedWith,
    visitedAt: Date.now(),
  });
  return { before, comparedWith, lastVisitAt: last?.visitedAt ?? null };
}

/**
 * "Mark all as seen" for the caseload shown with data as of `shownAsOf`: nothing on it is new
 * until newer data arrives. Refused when newer data arrived since it was shown (marking that
 * seen would hide changes the counselor never saw).
 */
export async function markCaseloadSeen(
  db: Kysely<Database>,
  staffId: string,
  shownAsOf: IsoDate | null,
): Promise<void> {
  const last = await readVisit(db, staffId);
  if (!last || last.seenAsOf !== shownAsOf) {
    throw new ApiError(
      'conflict',
      'Newer data arrived since your caseload was shown. Look at it again before marking it seen.',
    );
  }
  await writeVisit(db, staffId, {
    ...last,
    before: last.shown,
    comparedWith: shownAsOf,
    visitedAt: Date.now(),
  });
}
