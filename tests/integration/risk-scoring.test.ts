/**
 * Scoring's parts on a generated district, with the shipped model and the real onnxruntime:
 * the week-at-a-time read returns exactly what is stored, occlusion that skips runs gives the
 * deltas that running every feature gives, the sentences quote what the rows hold, each current
 * score carries the same model's score from the week before, a part-written newer week drops
 * nobody, and inputs stored by an older build are rebuilt.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../db/seed/generate';
import { runPipeline } from '../../main/pipeline/run';
import { occlusionDeltas, rowWeek, sentenceFor } from '../../main/risk/explain';
import { scoreStudents } from '../../main/risk/score';
import { RiskSession } from '../../main/risk/session';
import { openStore, type Store } from '../../main/store/open';
import {
  FEATURE_KEYS,
  featureSpec,
  toSequenceBatch,
  type FeatureRow,
} from '../../main/training/features';
import {
  MODEL_INPUTS_KEYS_SETTING,
  inputsCurrent,
  readInputWeeks,
} from '../../main/training/model-inputs';
import { loadModelVersion, type LoadedModel } from '../../main/training/registry';
import { installShippedModel } from '../../main/training/shipped';
import { tempDir } from '../helpers';

const t = tempDir('sightline-risk-scoring-');
let store: Store;
let model: LoadedModel;

interface RiskRow {
  student_id: string;
  model_version_id: string;
  week_start: string;
  score: number;
  tier: string;
  previous_score: number | null;
  previous_tier: string | null;
  factors_json: string;
}
const current = () =>
  store.sqlite.prepare('SELECT * FROM student_risk ORDER BY student_id').all() as RiskRow[];
const latestWeek = () =>
  store.sqlite.prepare('SELECT max(week_start) FROM student_features').pluck().get() as string;

describe('scoring', () => {
  beforeAll(async () => {
    store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    generateDemoDistrict(store.sqlite, { students: 300, seed: 7 });
    await runPipeline(store, { mode: 'backfill', trigger: 'seed' });
    expect(await installShippedModel(store.sqlite)).toBeTruthy();
    model = loadModelVersion(store.sqlite, null)!;
    await scoreStudents(store, { mode: 'history' });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('reads each week of inputs exactly as stored, row by row', () => {
    const stored = store.sqlite
      .prepare('SELECT week_start, student_id, features FROM model_inputs')
      .raw()
      .all() as [string, string, Buffer][];
    const read = readInputWeeks(store.sqlite, '0000-01-01', '9999-12-31').flatMap((week) =>
      week.ids.map((id, i) => {
        const v = week.values.subarray(i * FEATURE_KEYS.length, (i + 1) * FEATURE_KEYS.length);
        return [week.week, id, Buffer.from(v.buffer, v.byteOffset, v.byteLength)] as const;
      }),
    );
    const key = (r: readonly [string, string, Buffer]) => `${r[0]} ${r[1]}`;
    expect(read.length).toBe(stored.length);
    const byKey = new Map(stored.map((r) => [key(r), r[2]]));
    for (const r of read) expect(byKey.get(key(r))?.equals(r[2])).toBe(true);
    // A window reads only its own weeks.
    const last = latestWeek();
    expect(readInputWeeks(store.sqlite, last, last).map((w) => w.week)).toEqual([last]);
  });

  it('gives the same occlusion deltas as running every feature through the model', async () => {
    const session = await RiskSession.load(model.onnx, model.schema);
    try {
      const rows = store.sqlite
        .prepare(
          `SELECT * FROM student_features WHERE student_id IN
             (SELECT id FROM students ORDER BY id LIMIT 40)
           ORDER BY student_id, week_start`,
        )
        .all() as FeatureRow[];
      const byStudent = new Map<string, FeatureRow[]>();
      for (const r of rows)
        byStudent.set(r.student_id, [...(byStudent.get(r.student_id) ?? []), r]);
      const base = toSequenceBatch([...byStudent.values()], model.schema);
      const { risk } = await session.run(base);
      const deltas = await occlusionDeltas(session, base, risk, model.schema.keys);

      const f = model.schema.keys.length;
      const stride = base.weeks * f;
      const x = new Float32Array(base.n * f * stride);
      const mask = new Float32Array(base.n * f * base.weeks);
      for (let s = 0; s < base.n; s++) {
        for (let k = 0; k < f; k++) {
          const at = (s * f + k) * stride;
          x.set(base.x.subarray(s * stride, (s + 1) * stride), at);
          for (let w = 0; w < base.weeks; w++) x[at + w * f + k] = 0;
          mask.set(
            base.mask.subarray(s * base.weeks, (s + 1) * base.weeks),
            (s * f + k) * base.weeks,
          );
        }
      }
      const every = await session.run({ x, mask, n: base.n * f, weeks: base.weeks, features: f });
      const logit = (p: number) => Math.log(p / (1 - p));
      let skipped = 0;
      for (let s = 0; s < base.n; s++) {
        for (let k = 0; k < f; k++) {
          const full = logit(risk[s]!) - logit(every.risk[s * f + k]!);
          const got = deltas[s * f + k]!;
          if (featureSpec(model.schema.keys[k]!)!.group === 'context') {
            expect(got).toBeNaN();
            continue;
          }
          if (got === 0) skipped++;
          expect(Math.abs(got - full)).toBeLessThan(1e-4);
        }
      }
      // The demo district has no assessment results: those features are never run.
      expect(skipped).toBeGreaterThanOrEqual(2 * base.n);
    } finally {
      await session.release();
    }
  });

  it('explains with the numbers the rows hold', () => {
    const courses = new Map(
      store.sqlite
        .prepare('SELECT s.id, c.title FROM sections s JOIN courses c ON c.id = s.course_id')
        .raw()
        .all() as [string, string][],
    );
    // The student's rows up to the scored week, newest first: the scored week and, when the
    // model saw more than four weeks, the one four rows earlier.
    const recent = store.sqlite.prepare(
      `SELECT * FROM student_features WHERE student_id = ? AND week_start <= ?
       ORDER BY week_start DESC LIMIT ?`,
    );
    const flagged = current().filter((r) => r.tier !== 'low');
    expect(flagged.length).toBeGreaterThan(50);
    let sentences = 0;
    for (const r of flagged) {
      const rows = recent.all(r.student_id, r.week_start, model.schema.weeks) as FeatureRow[];
      const now = rowWeek(rows[0]!);
      const before = rows.length > 4 ? rowWeek(rows[4]!) : null;
      for (const factor of JSON.parse(r.factors_json) as { feature: string; sentence: string }[]) {
        expect(sentenceFor(factor.feature, now, before, (id) => courses.get(id))).toBe(
          factor.sentence,
        );
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(flagged.length);
  });

  it("carries each student's score from the same model's week before", () => {
    const before = store.sqlite.prepare(
      `SELECT score, tier FROM predictions WHERE model_version_id = ? AND student_id = ?
         AND week_start < ? ORDER BY week_start DESC LIMIT 1`,
    );
    const rows = current();
    expect(rows.filter((r) => r.previous_score !== null).length).toBeGreaterThan(rows.length * 0.9);
    for (const r of rows) {
      const prev = before.get(r.model_version_id, r.student_id, r.week_start) as
        { score: number; tier: string } | undefined;
      expect([r.previous_score, r.previous_tier]).toEqual([
        prev?.score ?? null,
        prev?.tier ?? null,
      ]);
    }
  });

  it('scores everyone at the scoring week when a stopped run wrote a newer week for some', async () => {
    const { sqlite } = store;
    const week = latestWeek();
    const enrolled = sqlite
      .prepare('SELECT student_id FROM model_inputs WHERE week_start = ? ORDER BY student_id')
      .pluck()
      .all(week) as string[];
    // A pipeline run killed part-way through the next week: two students have it, no one
    // else does, and no run finished it.
    const next = sqlite.prepare(`SELECT date(?, '+7 days')`).pluck().get(week) as string;
    sqlite
      .prepare(
        `INSERT INTO model_inputs (week_start, student_id, features)
         SELECT ?, student_id, features FROM model_inputs
         WHERE week_start = ? AND student_id IN (?, ?)`,
      )
      .run(next, week, enrolled[0], enrolled[1]);
    try {
      const summary = await scoreStudents(store, { mode: 'latest' });
      expect(summary).toMatchObject({ status: 'succeeded', weekStart: week });
      const rows = current();
      expect(rows.map((r) => r.student_id)).toEqual(enrolled);
      expect(new Set(rows.map((r) => r.week_start))).toEqual(new Set([week]));
    } finally {
      sqlite.prepare('DELETE FROM model_inputs WHERE week_start = ?').run(next);
    }
  });

  it('rebuilds inputs an older build stored, once, and scores as before', async () => {
    const { sqlite } = store;
    await scoreStudents(store, { mode: 'latest' });
    const scored = current();
    // As the float32 build left them: four bytes a value, and its marker.
    const float32 = sqlite.prepare(
      'UPDATE model_inputs SET features = ? WHERE week_start = ? AND student_id = ?',
    );
    const rows = sqlite
      .prepare('SELECT week_start, student_id, features FROM model_inputs')
      .raw()
      .all() as [string, string, Buffer][];
    sqlite.transaction(() => {
      for (const [week, student, blob] of rows) {
        const v = Float32Array.from(new Float64Array(new Uint8Array(blob).buffer));
        float32.run(Buffer.from(v.buffer), week, student);
      }
      sqlite
        .prepare('UPDATE settings SET value_json = ? WHERE key = ?')
        .run(JSON.stringify(JSON.stringify(FEATURE_KEYS)), MODEL_INPUTS_KEYS_SETTING);
    })();
    expect(inputsCurrent(sqlite)).toBe(false);

    await scoreStudents(store, { mode: 'latest' });
    expect(inputsCurrent(sqlite)).toBe(true);
    expect(
      sqlite.prepare('SELECT DISTINCT length(features) FROM model_inputs').pluck().all(),
    ).toEqual([FEATURE_KEYS.length * 8]);
    const again = current();
    expect(again.map((r) => [r.student_id, r.score, r.tier, r.factors_json])).toEqual(
      scored.map((r) => [r.student_id, r.score, r.tier, r.factors_json]),
    );
  });
});
