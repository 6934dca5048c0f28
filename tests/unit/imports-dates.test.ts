import { describe, expect, it } from 'vitest';
import { localDate, parseDate, parseDateTime, parseTimestamp } from '../../main/imports/read/dates';

describe('parseDate', () => {
  it.each([
    ['2025-09-03', '2025-09-03'],
    ['2025-9-3', '2025-09-03'],
    ['2025-09-03T14:05:00Z', '2025-09-03'],
    ['2025-09-03 08:15:00', '2025-09-03'],
    ['2025-09-03T23:30:00-05:00', '2025-09-03'],
    ['20250903', '2025-09-03'],
    ['2025/09/03', '2025-09-03'],
    ['3-Sep-2025', '2025-09-03'],
    ['03 Sep 2025', '2025-09-03'],
    ['3-Sep-25', '2025-09-03'],
    ['Sep 3, 2025', '2025-09-03'],
    ['September 3 2025', '2025-09-03'],
    ['Sept. 3, 2025', '2025-09-03'],
    ['Wednesday, September 3, 2025', '2025-09-03'],
    ['Wed 3 Sep 2025', '2025-09-03'],
    ['45903', '2025-09-03'], // Excel's serial day number
    ['  2025-09-03  ', '2025-09-03'],
  ])('reads %j', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it('reads numeric dates in the school order, a four-digit first part always as the year', () => {
    expect(parseDate('03/09/2025', 'MDY')).toBe('2025-03-09');
    expect(parseDate('03/09/2025', 'DMY')).toBe('2025-09-03');
    expect(parseDate('3.9.2025', 'DMY')).toBe('2025-09-03');
    expect(parseDate('9/3/25', 'MDY')).toBe('2025-09-03');
    expect(parseDate('9/3/2025 8:15 AM', 'MDY')).toBe('2025-09-03');
    expect(parseDate('25/09/03', 'YMD')).toBe('2025-09-03');
    expect(parseDate('2025/09/03', 'DMY')).toBe('2025-09-03');
  });

  it.each([
    '',
    'nope',
    '2025-02-30',
    '2025-13-01',
    '25/09/2025', // no 25th month in MDY
    '2025-09-03T25:00:00',
    '9/3/2025 13:00 PM',
    'Sepember 3, 2025',
    'Marchx 3, 2025',
    '1/2/345',
    '99999', // Excel serial past 2099
    '1899-12-31',
  ])('refuses %j', (text) => {
    expect(parseDate(text, 'MDY')).toBeNull();
  });
});

describe('parseDateTime', () => {
  const CHICAGO = 'America/Chicago';

  it('takes a zoned time exactly and gives its date in the school zone', () => {
    expect(parseDateTime('2025-09-06T02:30:00Z', 'MDY', CHICAGO)).toEqual({
      ms: Date.parse('2025-09-06T02:30:00Z'),
      date: '2025-09-05',
    });
    expect(parseDateTime('2025-09-05T21:30:00-05:00', 'MDY', CHICAGO)).toEqual({
      ms: Date.parse('2025-09-06T02:30:00Z'),
      date: '2025-09-05',
    });
    expect(parseDateTime('2025-09-05T21:30:00.250+0530', 'MDY', 'UTC')!.ms).toBe(
      Date.parse('2025-09-05T16:00:00.250Z'),
    );
  });

  it('reads a time without a zone as wall-clock time in the school zone, DST included', () => {
    expect(parseDateTime('2025-09-05 22:30', 'MDY', CHICAGO)).toEqual({
      ms: Date.parse('2025-09-06T03:30:00Z'), // CDT, UTC-5
      date: '2025-09-05',
    });
    expect(parseDateTime('12/15/2025 8:00 AM', 'MDY', CHICAGO)).toEqual({
      ms: Date.parse('2025-12-15T14:00:00Z'), // CST, UTC-6
      date: '2025-12-15',
    });
    expect(parseDateTime('2025-09-05', 'MDY', CHICAGO)!.ms).toBe(
      Date.parse('2025-09-05T05:00:00Z'),
    );
    expect(parseDateTime('12:30 PM', 'MDY', CHICAGO)).toBeNull();
  });

  it('parseTimestamp reads zone-less times as UTC, whatever the machine zone', () => {
    expect(parseTimestamp('2025-09-03T08:00:00')).toBe(Date.parse('2025-09-03T08:00:00Z'));
    expect(parseTimestamp('2025-09-03')).toBe(Date.parse('2025-09-03T00:00:00Z'));
    expect(parseTimestamp('2025-09-03T08:00:00+02:00')).toBe(Date.parse('2025-09-03T06:00:00Z'));
    expect(parseTimestamp('soon')).toBeNull();
  });

  it('localDate gives the calendar date in a zone', () => {
    const ms = Date.parse('2025-09-06T04:59:59Z');
    expect(localDate(ms, CHICAGO)).toBe('2025-09-05');
    expect(localDate(ms, 'UTC')).toBe('2025-09-06');
    expect(localDate(ms, 'Asia/Tokyo')).toBe('2025-09-06');
  });
});
