import { sql, type Kysely } from 'kysely';
import {
  INTERVENTION_OUTCOMES,
  INTERVENTION_TIERS,
  INTERVENTION_TYPES,
  type Database,
} from '../../db/schema';
import type { InterventionCoverage } from '../api/contract';
import { effectiveTierSql, latestOverrides, modelTiers } from '../risk/effective-tier';
import { visibleStudents, type Scope } from '../scope/scope';

/**
 * What an administrator asks of MTSS: are the students in the high risk tier (the model's, or
 * the one staff set by an override: main/risk/effective-tier.ts) getting help, and what kinds
 * of help, with what outcomes. Counts only students in the caller's scope
 * (narrowed to one school when asked).
 */
export async function interventionCoverage(
  db: Kysely<Database>,
  scope: Scope,
  schoolId: string | null,
): Promise<InterventionCoverage> {
  const students = db
    .selectFrom('students')
    .where(visibleStudents(scope))
    .where('students.enrollment_status', '=', 'active')
    .$if(schoolId !== null, (q) => q.where('students.school_id', '=', schoolId!));

  // High risk as staff act on it: a counselor's tier override wins over the model's tier.
  const risk = await students
    .leftJoin(latestOverrides(db).as('o'), 'o.student_id', 'students.id')
    .leftJoin(modelTiers('r'), 'r.student_id', 'students.id')
    .where(effectiveTierSql('o.override_tier', 'r.tier'), '=', 'high')
    .select([
      sql<number>`count(*)`.as('high'),
      sql<number>`sum(EXISTS (SELECT 1 FROM interventions i WHERE i.student_id = students.id
        AND i.status = 'active' AND i.deleted_at IS NULL))`.as('covered'),
    ])
    .executeTakeFirstOrThrow();

  const interventions = await students
    .innerJoin('interventions as i', 'i.student_id', 'students.id')
    .where('i.deleted_at', 'is', null)
    .select(['i.type', 'i.tier', 'i.status', 'i.outcome', sql<number>`count(*)`.as('n')])
    .groupBy(['i.type', 'i.tier', 'i.status', 'i.outcome'])
    .execute();

  const school = schoolId
    ? await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirst()
    : undefined;
  const sum = (keep: (r: (typeof interventions)[number]) => boolean) =>
    interventions.filter(keep).reduce((n, r) => n + r.n, 0);
  return {
    schoolName: school?.name ?? null,
    highRiskStudents: risk.high,
    highRiskWithActive: risk.covered ?? 0,
    activeInterventions: sum((r) => r.status === 'active'),
    byType: INTERVENTION_TYPES.map((type) => ({
      type,
      active: sum((r) => r.type === type && r.status === 'active'),
      closed: sum((r) => r.type === type && r.status === 'closed'),
    })),
    byOutcome: INTERVENTION_OUTCOMES.map((outcome) => ({
      outcome,
      count: sum((r) => r.outcome === outcome),
    })),
    byTier: INTERVENTION_TIERS.map((tier) => ({
      tier,
      active: sum((r) => r.tier === tier && r.status === 'active'),
    })),
  };
}
