/**
 * The risk tier staff act on: a counselor's or administrator's tier override where one was
 * recorded, else the model's tier. One rule, used wherever students are counted by tier (the
 * overview's tiers by grade, intervention coverage):
 *
 * - an override is a `risk_feedback` row with verdict 'override', a tier, and no tombstone;
 * - the student's **latest** override wins (by `created_at`, then id), whatever model version or
 *   week it was recorded against: staff set it, and it stands until they set another (the
 *   profile, the student list and the class report show the same one);
 * - otherwise the tier of the active model's latest score (`student_risk`);
 * - a student with neither has no tier.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, RiskTier } from '../../db/schema';

export function effectiveTier(
  modelTier: RiskTier | null | undefined,
  overrideTier: RiskTier | null | undefined,
): RiskTier | null {
  return overrideTier ?? modelTier ?? null;
}

/**
 * Each student's latest tier override, one row per student (`student_id`, `override_tier`), to
 * LEFT JOIN on the student. Overrides are few, so SQLite builds this once per query and probes it
 * with a Bloom filter: a district-wide count pays almost nothing for it.
 */
export function latestOverrides(db: Kysely<Database>) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('risk_feedback')
        .select([
          'student_id',
          'override_tier',
          sql<number>`row_number() OVER (PARTITION BY student_id
            ORDER BY created_at DESC, id DESC)`.as('latest'),
        ])
        .where('verdict', '=', 'override')
        .where('override_tier', 'is not', null)
        .where('deleted_at', 'is', null)
        .as('f'),
    )
    .select(['f.student_id', sql<RiskTier>`f.override_tier`.as('override_tier')])
    .where('f.latest', '=', 1);
}

/**
 * Each scored student's model tier (`student_id`, `tier`): the active model's latest score, read
 * from the `student_risk_tier` index alone (the table's rows carry the score's reasons as JSON),
 * which takes a third off a district-wide count at 50,000 students. SQLite flattens it into the
 * query that joins it and keeps the index.
 */
export function modelTiers<A extends string>(alias: A) {
  return sql<{ student_id: string; tier: RiskTier }>`(SELECT student_id, tier
    FROM student_risk INDEXED BY student_risk_tier)`.as(alias);
}

/**
 * The effective tier as a SQL expression over the joined columns: the latest override (from
 * `latestOverrides`) and the model's tier (from `modelTiers`).
 */
export function effectiveTierSql(
  overrideTier: string,
  modelTier: string,
): RawBuilder<RiskTier | null> {
  return sql<RiskTier | null>`coalesce(${sql.ref(overrideTier)}, ${sql.ref(modelTier)})`;
}

/** The latest override of each of a few students (ids as a JSON array), by the same rule. */
export function overridesOf(sqlite: SQLite.Database, idsJson: string): Map<string, RiskTier> {
  const out = new Map<string, RiskTier>();
  // Oldest first, so each student's latest override is the one left.
  const rows = sqlite
    .prepare(
      `SELECT student_id, override_tier FROM risk_feedback
       WHERE verdict = 'override' AND deleted_at IS NULL AND override_tier IS NOT NULL
         AND student_id IN (SELECT value FROM json_each(?))
       ORDER BY created_at, id`,
    )
    .all(idsJson) as { student_id: string; override_tier: RiskTier }[];
  for (const r of rows) out.set(r.student_id, r.override_tier);
  return out;
}
