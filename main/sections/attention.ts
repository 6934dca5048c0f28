import type { RiskTier } from '../../db/schema';
import type { SectionRosterRow, SectionView } from '../api/contract';

const TIER_RANK: Record<RiskTier, number> = { low: 0, moderate: 1, high: 2 };
const TIER_WORDS: Record<RiskTier, string> = { low: 'low', moderate: 'moderate', high: 'high' };

/** A drop this size in a week is worth a teacher's look (about a letter grade's third). */
export const GRADE_DROP_POINTS = 5;

/**
 * Who a teacher should look at this week, and why, in words: risk that rose since last week,
 * a grade that fell, a failing grade in this class, or a high risk tier.
 */
export function needsAttention(rows: SectionRosterRow[]): SectionView['needsAttention'] {
  const out: SectionView['needsAttention'] = [];
  for (const row of rows) {
    const reasons: string[] = [];
    const tier = row.overrideTier ?? row.riskTier;
    if (row.riskTier && row.previousTier && TIER_RANK[row.riskTier] > TIER_RANK[row.previousTier]) {
      reasons.push(
        `Risk rose from ${TIER_WORDS[row.previousTier]} to ${TIER_WORDS[row.riskTier]} since last week.`,
      );
    } else if (tier === 'high') {
      reasons.push('High risk tier.');
    }
    if (row.gradeChange !== null && row.gradeChange <= -GRADE_DROP_POINTS) {
      reasons.push(
        `Grade in this class fell ${Math.round(-row.gradeChange)} points since last week.`,
      );
    }
    if (row.failing && row.grade !== null) {
      reasons.push(`Failing this class (${Math.round(row.grade)}%).`);
    }
    if (reasons.length > 0) {
      out.push({ studentId: row.studentId, name: `${row.givenName} ${row.familyName}`, reasons });
    }
  }
  // The most reasons first, then by name, so the list reads as a to-do.
  return out.sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));
}
