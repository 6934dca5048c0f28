import { describe, expect, it } from 'vitest';
import {
  attendanceRate,
  attendanceTier,
  gpa,
  gradePoints,
  isChronicallyAbsent,
  isLowGpa,
  isOffTrack,
} from '../../main/indicators/rules';
import { DEFAULT_THRESHOLDS as t } from '../../main/indicators/thresholds';

describe('chronic absence (missing ≥10% of enrolled days)', () => {
  it('counts exactly 10% as chronic', () => {
    expect(isChronicallyAbsent(18, 180, t)).toBe(true);
    expect(isChronicallyAbsent(10, 100, t)).toBe(true);
    expect(isChronicallyAbsent(1, 10, t)).toBe(true);
    expect(isChronicallyAbsent(7, 70, t)).toBe(true); // 7/70 is 0.1 only up to float error
  });

  it('does not count 9.9% as chronic', () => {
    expect(isChronicallyAbsent(99, 1000, t)).toBe(false);
    expect(isChronicallyAbsent(17, 180, t)).toBe(false);
  });

  it('is never chronic with no enrolled days', () => {
    expect(isChronicallyAbsent(0, 0, t)).toBe(false);
    expect(attendanceRate(0, 0)).toBeNull();
  });

  it('follows a district that moves the line', () => {
    expect(isChronicallyAbsent(15, 180, { ...t, chronicAbsence: 0.08 })).toBe(true);
  });
});

describe('attendance tiers (Panorama cut points)', () => {
  it.each([
    [1, 'on_track'],
    [0.95, 'on_track'],
    [0.9499, 'on_track_graduation'],
    [0.9, 'on_track_graduation'],
    [0.85, 'at_risk'],
    [0.8, 'at_risk'],
    [0.7999, 'critical'],
  ] as const)('rate %f is %s', (rate, tier) => {
    expect(attendanceTier(rate, t)).toBe(tier);
  });
});

describe('grades', () => {
  it('prefers the SIS letter, else derives it from the number', () => {
    expect(gradePoints({ letter: 'B+', numeric: 55 }, t)).toBe(3);
    expect(gradePoints({ letter: null, numeric: 59.9 }, t)).toBe(0);
    expect(gradePoints({ letter: null, numeric: 60 }, t)).toBe(1);
    expect(gradePoints({ letter: null, numeric: null }, t)).toBeNull();
  });

  it('weights GPA by credits and flags GPA at or below 2.0', () => {
    const value = gpa([
      { points: 4, credits: 1 },
      { points: 1, credits: 0.5 },
      { points: null, credits: 1 },
    ]);
    expect(value).toBeCloseTo(3, 10);
    expect(isLowGpa(2.0, t)).toBe(true);
    expect(isLowGpa(2.01, t)).toBe(false);
    expect(isLowGpa(null, t)).toBe(false);
  });
});

describe('Chicago freshman on-track', () => {
  it('is off track with more than one core semester F', () => {
    expect(
      isOffTrack({ creditsEarned: 6, coreSemesterFailures: 2, semestersCompleted: 2 }, t),
    ).toBe(true);
    expect(
      isOffTrack({ creditsEarned: 6, coreSemesterFailures: 1, semestersCompleted: 2 }, t),
    ).toBe(false);
  });

  it('needs 5 credits by year end, pro-rated after one semester', () => {
    expect(
      isOffTrack({ creditsEarned: 4.5, coreSemesterFailures: 0, semestersCompleted: 2 }, t),
    ).toBe(true);
    expect(
      isOffTrack({ creditsEarned: 5, coreSemesterFailures: 0, semestersCompleted: 2 }, t),
    ).toBe(false);
    expect(
      isOffTrack({ creditsEarned: 2.5, coreSemesterFailures: 0, semestersCompleted: 1 }, t),
    ).toBe(false);
    expect(
      isOffTrack({ creditsEarned: 2, coreSemesterFailures: 0, semestersCompleted: 1 }, t),
    ).toBe(true);
  });
});
