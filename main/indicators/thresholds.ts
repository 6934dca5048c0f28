import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';

/** District-adjustable cut points for the transparent flags (DOMAIN.md defaults). */
export const Thresholds = z.object({
  /** Chronic absence: share of enrolled days missed, inclusive. */
  chronicAbsence: z.number().min(0).max(1).default(0.1),
  /** Low GPA flag: GPA at or below this. */
  lowGpa: z.number().min(0).max(4).default(2.0),
  /** A numeric grade below this is an F. */
  failingGrade: z.number().min(0).max(100).default(60),
  /** Chicago freshman on-track: full-year credits needed by the end of grade 9. */
  onTrackCredits: z.number().min(0).default(5),
  /** Attendance tiers (Panorama): rate at or above each cut. */
  tierOnTrack: z.number().default(0.95),
  tierOnTrackGraduation: z.number().default(0.9),
  tierAtRisk: z.number().default(0.8),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const DEFAULT_THRESHOLDS: Thresholds = Thresholds.parse({});

export async function loadThresholds(db: Kysely<Database>): Promise<Thresholds> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', 'thresholds')
    .executeTakeFirst();
  return row ? Thresholds.parse(JSON.parse(row.value_json)) : DEFAULT_THRESHOLDS;
}
