/**
 * The model card: what a district admin (and anyone they answer to) needs to judge a model —
 * the data window, what it predicts, what it reads and never reads, how it did on students it
 * never saw (overall and per group), and what it cannot do. Stored as JSON with the version;
 * rendered as Markdown or PDF on request.
 */
import PDFDocument from 'pdfkit';
import type { ModelKind } from '../../db/schema';
import type { Dataset } from './dataset';
import { featureSpec } from './features';
import type { ModelMetrics } from './metrics';
import type { Comparison } from './registry';

export interface BaselineRow {
  name: string;
  auc: number | null;
  prAuc: number | null;
  precisionAtRate: number | null;
  recallAtRate: number | null;
  brier: number | null;
}

export interface ModelCard {
  name: string;
  kind: ModelKind;
  createdAt: string;
  intendedUse: string;
  label: string;
  dataWindow: {
    schoolYear: string;
    firstWeek: string;
    lastWeek: string;
    train: string[];
    holdout: string[];
  };
  split: string;
  counts: { train: Dataset['train']['counts']; holdout: Dataset['holdout']['counts'] };
  features: { key: string; label: string }[];
  neverInputs: string[];
  flagRate: number;
  metrics: {
    auc: number | null;
    prAuc: number | null;
    precisionAtRate: number | null;
    recallAtRate: number | null;
    brier: number | null;
    calibrationError: number | null;
  };
  baselines: BaselineRow[];
  comparison: Comparison | null;
  subgroupGaps: {
    attribute: string;
    metric: string;
    highest: string;
    lowest: string;
    gap: number;
  }[];
  limits: string[];
  seed: number;
}

const MODEL_WORDS: Record<ModelKind, string> = {
  logistic:
    'Logistic regression on the latest week’s indicators (year-to-date and 4-week aggregates).',
  gru: 'A small recurrent network (GRU, 16 units) with attention over the last 12 weeks of indicators.',
};

export function buildModelCard(input: {
  name: string;
  kind: ModelKind;
  createdAt: number;
  dataset: Dataset;
  metrics: ModelMetrics;
  baselines: BaselineRow[];
  comparison: Comparison | null;
  seed: number;
}): Record<string, unknown> {
  const { dataset, metrics } = input;
  const o = metrics.overall;
  const card: ModelCard = {
    name: input.name,
    kind: input.kind,
    createdAt: new Date(input.createdAt).toISOString(),
    intendedUse: `${MODEL_WORDS[input.kind]} It ranks students by how likely an adverse end-of-term outcome is, so staff can look at the highest first. It supports, never replaces, a person's judgement, and it is shown beside the transparent flags.`,
    label: dataset.labelDefinition,
    dataWindow: {
      schoolYear: dataset.schoolYear.title,
      firstWeek: dataset.window.firstWeek,
      lastWeek: dataset.window.lastWeek,
      train: dataset.train.terms.map((t) => t.title),
      holdout: dataset.holdout.terms.map((t) => t.title),
    },
    split:
      'Time-based: trained on the earlier term(s), measured on the latest term with recorded outcomes. No student-week of the holdout term was seen in training.',
    counts: { train: dataset.train.counts, holdout: dataset.holdout.counts },
    features: dataset.schema.keys.map((key) => ({ key, label: featureSpec(key)?.label ?? key })),
    neverInputs: [
      'race/ethnicity',
      'sex',
      'disability (IDEA) and Section 504',
      'English learner status',
      'free/reduced-price lunch',
    ],
    flagRate: metrics.flagRate,
    metrics: {
      auc: o.auc,
      prAuc: o.prAuc,
      precisionAtRate: o.precision,
      recallAtRate: o.recall,
      brier: o.brier,
      calibrationError: o.calibrationError,
    },
    baselines: input.baselines,
    comparison: input.comparison,
    subgroupGaps: metrics.gaps.map((g) => ({
      attribute: g.attribute,
      metric: g.metric,
      highest: g.highest.group,
      lowest: g.lowest.group,
      gap: g.gap,
    })),
    limits: [
      'Trained on one district’s records: it learns that district’s patterns, including any bias in how absences, grades and discipline were recorded.',
      `At the ${Math.round(metrics.flagRate * 100)}% flag rate, ${pct(o.precision)} of flagged students had the outcome: the rest were false alarms. Treat a flag as a reason to look, not a verdict.`,
      'Subgroup rates differ (see the gaps); groups under 20 students are reported but too small to judge.',
      'Scores are relative: tiers come from the share of students flagged, not a fixed probability.',
      'A student with few weeks of data (a late entrant) is scored on what exists; their score is less certain.',
    ],
    seed: input.seed,
  };
  return card as unknown as Record<string, unknown>;
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
}
function num(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}

/**
 * A stored card with every field present: a model imported without a card (or with an older
 * one) still renders, saying what is missing instead of failing.
 */
function complete(cardJson: Record<string, unknown>): ModelCard {
  const missing = 'Not recorded for this model version.';
  const c = cardJson as Partial<ModelCard>;
  const counts = { examples: 0, students: 0, positives: 0, positiveStudents: 0, fromFeedback: 0 };
  return {
    name: c.name ?? 'Model without a card',
    kind: c.kind ?? 'logistic',
    createdAt: c.createdAt ?? new Date(0).toISOString(),
    intendedUse: c.intendedUse ?? missing,
    label: c.label ?? missing,
    dataWindow: c.dataWindow ?? {
      schoolYear: '—',
      firstWeek: '—',
      lastWeek: '—',
      train: [],
      holdout: [],
    },
    split: c.split ?? missing,
    counts: c.counts ?? { train: counts, holdout: counts },
    features: c.features ?? [],
    neverInputs: c.neverInputs ?? [],
    flagRate: c.flagRate ?? 0.1,
    metrics: c.metrics ?? {
      auc: null,
      prAuc: null,
      precisionAtRate: null,
      recallAtRate: null,
      brier: null,
      calibrationError: null,
    },
    baselines: c.baselines ?? [],
    comparison: c.comparison ?? null,
    subgroupGaps: c.subgroupGaps ?? [],
    limits: c.limits ?? [missing],
    seed: c.seed ?? 0,
  };
}

