import { describe, expect, it } from 'vitest';
import { ANOMALY_RULES, ANOMALY_SPECS, detectAnomaly } from '../../main/pipeline/anomalies';
import { mad, median, robustZ, summarise } from '../../main/pipeline/robust';

const spec = (feature: string) => ANOMALY_SPECS.find((s) => s.feature === feature)!;

describe('median and MAD', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('measures spread as the median distance from the median', () => {
    // |1−3|, |2−3|, |3−3|, |4−3|, |100−3| → 2, 1, 0, 1, 97 → median 1: the outlier barely counts.
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(mad([0.96, 0.96, 0.96])).toBe(0);
  });

  it('scales MAD to a standard deviation and never divides by less than the floor', () => {
    const s = summarise([10, 12, 14, 16, 18])!; // median 14, MAD 2
    expect(robustZ(8, s, 1)).toBeCloseTo(-6 / (1.4826 * 2), 12);
    // All weeks at 100%: MAD 0, so the floor (0.15) is the scale.
    expect(robustZ(0.4, summarise([1, 1, 1, 1])!, 0.15)).toBeCloseTo(-4, 12);
  });
});

describe('anomaly rule: sudden against own history and cohort', () => {
  const attendance = spec('attendance_rate_week');
  const cohort = summarise([0.94, 0.94, 1, 1, 0.9, 0.94, 0.8, 1])!; // median 0.94

  it('flags a drop that is sudden for the student and low for the cohort, with real numbers', () => {
    const found = detectAnomaly(attendance, {
      value: 0.4,
      history: [0.96, 1, 0.96, 0.96, 0.92, 1],
      cohort,
      gradeLevel: 9,
    });
    expect(found).toMatchObject({
      feature: 'attendance_rate_week',
      direction: 'drop',
      value: 0.4,
      own_baseline: 0.96,
      cohort_median: 0.94,
    });
    expect(found!.own_z).toBeLessThanOrEqual(-ANOMALY_RULES.ownZ);
    expect(found!.cohort_z).toBeLessThanOrEqual(-ANOMALY_RULES.cohortZ);
    expect(found!.explanation).toBe(
      'Attendance this week 40%, usually 96%; classmates in grade 9 typically 94%.',
    );
  });

  it('ignores one sick day: 80% against a usual 100% is z = −1.33', () => {
    expect(
      detectAnomaly(attendance, { value: 0.8, history: [1, 1, 1, 1], cohort, gradeLevel: 9 }),
    ).toBeNull();
  });

  it('ignores a week when the whole cohort was out', () => {
    const snowWeek = summarise([0.4, 0.2, 0.4, 0.6, 0.4, 0.4])!;
    expect(
      detectAnomaly(attendance, {
        value: 0.4,
        history: [1, 1, 1, 1],
        cohort: snowWeek,
        gradeLevel: 9,
      }),
    ).toBeNull();
  });

  it('needs three weeks of history, and never flags a change for the better', () => {
    expect(
      detectAnomaly(attendance, { value: 0, history: [1, 1], cohort, gradeLevel: 9 }),
    ).toBeNull();
    expect(
      detectAnomaly(attendance, { value: 1, history: [0.2, 0.2, 0.2], cohort, gradeLevel: 9 }),
    ).toBeNull();
  });

  it('stands on the own-history test alone when the cohort is too small to compare', () => {
    const tiny = summarise([1, 1])!;
    const found = detectAnomaly(attendance, {
      value: 0,
      history: [1, 1, 1],
      cohort: tiny,
      gradeLevel: 9,
    });
    expect(found).toMatchObject({ cohort_z: null, cohort_median: 1 });
    expect(found!.explanation).toBe('Attendance this week 0%, usually 100%.');
  });

  it('watches missing assignments going up', () => {
    const missing = spec('missing_4wk');
    const found = detectAnomaly(missing, {
      value: 5,
      history: [0, 0, 1, 0, 0],
      cohort: summarise([0, 0, 1, 0, 0, 2, 0, 5])!,
      gradeLevel: 0,
    });
    expect(found).toMatchObject({ direction: 'rise', own_z: 5, cohort_z: 5 });
    expect(found!.explanation).toBe(
      'Missing assignments in the last 4 weeks 5, usually 0; classmates in kindergarten typically 0.',
    );
  });
});
