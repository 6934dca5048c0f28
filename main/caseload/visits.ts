/**
 * "New since your last visit" for a counselor's caseload. What a counselor has seen is a data
 * date, not a clock time: flags only change when new data arrives. A visit with newer data than
 * the last one moves the comparison point to the data date seen then; visits while the data stays
 * the same keep it, so new flags stay marked until the counselor says they have seen them.
 * Kept per staff member in the local `settings` table (this laptop's memory, never synced).
 */
import { formatISO, parseISO, subDays } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema';

interface Visit {
  /** The data date shown at the latest visit. */
  seenAsOf: IsoDate | null;
  /** What the latest visit compared with: the data date seen on the visit before newer data. */
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
  await db
    .insertInto('settings')
    .values({ key: keyFor(staffId), value_json: JSON.stringify(visit), updated_at: Date.now() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value_json: JSON.stringify(visit), updated_at: Date.now() }),
    )
    .execute();
}

export function weekBefore(date: IsoDate): IsoDate {
  return formatISO(subDays(parseISO(date), WEEK_BEFORE_DAYS), { representation: 'date' });
}

/**
 * Records a visit to the caseload with data as of `dataAsOf`, and returns the data date to
 * compare with (what was new is what changed after it) and when the counselor last came by.
 */
export async function visitCaseload(
  db: Kysely<Database>,
  staffId: string,
  dataAsOf: IsoDate | null,
): Promise<{ comparedWith: IsoDate | null; lastVisitAt: number | null }> {
  const last = await readVisit(db, staffId);
  let comparedWith: IsoDate | null;
  if (!last) comparedWith = dataAsOf ? weekBefore(dataAsOf) : null;
  else if (last.seenAsOf === dataAsOf) comparedWith = last.comparedWith;
  else comparedWith = last.seenAsOf;
  await writeVisit(db, staffId, { seenAsOf: dataAsOf, comparedWith, visitedAt: Date.now() });
  return { comparedWith, lastVisitAt: last?.visitedAt ?? null };
}

/** "Mark all as seen": nothing is new until newer data arrives. */
export async function markCaseloadSeen(
  db: Kysely<Database>,
  staffId: string,
  dataAsOf: IsoDate | null,
): Promise<void> {
  await writeVisit(db, staffId, {
    seenAsOf: dataAsOf,
    comparedWith: dataAsOf,
    visitedAt: Date.now(),
  });
}
