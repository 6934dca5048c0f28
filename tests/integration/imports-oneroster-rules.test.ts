/**
 * The OneRoster value rules on their own: CEDS grades, SCED/text subjects, row lifecycle by
 * file mode, which role decides a user's place, and school types from grade spans.
 */
import { describe, expect, it } from 'vitest';
import { rowLifecycle } from '../../main/imports/oneroster/lifecycle';
import { decidingRole, type RoleRow } from '../../main/imports/oneroster/people';
import { profileFromName, typeFromSpan } from '../../main/imports/oneroster/school-profile';
import { courseSubject } from '../../main/imports/oneroster/subjects';
import {
  gradeLevel,
  parseDateTime,
  parseFlag,
  parseIsoDate,
  splitList,
} from '../../main/imports/oneroster/values';

describe('OneRoster values', () => {
  it('maps CEDS grade codes onto grade levels -1..13', () => {
    const codes = [
      'IT',
      'PR',
      'PK',
      'TK',
      'KG',
      'K',
      '01',
      '9',
      '09',
      '12',
      '13',
      'PS',
      'UG',
      'Other',
      '14',
    ];
    expect(codes.map(gradeLevel)).toEqual([
      -1,
      -1,
      -1,
      -1,
      0,
      0,
      1,
      9,
      9,
      12,
      13,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads list cells, true/false enumerations and strict ISO dates', () => {
    expect(splitList(' as-fall, as-spring ,')).toEqual(['as-fall', 'as-spring']);
    expect(['true', 'FALSE', 'yes', '0', '', 'maybe'].map(parseFlag)).toEqual([
      true,
      false,
      true,
      false,
      undefined,
      null,
    ]);
    expect(parseIsoDate('2025-08-18')).toBe('2025-08-18');
    expect(parseIsoDate('2025-08-18T00:00:00Z')).toBe('2025-08-18');
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('08/18/2025')).toBeNull(); // OneRoster dates are never locale-ordered
    expect(parseDateTime('2025-10-06T14:02:11.000Z')).toBe(Date.UTC(2025, 9, 6, 14, 2, 11));
    expect(parseDateTime('yesterday')).toBeNull();
  });

  it('takes the subject from SCED codes first, then from subject words', () => {
    expect(courseSubject('Whatever', '02052')).toBe('math');
    expect(courseSubject('', '52036')).toBe('math'); // prior-to-secondary code, area + 50
    expect(courseSubject('', '10004')).toBe('elective'); // computer science area
    expect(courseSubject('English Language Arts', '')).toBe('ela');
    expect(courseSubject('U.S. History', '')).toBe('social_studies');
    expect(courseSubject('Spanish', '')).toBe('world_language');
    expect(courseSubject('Concert Band', '')).toBe('arts');
    expect(courseSubject('Physical Education', '')).toBe('pe');
    expect(courseSubject('Study Hall', '')).toBe('elective');
  });
});

describe('OneRoster rows and roles', () => {
  it('reads status by file mode: bulk may leave it blank, delta must fill it', () => {
    expect(rowLifecycle('bulk', '', '')).toEqual({ action: 'upsert' });
    expect(rowLifecycle('bulk', 'tobedeleted', '')).toEqual({ action: 'delete' });
    expect(rowLifecycle('delta', 'active', '2025-10-06T00:00:00.000Z')).toEqual({
      action: 'upsert',
    });
    expect(rowLifecycle('delta', 'tobedeleted', '2025-10-06T00:00:00.000Z')).toEqual({
      action: 'delete',
    });
    expect(rowLifecycle('delta', '', '2025-10-06T00:00:00.000Z')).toMatchObject({
      reason: expect.stringMatching(/no status/),
    });
    expect(rowLifecycle('delta', 'active', '')).toMatchObject({
      reason: expect.stringMatching(/no dateLastModified/),
    });
    expect(rowLifecycle('bulk', 'inactive', '')).toMatchObject({
      reason: expect.stringMatching(/not a OneRoster status/),
    });
  });

  const role = (r: string, roleType = 'primary'): RoleRow => ({
    sourcedId: `${r}-${roleType}`,
    userSourcedId: 'u',
    roleType,
    role: r,
    beginDate: '',
    endDate: '',
    orgSourcedId: 'o',
  });

  it('lets the primary role decide, then seniority', () => {
    expect(decidingRole([role('teacher', 'secondary'), role('principal')])?.role).toBe('principal');
    expect(decidingRole([role('principal', 'secondary'), role('teacher')])?.role).toBe('teacher');
    expect(decidingRole([role('teacher'), role('counselor')])?.role).toBe('counselor');
    expect(decidingRole([role('guardian'), role('student')])?.role).toBe('student');
    expect(decidingRole([role('ext:coach')])).toBeNull();
  });

  it('types schools by grade span, and by name before any student is known', () => {
    expect([
      typeFromSpan(0, 5),
      typeFromSpan(6, 8),
      typeFromSpan(9, 12),
      typeFromSpan(0, 8),
    ]).toEqual(['elementary', 'middle', 'high', 'other']);
    expect(profileFromName('Riverside High School')).toEqual({
      school_type: 'high',
      grade_low: 9,
      grade_high: 12,
    });
    expect(profileFromName('Jefferson Junior High').school_type).toBe('middle');
    expect(profileFromName('Oak Primary').school_type).toBe('elementary');
    expect(profileFromName('Riverside Academy').school_type).toBe('other');
  });
});
