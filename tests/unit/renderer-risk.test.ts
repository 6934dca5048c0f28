/**
 * The risk model's pure renderer logic: score changes and reasons in words, the weeks a GRU
 * weighed most, override checks, the Models page's comparison, selection and table summaries,
 * the risk routes, and the model card's download bytes.
 */
import { describe, expect, it } from 'vitest';
import { inputs } from '../../main/api/contract';
import type {
  CalibrationBand,
  ModelSubgroup,
  ModelVersionView,
  RiskFactorView,
} from '../../renderer/src/api/types';
import {
  calibrationSummary,
  comparisonText,
  factorEffectText,
  feedbackConfirmation,
  formatRiskScore,
  groupSubgroups,
  orderFactors,
  overrideProblem,
  riskChangeText,
  riskHistorySummary,
  selectedModelId,
  subgroupSummary,
  topAttentionWeeks,
} from '../../renderer/src/domain/risk';
import {
  baselineLabel,
  feedbackTargetLabel,
  isRiskTier,
  RISK_TIER_ORDER,
  subgroupAttributeLabel,
} from '../../renderer/src/domain/riskLabels';
import { isSortKey, SORT_DEFAULT_DIRECTION } from '../../renderer/src/domain/labels';
import { DEFAULT_STUDENT_QUERY, hrefFor, parseHash } from '../../renderer/src/stores/routes';
import { base64ToBytes, modelCardBlob } from '../../renderer/src/stores/models/cardFile';

function factor(feature: string, delta: number): RiskFactorView {
  return { feature, group: 'attendance', sentence: `${feature} sentence`, message: null, delta };
}

function model(id: string, overrides: Partial<ModelVersionView> = {}): ModelVersionView {
  return {
    id,
    name: `Model ${id}`,
    kind: 'gru',
    status: 'candidate',
    origin: 'trained',
    createdAt: 1_000,
    activatedAt: null,
    retiredAt: null,
    metrics: {
      auc: 0.8,
      prAuc: 0.4,
      flagRate: 0.1,
      precisionAtRate: 0.45,
      recallAtRate: 0.3,
      brier: 0.08,
      holdoutExamples: 500,
    },
    comparison: null,
    statusNote: null,
    ...overrides,
  };
}

function subgroup(
  attribute: string,
  group: string,
  fpr: number | null,
  fnr: number | null,
  small = false,
): ModelSubgroup {
  return {
    attribute,
    group,
    n: small ? 8 : 120,
    positives: small ? 1 : 20,
    auc: 0.8,
    precision: 0.4,
    recall: 0.5,
    falsePositiveRate: fpr,
    falseNegativeRate: fnr,
    small,
  };
}

describe('scores and their change in words', () => {
  it('shows a score as a whole percent', () => {
    expect(formatRiskScore(0.8234)).toBe('82%');
    expect(formatRiskScore(0.004)).toBe('under 1%');
    expect(formatRiskScore(0.9996)).toBe('over 99%');
  });

  it('says how the score moved since last week, in points, and the tier it left', () => {
    expect(riskChangeText(0.064, 'high', 'moderate')).toBe(
      'Up 6 points since last week (was Moderate)',
    );
    expect(riskChangeText(-0.03, 'moderate', 'moderate')).toBe('Down 3 points since last week');
    expect(riskChangeText(0.01, 'low', 'low')).toBe('Up 1 point since last week');
    expect(riskChangeText(0.002, 'low', null)).toBe('No change since last week');
    expect(riskChangeText(null, 'low', null)).toMatch(/^First week scored/);
  });
});

