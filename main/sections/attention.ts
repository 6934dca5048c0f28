import type { Message, RiskTier } from '../../db/schema';
import type { SectionRosterRow, SectionView } from '../api/contract';
import { message } from '../i18n/messages';

const TIER_RANK: Record<RiskTier, number> = { low: 0, moderate: 1, high: 2 };
const tierWord = (tier: RiskTier) => message(`attention.tiers.${tier}`);

/** A drop this size in a week is worth a teacher's look (about a letter grade's third). */
export const GRADE_DROP_POINTS = 5;

/**
 * Who a teacher should look at this week, and why (as messages the reader's language words): risk that rose since last week,
 * a grade that fell, a failing grade in this class, or a high risk tier.
 */
export function needsAttention(rows: SectionRosterRow[]): SectionView['needsAttention'] {
  const out: SectionView['needsAttention'] = [];
  for (const row of rows) {
    const reasons: Message[] = [];
    const tier = row.overrideTier ?? row.riskTier;
    if (row.riskTier && row.previousTier && TIER_RANK[row.riskTier] > TIER_RANK[row.previousTier]) {
      reasons.push(
        message('attention.riskRose', {
          from: tierWord(row.previousTier),
          to: tierWord(row.riskTier),
        }),
      );
    } else if (tier === 'high') {
      reasons.push(message('attention.highRisk'));
    }
    if (row.gradeChange !== null && row.gradeChange <= -GRADE_DROP_POINTS) {
      reasons.push(message('attention.gradeFell', { count: Math.round(-row.gradeChange) }));
    }
    if (row.failing && row.grade !== null) {
      reasons.push(message('attention.failing', { grade: `${Math.round(row.grade)}%` }));
    }
    if (reasons.length > 0) {
      out.push({ studentId: row.studentId, name: `${row.givenName} ${row.familyName}`, reasons });
    }
  }
  // The most reasons first, then by name, so the list reads as a to-do.
  return out.sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));
}
