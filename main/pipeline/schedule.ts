/**
 * When the daily pipeline run is due. Pure functions of the clock so they can be tested with
 * plain numbers; times are the machine's local time because that is the clock the staff
 * member who set "run at 06:00" is looking at.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';

export const DAILY_AT_KEY = 'pipeline.dailyAt';
export const DEFAULT_DAILY_AT = '06:00';

export const DailyAt = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as "HH:MM" (00:00–23:59)');

function parse(dailyAt: string): { hours: number; minutes: number } {
  const value = DailyAt.parse(dailyAt);
  return { hours: Number(value.slice(0, 2)), minutes: Number(value.slice(3, 5)) };
}

/** The scheduled instant on the local calendar day `dayOffset` days from `now`'s. */
function scheduledOn(now: number, dailyAt: string, dayOffset: number): number {
  const { hours, minutes } = parse(dailyAt);
  const d = new Date(now);
  // Built from calendar fields, not by adding 24 h, so a daylight-saving change keeps 06:00 at
  // 06:00. A time skipped by the spring change (02:30) comes out as the moment after the gap.
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + dayOffset, hours, minutes).getTime();
}

/** The first scheduled run strictly after `now`. */
export function nextRunAt(now: number, dailyAt: string = DEFAULT_DAILY_AT): number {
  const today = scheduledOn(now, dailyAt, 0);
  return today > now ? today : scheduledOn(now, dailyAt, 1);
}

/** The latest scheduled run at or before `now`. */
export function previousRunAt(now: number, dailyAt: string = DEFAULT_DAILY_AT): number {
  const today = scheduledOn(now, dailyAt, 0);
  return today <= now ? today : scheduledOn(now, dailyAt, -1);
}

/**
 * Whether a catch-up run is due at launch: the app was closed (or asleep) through the latest
 * scheduled time and no run has succeeded since. Never having run counts as missed.
 */
export function missedRun(
  lastSucceededAt: number | null,
  now: number,
  dailyAt: string = DEFAULT_DAILY_AT,
): boolean {
  return lastSucceededAt === null || lastSucceededAt < previousRunAt(now, dailyAt);
}

/** The `pipeline.dailyAt` setting, or the default when unset; a malformed value is refused. */
export async function loadDailyAt(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', DAILY_AT_KEY)
    .executeTakeFirst();
  return row ? DailyAt.parse(JSON.parse(row.value_json)) : DEFAULT_DAILY_AT;
}