export function cardMarkdown(cardJson: Record<string, unknown>): string {
  const c = complete(cardJson);
  const lines = [
    `# Model card: ${c.name}`,
    '',
    `Created ${c.createdAt.slice(0, 10)} · ${c.kind === 'gru' ? 'GRU with attention' : 'Logistic regression'}`,
    '',
    '## Intended use',
    c.intendedUse,
    '',
    '## What it predicts',
    c.label,
    '',
    '## Data',
    `School year ${c.dataWindow.schoolYear}, weeks ${c.dataWindow.firstWeek} to ${c.dataWindow.lastWeek}. ${c.split}`,
    '',
    `| split | terms | examples | students | positive examples |`,
    `| --- | --- | ---: | ---: | ---: |`,
    `| train | ${c.dataWindow.train.join(', ')} | ${c.counts.train.examples} | ${c.counts.train.students} | ${c.counts.train.positives} |`,
    `| holdout | ${c.dataWindow.holdout.join(', ')} | ${c.counts.holdout.examples} | ${c.counts.holdout.students} | ${c.counts.holdout.positives} |`,
    '',
    '## Inputs',
    ...c.features.map((f) => `- ${f.label} (\`${f.key}\`)`),
    '',
    `Never inputs: ${c.neverInputs.join(', ')}. These are used only to audit error rates below.`,
    '',
    `## Holdout results (flag rate ${pct(c.flagRate)})`,
    '',
    '| model | AUC | PR-AUC | precision at flag rate | recall at flag rate | Brier |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...c.baselines.map(
      (b) =>
        `| ${b.name} | ${num(b.auc)} | ${num(b.prAuc)} | ${pct(b.precisionAtRate)} | ${pct(b.recallAtRate)} | ${num(b.brier)} |`,
    ),
    '',
    c.comparison
      ? `Against the active model on the same holdout: ${c.comparison.beatsActive ? 'better' : 'not better'} (active AUC ${num(c.comparison.activeAuc)}, precision ${pct(c.comparison.activePrecisionAtRate)}).`
      : 'There was no active model to compare with.',
    '',
    '## Largest gaps between groups',
    '',
    '| attribute | measure | highest | lowest | gap |',
    '| --- | --- | --- | --- | ---: |',
    ...c.subgroupGaps.map(
      (g) => `| ${g.attribute} | ${g.metric} | ${g.highest} | ${g.lowest} | ${num(g.gap)} |`,
    ),
    '',
    '## Known limits',
    ...c.limits.map((l) => `- ${l}`),
    '',
    `Training seed ${c.seed}.`,
    '',
  ];
  return lines.join('\n');
}

/** A tagged PDF of the card (document structure and reading order for screen readers). */
export function cardPdf(cardJson: Record<string, unknown>): Promise<Buffer> {
  const c = complete(cardJson);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    info: { Title: `Model card: ${c.name}`, Author: 'Sightline' },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const heading = (text: string, size: number) =>
    doc.struct(size > 16 ? 'H1' : 'H2', {}, () => {
      doc.font('Helvetica-Bold').fontSize(size).text(text);
    });
  const para = (text: string) =>
    doc.struct('P', {}, () => {
      doc.font('Helvetica').fontSize(10.5).text(text, { paragraphGap: 6 });
    });
  const section = doc.struct('Document');
  doc.addStructure(section);
  const add = (element: ReturnType<typeof doc.struct>) => section.add(element);
  add(heading(`Model card: ${c.name}`, 18));
  add(para(`Created ${c.createdAt.slice(0, 10)}.`));
  add(heading('Intended use', 13));
  add(para(c.intendedUse));
  add(heading('What it predicts', 13));
  add(para(c.label));
  add(heading('Data', 13));
  add(
    para(
      `School year ${c.dataWindow.schoolYear}, weeks ${c.dataWindow.firstWeek} to ${c.dataWindow.lastWeek}. ${c.split} Train: ${c.counts.train.examples} examples of ${c.counts.train.students} students (${c.dataWindow.train.join(', ')}). Holdout: ${c.counts.holdout.examples} examples of ${c.counts.holdout.students} students (${c.dataWindow.holdout.join(', ')}).`,
    ),
  );
  add(heading('Inputs', 13));
  add(para(c.features.map((f) => f.label).join('; ') + '.'));
  add(para(`Never inputs: ${c.neverInputs.join(', ')}.`));
  add(heading(`Holdout results at a ${pct(c.flagRate)} flag rate`, 13));
  for (const b of c.baselines) {
    add(
      para(
        `${b.name}: AUC ${num(b.auc)}, PR-AUC ${num(b.prAuc)}, precision ${pct(b.precisionAtRate)}, recall ${pct(b.recallAtRate)}, Brier ${num(b.brier)}.`,
      ),
    );
  }
  add(heading('Largest gaps between groups', 13));
  for (const g of c.subgroupGaps) {
    add(para(`${g.attribute}, ${g.metric}: ${g.highest} vs ${g.lowest}, gap ${num(g.gap)}.`));
  }
  add(heading('Known limits', 13));
  for (const l of c.limits) add(para(`• ${l}`));
  section.end();
  doc.end();
  return done;
}
