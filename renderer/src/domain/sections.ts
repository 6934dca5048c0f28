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
import { formatDate, formatGrade, formatPercent, plural } from '../format/format';

/** The most sections the core lists at once (main/sections/list.ts); a district admin narrows by school. */
export const SECTION_LIST_LIMIT = 1000;

/** Teachers see the classes they teach; everyone else sees the sections in their scope. */
export function sectionsTitle(role: StaffRole | undefined): string {
  return role === 'teacher' ? 'My sections' : 'Sections';
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
  if (direction === 'up') return `↑ from ${from}`;
  if (direction === 'down') return `↓ from ${from}`;
  if (direction === 'same') return 'No change';
  return row.riskTier ? 'No score last week' : 'Not scored';
}

/**
 * Grade points since last week, rounded to whole points: "−6 pts", "+3 pts", "No change"; null
 * when either week has no grade. The minus is a true minus sign, as staff read it on paper.
 */
export function gradeChangeText(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const points = Math.round(change);
  if (points === 0) return 'No change';
  const size = Math.abs(points);
  return `${points > 0 ? '+' : '\u2212'}${size} ${size === 1 ? 'pt' : 'pts'}`;
}

/** The same change for a screen reader: "down 6 points", "up 1 point", "no change". */
export function gradeChangeSpoken(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const points = Math.round(change);
  if (points === 0) return 'no change';
  return `${points > 0 ? 'up' : 'down'} ${plural(Math.abs(points), 'point')}`;
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
  const all = `${plural(enrolled, 'student')} enrolled`;
  if (shown === enrolled) return all;
  if (shown === 0) return `${all}; none of them is on your caseload`;
  return `${all}; showing the ${shown} on your caseload`;
}

/** Plain-words summary of the class trend: the span, the latest week, and the first week. */
export function sectionTrendSummary(weeks: SectionTrendWeek[]): string {
  const attendance = weeks.filter((w) => w.attendanceRate !== null);
  const grades = weeks.filter((w) => w.averageGrade !== null);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last || (attendance.length === 0 && grades.length === 0)) {
    return 'No weekly attendance or grades have been recorded for this class yet.';
  }
  const parts = [
    `Week by week from the week of ${formatDate(first.weekStart)} to the week of ${formatDate(last.weekStart)}.`,
  ];
  const firstRate = attendance[0];
  const lastRate = attendance[attendance.length - 1];
  if (firstRate && lastRate) {
    parts.push(
      `Attendance of these students: ${formatPercent(lastRate.attendanceRate)} in the latest week, ` +
        `${formatPercent(firstRate.attendanceRate)} in the first.`,
    );
  }
  const firstGrade = grades[0];
  const lastGrade = grades[grades.length - 1];
  if (firstGrade && lastGrade) {
    parts.push(
      `Average grade in this class: ${formatGrade(lastGrade.averageGrade)} in the latest week, ` +
        `${formatGrade(firstGrade.averageGrade)} in the first.`,
    );
  }
  return parts.join(' ');
}