describe('reasons behind a score', () => {
  it('lists the reason that moved the score most first, raising or lowering, stably', () => {
    const ordered = orderFactors([
      factor('a', 0.02),
      factor('b', -0.15),
      factor('c', 0.1),
      factor('d', 0.02),
    ]);
    expect(ordered.map((f) => f.feature)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('leaves the input untouched', () => {
    const factors = [factor('a', 0.01), factor('b', 0.5)];
    orderFactors(factors);
    expect(factors.map((f) => f.feature)).toEqual(['a', 'b']);
  });

  it('words each reason’s effect by its weight', () => {
    // Log-odds, in words: a heavy reason near 100% barely moves the percentage.
    expect(factorEffectText(0.12)).toBe('Raises the score a little');
    expect(factorEffectText(0.5)).toBe('Raises the score clearly');
    expect(factorEffectText(5.24)).toBe('Raises the score strongly');
    expect(factorEffectText(-1.5)).toBe('Lowers the score strongly');
    expect(factorEffectText(0.01)).toBe('Barely changes the score');
  });
});

describe('weeks that weighed most', () => {
  it('gives each week its share of the weight, heaviest first, up to the limit', () => {
    const weeks = topAttentionWeeks(
      [
        { weekStart: '2025-09-01', weight: 1 },
        { weekStart: '2025-09-08', weight: 3 },
        { weekStart: '2025-09-15', weight: 0 },
        { weekStart: '2025-09-22', weight: 4 },
      ],
      2,
    );
    expect(weeks).toEqual([
      { weekStart: '2025-09-22', share: 0.5 },
      { weekStart: '2025-09-08', share: 0.375 },
    ]);
  });

  it('puts the more recent week first on a tie and skips unusable weights', () => {
    const weeks = topAttentionWeeks([
      { weekStart: '2025-09-01', weight: 0.5 },
      { weekStart: '2025-09-08', weight: 0.5 },
      { weekStart: '2025-09-15', weight: Number.NaN },
      { weekStart: '2025-09-22', weight: -1 },
    ]);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2025-09-08', '2025-09-01']);
  });

  it('is empty without attention (logistic models) or without weight', () => {
    expect(topAttentionWeeks(null)).toEqual([]);
    expect(topAttentionWeeks([])).toEqual([]);
    expect(topAttentionWeeks([{ weekStart: '2025-09-01', weight: 0 }])).toEqual([]);
  });
});

describe('risk history summary', () => {
  it('names the span, the first and last week, and the peak', () => {
    const text = riskHistorySummary([
      { weekStart: '2025-09-01', score: 0.2, tier: 'low' },
      { weekStart: '2025-09-08', score: 0.9, tier: 'high' },
      { weekStart: '2025-09-15', score: 0.6, tier: 'moderate' },
    ]);
    expect(text).toBe(
      'Weekly risk score over 3 weeks: 20% (Low) in the week of Sep 1, 2025, 60% (Moderate) ' +
        'in the week of Sep 15, 2025. Highest: 90% in the week of Sep 8, 2025.',
    );
  });

  it('handles one week and none', () => {
    expect(riskHistorySummary([{ weekStart: '2025-09-01', score: 0.5, tier: 'moderate' }])).toBe(
      'One weekly score so far: 50% (Moderate) in the week of Sep 1, 2025.',
    );
    expect(riskHistorySummary([])).toBe('No weekly risk scores yet.');
  });
});

describe('feedback', () => {
  it('requires a tier and a reason for an override', () => {
    expect(overrideProblem(null, 'because')).toMatch(/Choose the tier/);
    expect(overrideProblem('moderate', '   ')).toMatch(/Say why/);
    expect(overrideProblem('moderate', 'x'.repeat(2001))).toMatch(/under 2,000 characters/);
    expect(overrideProblem('moderate', 'Attendance recovered after the move.')).toBeNull();
  });

  it('confirms what was saved in words', () => {
    expect(feedbackConfirmation('model', 'wrong')).toMatch(
      /^Saved: you marked the risk score as wrong\./,
    );
    expect(feedbackConfirmation('chronic_absence', 'right')).toMatch(
      /^Saved: you marked the Chronic absence flag as right\./,
    );
    expect(feedbackConfirmation('model', 'override', 'moderate')).toMatch(
      /^Saved: you set this student’s tier to Moderate\./,
    );
  });

  it('names what feedback is about', () => {
    expect(feedbackTargetLabel('model')).toBe('Risk score');
    expect(feedbackTargetLabel('low_gpa')).toBe('Low GPA flag');
    expect(feedbackTargetLabel('something_new')).toBe('Something new');
  });

  it('offers every tier and every feedback target the contract accepts', () => {
    for (const tier of RISK_TIER_ORDER) {
      expect(isRiskTier(tier)).toBe(true);
      const parsed = inputs['risk.feedback'].safeParse({
        studentId: 's',
        target: 'model',
        verdict: 'override',
        overrideTier: tier,
        note: 'why',
      });
      expect(parsed.success).toBe(true);
    }
    expect(isRiskTier('critical')).toBe(false);
    expect(isRiskTier(null)).toBe(false);
  });
});

describe('models page', () => {
  it('says whether a version beats the active one', () => {
    expect(comparisonText(model('a', { status: 'active' }), 'a')).toBe('This is the active model');
    expect(comparisonText(model('b'), null)).toBe('No active model to compare with');
    const beats = { activeId: 'a', activeAuc: 0.7, activePrecisionAtRate: 0.3, beatsActive: true };
    expect(comparisonText(model('b', { comparison: beats }), 'a')).toBe('Yes');
    expect(comparisonText(model('c', { comparison: { ...beats, beatsActive: false } }), 'a')).toBe(
      'No',
    );
  });

  it('shows the chosen version, else the active one, else the newest', () => {
    const models = [
      model('old', { createdAt: 1 }),
      model('new', { createdAt: 5 }),
      model('act', { createdAt: 3 }),
    ];
    expect(selectedModelId(models, 'act', 'old')).toBe('old');
    expect(selectedModelId(models, 'act', 'gone')).toBe('act');
    expect(selectedModelId(models, null, null)).toBe('new');
    expect(selectedModelId([], null, 'x')).toBeNull();
  });

  it('groups subgroups by attribute in first-seen order', () => {
    const groups = groupSubgroups([
      subgroup('sex', 'female', 0.1, 0.2),
      subgroup('race_ethnicity', 'Asian', 0.1, 0.2),
      subgroup('sex', 'male', 0.1, 0.2),
    ]);
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.group)])).toEqual([
      ['Sex', ['female', 'male']],
      ['Race/ethnicity', ['Asian']],
    ]);
  });

  it('summarises the widest judged gaps and counts the groups too small to judge', () => {
    const text = subgroupSummary([
      subgroup('free_reduced_lunch', 'FRL', 0.12, 0.3),
      subgroup('free_reduced_lunch', 'not FRL', 0.04, 0.35),
      subgroup('sex', 'female', 0.08, 0.1),
      subgroup('sex', 'male', 0.09, 0.5),
      // Too small: its extreme rates must not count.
      subgroup('sex', 'sex not specified', 0.9, 0.9, true),
    ]);
    expect(text).toBe(
      'False-alarm rates differ most by free or reduced-price lunch: 4% for not FRL, 12% for FRL. ' +
        'Miss rates differ most by sex: 10% for female, 50% for male. ' +
        '1 group is too small to judge (fewer students than the rates can rest on).',
    );
    expect(subgroupSummary([])).toMatch(/^No subgroup results/);
    expect(subgroupSummary([subgroup('sex', 'female', 0.1, 0.1)])).toBe(
      'No two groups are large enough to compare.',
    );
  });

  it('summarises calibration as the students-weighted gap, skipping empty bands', () => {
    const bands: CalibrationBand[] = [
      { from: 0, to: 0.1, predicted: 0.05, observed: 0.07, n: 300 },
      { from: 0.1, to: 0.2, predicted: 0.15, observed: 0.11, n: 100 },
      { from: 0.9, to: 1, predicted: 0.95, observed: null, n: 0 },
    ];
    // (0.02 × 300 + 0.04 × 100) / 400 = 0.025 → 3 points.
    expect(calibrationSummary(bands)).toBe(
      'In 2 score bands, the share of students who had the outcome was 3 percentage points from ' +
        'the predicted risk on average. The scores can be read as chances.',
    );
    expect(calibrationSummary([])).toMatch(/^No calibration results/);
  });

  it('names baselines and attributes in words, with a fallback', () => {
    expect(baselineLabel('rules')).toBe('Transparent rules (the flags)');
    expect(baselineLabel('gru')).toMatch(/^GRU/);
    expect(baselineLabel('gradient_boosting')).toBe('Gradient boosting');
    expect(subgroupAttributeLabel('english_learner')).toBe('English learner');
  });
});

