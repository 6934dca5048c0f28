import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, SchoolWeeks } from '../../main/pipeline/weeks';

describe('day numbers', () => {
  it('count days since 1970-01-01 and round-trip', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2025-08-18') - dayNumber('2025-08-11')).toBe(7);
    expect(isoOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    // A DST change is not a calendar change: 2 and 3 Nov 2025 are one day apart.
    expect(dayNumber('2025-11-03') - dayNumber('2025-11-02')).toBe(1);
  });

  it('refuses a date that is not one', () => {
    expect(() => dayNumber('2025-13-45x')).toThrow(/calendar date/);
  });
});

describe('school weeks', () => {
  // A year starting on Wednesday 20 Aug 2025, data up to Wednesday 10 Sep.
  const weeks = new SchoolWeeks('2025-08-20', '2025-09-10');

  it('start on the Monday on or before the first day of the year', () => {
    expect(weeks.start(0)).toBe('2025-08-18');
    expect(weeks.count).toBe(4); // 18 Aug, 25 Aug, 1 Sep, 8 Sep
    expect(weeks.start(3)).toBe('2025-09-08');
  });

  it('end on Sunday, except the last one, which ends on the data date', () => {
    expect(isoOfDay(weeks.cutoffDay(0))).toBe('2025-08-24');
    expect(isoOfDay(weeks.cutoffDay(3))).toBe('2025-09-10');
  });

  it('place a date in its week; Sunday belongs to the week before', () => {
    expect(weeks.indexOf('2025-08-24')).toBe(0);
    expect(weeks.indexOf('2025-08-25')).toBe(1);
    expect(weeks.indexOf('2025-09-10')).toBe(3);
  });

  it('count only records inside the year and not after the data date', () => {
    expect(weeks.inRange(dayNumber('2025-08-19'))).toBe(false); // before the first day
    expect(weeks.inRange(dayNumber('2025-08-20'))).toBe(true);
    expect(weeks.inRange(dayNumber('2025-09-11'))).toBe(false);
  });

  it('has no weeks when the data stops before the year starts', () => {
    expect(new SchoolWeeks('2025-08-20', '2025-06-01').count).toBe(0);
  });
});
