/**
 * `evaluateExports` end to end: a generated district exported as a OneRoster bundle plus SIS
 * and LMS CSVs (no outcomes, no calendar), imported into a scratch database, labelled with
 * derived outcomes, trained on fall and judged on spring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { detectFileKind } from '../../main/imports/detect-file';
import { openStore } from '../../main/store/open';
import {
  evaluateExports,
  formatMetricsTable,
  planImports,
  type EvaluateResult,
} from '../../main/training/evaluate';
import { writeDemoExports, type DemoExports } from '../fixtures/demo-exports';
import { tempDir } from '../helpers';

describe('evaluateExports on a demo district’s exports', () => {
  const t = tempDir('sightline-evaluate-test-');
  const exportsDir = path.join(t.dir, 'exports');
  const scratchParent = path.join(t.dir, 'scratch');
  let exported: DemoExports;
  let recorded: { outcome: string; value: number; n: number }[];
  let result: EvaluateResult;
  const messages: [number, string][] = [];

  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'demo.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 400, seed: 7 });
    exported = writeDemoExports(store.sqlite, exportsDir);
    recorded = store.sqlite
      .prepare(
        `SELECT outcome, value, count(*) n FROM student_outcomes
         GROUP BY outcome, value ORDER BY outcome, value`,
      )
      .all() as typeof recorded;
    await store.close();
    fs.mkdirSync(scratchParent);
    result = await evaluateExports(exportsDir, {
      seed: 11,
      kinds: ['logistic'],
      tempDir: scratchParent,
      onProgress: (fraction, message) => messages.push([fraction, message]),
    });
  }, 180_000);
  afterAll(() => t.cleanup());

  it('recognises every export the way the CLI does', async () => {
    for (const [kind, file] of Object.entries(exported.files)) {
      expect(await detectFileKind(file), file).toBe(kind);
    }
    expect(await detectFileKind(exported.oneRoster)).toBe('oneroster');
    const plan = await planImports(exportsDir);
    expect(plan.unknown).toEqual([]);
    expect(plan.requests.map((r) => r.kind)).toEqual([
      'oneroster',
      'attendance',
      'grades',
      'assignments',
      'submissions',
      'incidents',
      'lms_activity',
    ]);
  });

  it('imports every row and derives the outcomes the generator recorded', () => {
    for (const f of result.files) {
      expect(f.quarantined, `${f.name}: ${f.summary}`).toBe(0);
      expect(f.rows, f.name).not.toBeNull();
    }
    expect(result.calendarInferred).toBe(true);
    // Same student × term × outcome rows and the same positives, through exports and back.
    expect(result.outcomes).toMatchObject({ terms: 2, kept: 0, withoutFinals: [] });
    expect(result.outcomes.rows).toBe(recorded.reduce((a, r) => a + r.n, 0));
    expect(result.labels).toEqual(recorded);
    expect(result.gaps.join('\n')).toMatch(/No school calendar in the exports: [\d,]+ school days/);
    expect(result.gaps.join('\n')).toMatch(/free or reduced-price lunch/);
    expect(result.gaps.some((g) => /quarantined|Not imported|OneRoster:/.test(g))).toBe(false);
  });

  it('trains on fall, judges on spring, and reports the rules next to the model', () => {
    expect(result.counts.train.students).toBeGreaterThan(300);
    expect(result.counts.holdout.students).toBeGreaterThan(300);
    expect(result.counts.holdout.positiveStudents).toBeGreaterThan(10);
    const names = result.table.map((r) => r.model);
    expect(names).toEqual(['Transparent rules (flag count)', 'Logistic regression']);
    const [rules, logistic] = result.table;
    expect(rules!.auc).toBeGreaterThan(0.6);
    expect(logistic!.auc).toBeGreaterThan(0.7);
    expect(logistic!.brier).toBeGreaterThan(0);
    expect(logistic!.brier).toBeLessThan(0.25);
    const fractions = messages.map(([f]) => f);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('removes its scratch database', () => {
    expect(fs.readdirSync(scratchParent)).toEqual([]);
  });

  it('prints the metrics as an aligned table', () => {
    const text = formatMetricsTable([
      ...result.table,
      {
        model: 'Nothing',
        auc: null,
        prAuc: null,
        precisionAtRate: null,
        recallAtRate: null,
        brier: null,
      },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Model\s+AUC\s+PR-AUC\s+Precision@rate\s+Recall@rate\s+Brier$/);
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
    expect(lines).toHaveLength(2 + result.table.length + 1);
    // Right-aligned numbers end in the same column as their header.
    const end = lines[0]!.length;
    for (const line of lines.slice(2)) expect(line.length).toBe(end);
    expect(lines.at(-1)).toMatch(/^Nothing\s+—\s+—\s+—\s+—\s+—$/);
    expect(lines[2]).toMatch(/^Transparent rules \(flag count\)\s+0\.\d{3}/);
  });
});
