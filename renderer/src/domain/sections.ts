/**
 * A section (a class) in words: the page's name by role, a section's short name, the roster's
 * "since last week" columns, its head count, and the weekly trend's summary. Pure functions over
 * contract types (no DOM), unit-tested in tests/unit/renderer-sections.test.ts.
 */
import type {
  RiskTier,
  SectionHeader,
  SectionRosterRow,
  SectionTrendWeek,
  StaffRole,
} from '../api/types';
import { formatCount, formatDate, formatGrade, formatPercent } from '../format/format';
import { i18n } from '../i18n';

/** The most sections the core lists at once (main/sections/list.ts); a district admin narrows by school. */
export const SECTION_LIST_LIMIT = 1000;

/** Teachers see the classes they teach; everyone else sees the sections in their scope. */
export function sectionsTitle(role: StaffRole | undefined): string {
  return role === 'teacher' ? i18n.t('sections:title.teacher') : i18n.t('sections:title.other');
}

/** The link back to the list: "Back to my sections", "Back to sections". */
export function sectionsBackText(role: StaffRole | undefined): string {
  return role === 'teacher' ? i18n.t('sections:backTo.teacher') : i18n.t('sections:backTo.other');
}

/**
 * A section's name without its course ("Sec 01" for "U.S. History 8 · Sec 01"), for a table that
 * shows the course beside it. A title that does not start with its course is kept whole.
 */
export function sectionShortTitle(section: Pick<SectionHeader, 'title' | 'courseTitle'>): string {
  const prefix = `${section.courseTitle} · `;
  return section.title.startsWith(prefix) && section.title.length > prefix.length
    ? section.title.slice(prefix.length)
    : section.title;
}

const TIER_RANK: Record<RiskTier, number> = { low: 0, moderate: 1, high: 2 };

export type TierDirection = 'up' | 'down' | 'same' | 'unknown';

/** How the model's tier moved since last week: up or down from which tier, or nothing to compare. */
export function tierChange(row: Pick<SectionRosterRow, 'riskTier' | 'previousTier'>): {
  direction: TierDirection;
  from: RiskTier | null;
} {
  const { riskTier, previousTier } = row;
  if (!riskTier || !previousTier) return { direction: 'unknown', from: previousTier };
  const step = TIER_RANK[riskTier] - TIER_RANK[previousTier];
  return { direction: step > 0 ? 'up' : step < 0 ? 'down' : 'same', from: previousTier };
}

/** For sorting: how many tiers the student rose (negative: fell); undefined with nothing to compare. */
export function tierChangeSteps(
  row: Pick<SectionRosterRow, 'riskTier' | 'previousTier'>,
): number | undefined {
  const { riskTier, previousTier } = row;
  return riskTier && previousTier ? TIER_RANK[riskTier] - TIER_RANK[previousTier] : undefined;
}

/** "↑ from moderate", "↓ from high", "No change", "Not scored", "No score last week". */
export function tierChangeText(row: Pick<SectionRosterRow, 'riskTier' | 'previousTier'>): string {
  const { direction, from } = tierChange(row);
  if ((direction === 'up' || direction === 'down') && from) {
    return i18n.t(`sections:tierChange.${direction}.${from}`);
  }
  if (direction === 'same') return i18n.t('sections:tierChange.same');
  return row.riskTier
    ? i18n.t('sections:tierChange.noPrevious')
    : i18n.t('sections:tierChange.notScored');
}

/**
 * Grade points since last week, rounded to whole points: "−6 pts", "+3 pts", "No change"; null
 * when either week has no grade. The minus is a true minus sign, as staff read it on paper.
 */
export function gradeChangeText(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const points = Math.round(change);
  if (points === 0) return i18n.t('sections:gradeChange.same');
  const size = Math.abs(points);
  const values = { count: size, points: formatCount(size) };
  return points > 0
    ? i18n.t('sections:gradeChange.up', values)
    : i18n.t('sections:gradeChange.down', values);
}

/** The same change for a screen reader: "down 6 points", "up 1 point", "no change". */
export function gradeChangeSpoken(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const points = Math.round(change);
  if (points === 0) return i18n.t('sections:gradeChange.spokenSame');
  const size = Math.abs(points);
  const values = { count: size, points: formatCount(size) };
  return points > 0
    ? i18n.t('sections:gradeChange.spokenUp', values)
    : i18n.t('sections:gradeChange.spokenDown', values);
}

/** The class grade and its letter: "78.7 (C)", "52 (F)", "91"; null with no grade. */
export function classGradeText(row: Pick<SectionRosterRow, 'grade' | 'letter'>): string | null {
  const grade = formatGrade(row.grade);
  if (grade === null) return null;
  return row.letter ? `${grade} (${row.letter})` : grade;
}

/**
 * How many students the roster holds: "29 enrolled", or for a counselor who sees only their
 * caseload, "29 enrolled; showing the 3 on your caseload".
 */
export function rosterCountText(enrolled: number, shown: number): string {
  const values = { count: enrolled, students: formatCount(enrolled), shown: formatCount(shown) };
  if (shown === enrolled) return i18n.t('sections:counts.enrolled', values);
  if (shown === 0) return i18n.t('sections:counts.noneOnCaseload', values);
  return i18n.t('sections:counts.partial', values);
}

/** Plain-words summary of the class trend: the span, the latest week, and the first week. */
export function sectionTrendSummary(weeks: SectionTrendWeek[]): string {
  const attendance = weeks.filter((w) => w.attendanceRate !== null);
  const grades = weeks.filter((w) => w.averageGrade !== null);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last || (attendance.length === 0 && grades.length === 0)) {
    return i18n.t('sections:trend.summary.none');
  }
  const parts = [
    i18n.t('sections:trend.summary.span', {
      first: formatDate(first.weekStart),
      last: formatDate(last.weekStart),
    }),
  ];
  const firstRate = attendance[0];
  const lastRate = attendance[attendance.length - 1];
  if (firstRate && lastRate) {
    parts.push(
      i18n.t('sections:trend.summary.attendance', {
        latest: formatPercent(lastRate.attendanceRate),
        first: formatPercent(firstRate.attendanceRate),
      }),
    );
  }
  const firstGrade = grades[0];
  const lastGrade = grades[grades.length - 1];
  if (firstGrade && lastGrade) {
    parts.push(
      i18n.t('sections:trend.summary.grade', {
        latest: formatGrade(lastGrade.averageGrade),
        first: formatGrade(firstGrade.averageGrade),
      }),
    );
  }
  return parts.join(' ');
}
