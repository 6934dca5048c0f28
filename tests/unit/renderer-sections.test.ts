/**
 * The sections pages' pure renderer logic: the page's name by role, a section's short name, the
 * roster's "since last week" columns and head count in words, the class trend's summary, the
 * section routes, and a report's download bytes.
 */
import { describe, expect, it } from 'vitest';
import type { SectionRosterRow, SectionTrendWeek } from '../../renderer/src/api/types';
import {
  classGradeText,
  gradeChangeSpoken,
  gradeChangeText,
  rosterCountText,
  sectionShortTitle,
  sectionsTitle,
  sectionTrendSummary,
  tierChange,
  tierChangeSteps,
  tierChangeText,
} from '../../renderer/src/domain/sections';
import { reportBlob } from '../../renderer/src/stores/reports/reportFile';
import { hrefFor, parseHash } from '../../renderer/src/stores/routes';

type Tiers = Pick<SectionRosterRow, 'riskTier' | 'previousTier'>;
const tiers = (riskTier: Tiers['riskTier'], previousTier: Tiers['previousTier']): Tiers => ({
  riskTier,
  previousTier,
});

function week(
  weekStart: string,
  attendanceRate: number | null,
  averageGrade: number | null,
): SectionTrendWeek {
  return { weekStart, attendanceRate, averageGrade };
}

describe('sections in words', () => {
  it('calls the page "My sections" for teachers and "Sections" for everyone else', () => {
    expect(sectionsTitle('teacher')).toBe('My sections');
    expect(sectionsTitle('counselor')).toBe('Sections');
    expect(sectionsTitle('school_admin')).toBe('Sections');
    expect(sectionsTitle('district_admin')).toBe('Sections');
    expect(sectionsTitle(undefined)).toBe('Sections');
  });

  it('drops the course from a section’s name only when the name starts with it', () => {
    expect(
      sectionShortTitle({ title: 'U.S. History 8 · Sec 01', courseTitle: 'U.S. History 8' }),
    ).toBe('Sec 01');
    expect(sectionShortTitle({ title: 'Period 3 Algebra', courseTitle: 'Algebra I' })).toBe(
      'Period 3 Algebra',
    );
    // Nothing after the course: keep the whole name rather than show nothing.
    expect(sectionShortTitle({ title: 'Art · ', courseTitle: 'Art' })).toBe('Art · ');
  });

  it('says how the risk tier moved since last week, with an arrow and the tier it came from', () => {
    expect(tierChangeText(tiers('high', 'moderate'))).toBe('↑ from moderate');
    expect(tierChangeText(tiers('moderate', 'low'))).toBe('↑ from low');
    expect(tierChangeText(tiers('low', 'high'))).toBe('↓ from high');
    expect(tierChangeText(tiers('moderate', 'moderate'))).toBe('No change');
    expect(tierChangeText(tiers('high', null))).toBe('No score last week');
    expect(tierChangeText(tiers(null, null))).toBe('Not scored');
    expect(tierChange(tiers('high', 'low'))).toEqual({ direction: 'up', from: 'low' });
    expect(tierChange(tiers(null, 'low'))).toEqual({ direction: 'unknown', from: 'low' });
  });

  it('sorts tier changes by how many tiers a student rose, unknown ones apart', () => {
    expect(tierChangeSteps(tiers('high', 'low'))).toBe(2);
    expect(tierChangeSteps(tiers('low', 'moderate'))).toBe(-1);
    expect(tierChangeSteps(tiers('low', 'low'))).toBe(0);
    expect(tierChangeSteps(tiers('low', null))).toBeUndefined();
  });

  it('writes grade changes as whole points with a true minus sign, and speaks them', () => {
    expect(gradeChangeText(-6.2)).toBe('\u22126 pts');
    expect(gradeChangeText(4.92)).toBe('+5 pts');
    expect(gradeChangeText(1.2)).toBe('+1 pt');
    expect(gradeChangeText(-0.8)).toBe('\u22121 pt');
    expect(gradeChangeText(0.4)).toBe('No change');
    expect(gradeChangeText(null)).toBeNull();
    expect(gradeChangeText(Number.NaN)).toBeNull();
    expect(gradeChangeSpoken(-6.2)).toBe('down 6 points');
    expect(gradeChangeSpoken(1.2)).toBe('up 1 point');
    expect(gradeChangeSpoken(-0.2)).toBe('no change');
    expect(gradeChangeSpoken(null)).toBeNull();
  });

  it('shows the class grade with its letter', () => {
    expect(classGradeText({ grade: 78.74, letter: 'C' })).toBe('78.7 (C)');
    expect(classGradeText({ grade: 52, letter: 'F' })).toBe('52 (F)');
    expect(classGradeText({ grade: 91, letter: null })).toBe('91');
    expect(classGradeText({ grade: null, letter: null })).toBeNull();
  });

  it('says when a counselor sees only part of the class', () => {
    expect(rosterCountText(29, 29)).toBe('29 students enrolled');
    expect(rosterCountText(1, 1)).toBe('1 student enrolled');
    expect(rosterCountText(34, 6)).toBe('34 students enrolled; showing the 6 on your caseload');
    expect(rosterCountText(34, 0)).toBe('34 students enrolled; none of them is on your caseload');
  });

  it('summarises the class trend from its first and latest recorded weeks', () => {
    const summary = sectionTrendSummary([
      week('2026-01-05', 0.9, null),
      week('2026-01-12', null, 91.25),
      week('2026-01-19', 0.875, 85.71),
    ]);
    expect(summary).toBe(
      'Week by week from the week of Jan 5, 2026 to the week of Jan 19, 2026. ' +
        'Attendance of these students: 87.5% in the latest week, 90.0% in the first. ' +
        'Average grade in this class: 85.7 in the latest week, 91.3 in the first.',
    );
    expect(sectionTrendSummary([])).toMatch(/^No weekly attendance or grades/);
    expect(sectionTrendSummary([week('2026-01-05', null, null)])).toMatch(/^No weekly/);
    expect(sectionTrendSummary([week('2026-01-05', 0.95, null)])).not.toContain('Average grade');
  });
});

describe('section routes', () => {
  it('parses and writes the sections list and one section', () => {
    expect(parseHash('#/sections')).toEqual({ name: 'sections' });
    expect(parseHash('#/sections/')).toEqual({ name: 'sections' });
    expect(parseHash('#/sections/abc%2F1')).toEqual({ name: 'section', sectionId: 'abc/1' });
    expect(hrefFor({ name: 'sections' })).toBe('#/sections');
    expect(hrefFor({ name: 'section', sectionId: 'abc/1' })).toBe('#/sections/abc%2F1');
    expect(parseHash(hrefFor({ name: 'section', sectionId: 'sec-9' }))).toEqual({
      name: 'section',
      sectionId: 'sec-9',
    });
    expect(parseHash('#/sections/a/b')).toEqual({ name: 'notFound', path: '/sections/a/b' });
  });
});

describe('report downloads', () => {
  it('turns a report’s base64 into PDF bytes', async () => {
    const blob = reportBlob({
      fileName: 'class-report.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from('%PDF-1.7\n%âãÏÓ').toString('base64'),
    });
    expect(blob.type).toBe('application/pdf');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Buffer.from(bytes).toString('utf8')).toBe('%PDF-1.7\n%âãÏÓ');
  });
});