describe('risk routes', () => {
  it('keeps the tier filter and the risk sort in the address', () => {
    const route = parseHash('#/students?tier=high&sort=risk&dir=desc');
    expect(route).toEqual({
      name: 'students',
      query: { ...DEFAULT_STUDENT_QUERY, tier: 'high', sort: 'risk', dir: 'desc' },
    });
    expect(hrefFor(route!)).toBe('#/students?tier=high&sort=risk&dir=desc');
    expect(parseHash('#/students?tier=extreme')).toEqual({
      name: 'students',
      query: DEFAULT_STUDENT_QUERY,
    });
    expect(isSortKey('risk')).toBe(true);
    expect(SORT_DEFAULT_DIRECTION.risk).toBe('desc');
  });

  it('opens the models page with or without a chosen version', () => {
    expect(parseHash('#/models')).toEqual({ name: 'models', modelId: null });
    expect(parseHash('#/models/abc%2F1')).toEqual({ name: 'models', modelId: 'abc/1' });
    expect(hrefFor({ name: 'models', modelId: 'abc/1' })).toBe('#/models/abc%2F1');
    expect(hrefFor({ name: 'models', modelId: null })).toBe('#/models');
  });
});

describe('model card download', () => {
  it('decodes base64 PDF bytes exactly, ignoring line breaks', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37 + 11) % 256);
    const base64 = Buffer.from(bytes).toString('base64');
    const wrapped = base64.replace(/(.{76})/g, '$1\n');
    expect(Array.from(base64ToBytes(wrapped))).toEqual(Array.from(bytes));
    expect(base64ToBytes('')).toHaveLength(0);
  });

  it('makes a PDF blob from bytes and a Markdown blob from text', async () => {
    const pdf = modelCardBlob(
      {
        fileName: 'card.pdf',
        mimeType: 'application/pdf',
        content: Buffer.from('%PDF-1.7').toString('base64'),
      },
      'pdf',
    );
    expect(pdf.type).toBe('application/pdf');
    expect(await pdf.text()).toBe('%PDF-1.7');
    const md = modelCardBlob(
      { fileName: 'card.md', mimeType: 'text/markdown', content: '# Model card\n' },
      'markdown',
    );
    expect(await md.text()).toBe('# Model card\n');
  });
});
