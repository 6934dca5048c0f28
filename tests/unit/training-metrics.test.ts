/**
 * Holdout metrics against values worked out by hand (the comments show the arithmetic), plus
 * AUC against the pairwise definition on random scores with many ties.
 */
import { describe, expect, it } from 'vitest';
import {
  auc,
  brier,
  calibration,
  calibrationError,
  evaluate,
  flagCut,
  prAuc,
  precisionRecallAtRate,
  thresholdAtFlagRate,
} from '../../main/training/metrics';

describe('auc', () => {
  it('counts ties as half a win', () => {
    // Positives 0.9, 0.8, 0.6 against negatives 0.8, 0.7, 0.6:
    // 0.9 beats all three (3); 0.8 ties 0.8, beats 0.7 and 0.6 (2.5); 0.6 ties 0.6 (0.5).
    const scores = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6];
    const labels = [1, 1, 0, 0, 1, 0];
    expect(auc(scores, labels)).toBeCloseTo(6 / 9, 12);
    expect(auc(Float32Array.from(scores), labels)).toBeCloseTo(6 / 9, 12);
  });

  it('is 1, 0 and ½ for perfect, reversed and constant scores', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('is null with one class', () => {
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
    expect(auc([], [])).toBeNull();
  });

  it('equals the pairwise definition', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const scores = Array.from({ length: 300 }, () => Math.floor(next() * 7)); // heavy ties
    const labels = scores.map((s) => (next() < 0.15 + s / 10 ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    scores.forEach((sp, i) => {
      if (labels[i] !== 1) return;
      scores.forEach((sn, j) => {
        if (labels[j] !== 0) return;
        pairs++;
        wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
      });
    });
    expect(auc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });

  it('refuses mismatched lengths, labels that are not 0/1 and NaN scores', () => {
    expect(() => auc([0.1], [0, 1])).toThrow(RangeError);
    expect(() => auc([0.1, 0.2], [0, 2])).toThrow(/not 0 or 1/);
    expect(() => auc([Number.NaN, 0.2], [0, 1])).toThrow(/not a number/);
  });
});

describe('prAuc (average precision)', () => {
  it('steps once per distinct score', () => {
    // Same data as the AUC test; 3 positives, thresholds from the top:
    // 0.9: tp 1 of 1, recall 1/3, precision 1      → 1/3 · 1
    // 0.8: tp 2 of 3, recall 2/3, precision 2/3    → 1/3 · 2/3
    // 0.7: tp 2 of 4, no recall gained             → 0
    // 0.6: tp 3 of 6, recall 1,   precision 1/2    → 1/3 · 1/2      total 13/18
    expect(prAuc([0.9, 0.8, 0.8, 0.7, 0.6, 0.6], [1, 1, 0, 0, 1, 0])).toBeCloseTo(13 / 18, 12);
  });

  it('is 1 for a perfect ranking, the base rate for constant scores, null without positives', () => {
    expect(prAuc([0.9, 0.8, 0.2], [1, 1, 0])).toBe(1);
    expect(prAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0])).toBe(0.25);
    expect(prAuc([0.5, 0.4], [0, 0])).toBeNull();
  });
});

describe('flag rate', () => {
  const scores = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
  const labels = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0];

  it('flags the top share', () => {
    expect(thresholdAtFlagRate(scores, 0.3)).toBe(0.85);
    // Top 3: 0.95 (1), 0.9 (0), 0.85 (1); 4 positives, 6 negatives.
    expect(precisionRecallAtRate(scores, labels, 0.3)).toEqual({
      threshold: 0.85,
      flagged: 3,
      flaggedShare: 0.3,
      precision: 2 / 3,
      recall: 0.5,
      falsePositiveRate: 1 / 6,
      falseNegativeRate: 0.5,
    });
  });

  it('defaults to the top 10%', () => {
    expect(thresholdAtFlagRate(scores)).toBe(0.95);
    expect(precisionRecallAtRate(scores, labels).precision).toBe(1);
  });

  it('shares the flag among scores tied at the threshold', () => {
    // Top 20% of 10 = 2: one score above 2, three tied at 2, so each tied one is 1/3 flagged.
    const tied = [3, 2, 2, 2, 1, 0, 0, 0, 0, 0];
    const y = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    expect(flagCut(tied, 0.2)).toEqual({ threshold: 2, tieShare: 1 / 3, flagged: 2 });
    const r = precisionRecallAtRate(tied, y, 0.2);
    // true positives 1 + 1/3; false positives 2/3 of 7 negatives.
    expect(r.flagged).toBe(2);
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(4 / 9, 12);
    expect(r.falsePositiveRate).toBeCloseTo(2 / 21, 12);
    expect(r.falseNegativeRate).toBeCloseTo(5 / 9, 12);
  });

  it('flags nobody at rate 0 and reports undefined rates as null', () => {
    expect(thresholdAtFlagRate(scores, 0)).toBe(Infinity);
    expect(precisionRecallAtRate(scores, labels, 0)).toMatchObject({
      threshold: null,
      flagged: 0,
      precision: null,
      recall: 0,
    });
    expect(() => flagCut(scores, 1.5)).toThrow(/between 0 and 1/);
  });
});

describe('brier and calibration', () => {
  it('brier is the mean squared error', () => {
    // (0.1² + 0.4² + 0.2² + 0²) / 4 = 0.21 / 4
    expect(brier([0.1, 0.4, 0.8, 1], [0, 0, 1, 1])).toBeCloseTo(0.0525, 12);
    expect(brier([], [])).toBeNull();
  });

  it('bins predictions and compares them with what happened', () => {
    const scores = [0.1, 0.2, 0.6, 0.9, 1.0];
    const labels = [0, 1, 1, 1, 0];
    const table = calibration(scores, labels, 2);
    expect(table).toHaveLength(2);
    expect(table[0]).toMatchObject({ from: 0, to: 0.5, count: 2, observedRate: 0.5 });
    expect(table[0]!.meanPredicted).toBeCloseTo(0.15, 12);
    // The last bin includes 1.
    expect(table[1]).toMatchObject({ from: 0.5, to: 1, count: 3 });
    expect(table[1]!.meanPredicted).toBeCloseTo(2.5 / 3, 12);
    expect(table[1]!.observedRate).toBeCloseTo(2 / 3, 12);
    // (2 · |0.15 − 0.5| + 3 · |0.8333 − 0.6667|) / 5 = (0.7 + 0.5) / 5
    expect(calibrationError(table)).toBeCloseTo(0.24, 12);

    const four = calibration(scores, labels, 4);
    expect(four.map((b) => b.count)).toEqual([2, 0, 1, 2]);
    expect(four[1]).toMatchObject({ meanPredicted: null, observedRate: null });
  });

  it('defaults to ten bins and refuses scores that are not probabilities', () => {
    expect(calibration([0.05, 0.95], [0, 1])).toHaveLength(10);
    expect(() => calibration([1.5], [1])).toThrow(/not a probability/);
  });
});

describe('evaluate', () => {
  // 40 students, one example each: the first 20 "FRL", the rest not. Scores fall with the
  // index; FRL positives at 0, 1, 5, 10 and 15, non-FRL positives at 21, 30 and 35.
  const n = 40;
  const scores = Array.from({ length: n }, (_, i) => 1 - i / n);
  const positives = new Set([0, 1, 5, 10, 15, 21, 30, 35]);
  const labels = scores.map((_, i) => (positives.has(i) ? 1 : 0));
  const subgroups = scores.map((_, i) => ({
    free_reduced_lunch: i < 20 ? 'FRL' : 'not FRL',
    sex: i % 2 === 0 ? 'female' : 'male',
    english_learner: i < 3 ? 'English learner' : 'not English learner',
  }));

  it('reports overall and per-group numbers at the overall threshold', () => {
    const m = evaluate(scores, labels, { flagRate: 0.1, subgroups, minGroupSize: 10 });
    // Top 4 (indexes 0–3, all FRL): 2 positives.
    expect(m.threshold).toBe(scores[3]);
    expect(m.overall).toMatchObject({ n: 40, positives: 8, baseRate: 0.2, flagged: 4 });
    expect(m.overall.precision).toBe(0.5);
    expect(m.overall.recall).toBe(0.25);

    const frl = m.subgroups.find((s) => s.group === 'FRL')!;
    const notFrl = m.subgroups.find((s) => s.group === 'not FRL')!;
    expect(frl).toMatchObject({ attribute: 'free_reduced_lunch', n: 20, positives: 5 });
    expect(frl.falseNegativeRate).toBeCloseTo(3 / 5, 12); // 2 of 5 caught
    expect(frl.falsePositiveRate).toBeCloseTo(2 / 15, 12);
    expect(notFrl.flagged).toBe(0);
    expect(notFrl.precision).toBeNull();
    expect(notFrl.falseNegativeRate).toBe(1);

    const gap = m.gaps.find(
      (g) => g.attribute === 'free_reduced_lunch' && g.metric === 'falseNegativeRate',
    )!;
    expect(gap.highest.group).toBe('not FRL');
    expect(gap.lowest.group).toBe('FRL');
    expect(gap.gap).toBeCloseTo(1 - 3 / 5, 12);
  });

  it('marks small groups and leaves them out of the gaps', () => {
    const m = evaluate(scores, labels, { subgroups });
    const el = m.subgroups.find((s) => s.group === 'English learner')!;
    expect(el).toMatchObject({ n: 3, tooSmall: true });
    expect(m.subgroups.find((s) => s.group === 'FRL')!.tooSmall).toBe(false);
    expect(m.gaps.some((g) => g.attribute === 'english_learner')).toBe(false);
  });

  it('judges group size by students when told who each example is', () => {
    // Two examples per student: 20 FRL examples are only 10 students.
    const students = scores.map((_, i) => `s${Math.floor(i / 2)}`);
    const m = evaluate(scores, labels, { subgroups, students });
    const frl = m.subgroups.find((s) => s.group === 'FRL')!;
    expect(frl).toMatchObject({ n: 20, students: 10, tooSmall: true });
    expect(m.overall.students).toBe(20);
  });

  it('gives a null AUC for a group with one class, and survives JSON', () => {
    const groups = scores.map((_, i) => ({ band: i >= 36 ? 'tail' : 'rest' }));
    const m = evaluate(scores, labels, { subgroups: groups, minGroupSize: 1 });
    expect(m.subgroups.find((s) => s.group === 'tail')!.auc).toBeNull();
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('leaves out Brier and calibration for a score that is not a probability', () => {
    const counts = scores.map((s) => Math.round(s * 4));
    const m = evaluate(counts, labels, { probabilities: false });
    expect(m.probabilities).toBe(false);
    expect(m.overall.brier).toBeNull();
    expect(m.overall.calibration).toBeNull();
    expect(m.overall.auc).not.toBeNull();
    expect(() => evaluate(counts, labels)).toThrow(/not a probability/);
  });

  it('computes Brier and a ten-bin calibration for probabilities', () => {
    const m = evaluate(scores, labels);
    expect(m.overall.brier).toBeCloseTo(brier(scores, labels)!, 12);
    expect(m.overall.calibration).toHaveLength(10);
    expect(m.overall.calibrationError).not.toBeNull();
  });
});
